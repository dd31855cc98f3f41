import * as z from 'zod/mini';
import { Slug } from '../catalogue/ids';
import { todayInOslo, Year } from '../period';
import { MultiLine } from '../text-input';
import { raise } from '../validation';
import { type PublishedQuestionnaire, type Questionnaire, QuestionnaireDoc } from './questionnaire';
import * as surveyRules from './rules';

/**
 * The bodies of the survey's routes. The questionnaire: the head office saves its draft against the
 * revision it read (a stale revision is a conflict, never an overwrite) and publishes exactly the draft
 * it saw (the stored draft must still be that revision, with that content); a network member comments
 * on the draft of a version. A round: the leader opens one for a year (DOMAIN.md's period: its results
 * count in that year's figures) with a published version, makes codes for it, and closes it.
 */
export const DraftSave = z.strictObject({
  /** The revision the draft was read at: 0 before the head office first saved one. */
  revision: z.int().check(z.gte(0)),
  questionnaire: QuestionnaireDoc,
});
export type DraftSave = z.infer<typeof DraftSave>;

export const DraftPublish = z.strictObject({
  /** The version the draft is to be published as, as the head office read it. */
  version: z.int().check(z.gte(1)),
  revision: z.int().check(z.gte(1)),
  questionnaire: QuestionnaireDoc,
});
export type DraftPublish = z.infer<typeof DraftPublish>;

export const CommentCreate = z.strictObject({
  /** The version the draft will be published as: a comment is on that draft. */
  version: z.int().check(z.gte(1)),
  /** The question it is about, if one. */
  question: z.optional(Slug),
  text: MultiLine(1, 2000),
});
export type CommentCreate = z.infer<typeof CommentCreate>;

export const RoundOpen = z.strictObject({
  year: Year.check(
    z.refine((y) => y <= Number(todayInOslo().slice(0, 4)), { ...raise(surveyRules.yearNotBegun) }),
  ),
  version: z.int().check(z.gte(1)),
});
export type RoundOpen = z.infer<typeof RoundOpen>;

/** Codes made at a time: one transaction, with the check that the round is open and the request's answer. */
export const MAX_CODES = 80;
export const CodesCreate = z.strictObject({ count: z.int().check(z.gte(1), z.lte(MAX_CODES)) });
export type CodesCreate = z.infer<typeof CodesCreate>;

/** The round's year as the leader saw it: a close is never of another round than the one shown. */
export const RoundClose = z.strictObject({ year: Year });

/** A survey round as the leader's page lists it. */
export type SurveyRound = {
  id: string;
  year: number;
  version: number;
  status: 'open' | 'closed';
  openedOn: string;
  closedOn?: string;
  /** Codes made, and of them used (each use is one answer). */
  codes: { made: number; used: number };
};

/** A comment of the network on a draft. Who wrote it is not kept: the network speaks as one. */
export type DraftComment = { id: string; version: number; question?: string; text: string; at: string };

/** The head office's one draft of the questionnaire, as it reads it and saves it back. */
export type Draft = {
  /** 0: never saved, the starting questionnaire. */
  revision: number;
  /** The version the draft will be published as. */
  version: number;
  questionnaire: Questionnaire;
  savedAt: string | null;
};

/** GET …/survey/questionnaire: the draft, the published versions and the draft's comments. */
export type QuestionnaireState = {
  draft: Draft;
  /** Oldest first. */
  published: PublishedQuestionnaire[];
  /** On the current draft, oldest first. */
  comments: DraftComment[];
};
