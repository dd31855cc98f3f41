import * as z from 'zod/mini';
import { ActivityDeleteQuery } from '../activity';
import { Slug } from '../catalogue/ids';
import type { Participant } from '../participant';
import { PastDate, PlanDate } from '../period';
import { RecordId } from '../record-id';
import * as rules from '../rules';
import { MultiLine, SingleLine } from '../text-input';
import { raise } from '../validation';

/**
 * *Arbeidshjulet*: a participant's plan across the living-condition domains of the foundation's catalogue
 * (housing, work/activity, …). Where the participant is now on each domain, as they see it and as staff
 * see it; their goals in their own words; the steps (what, who, by when, done); the partners the plan
 * works with, each with a contact person; and the domains the participant has agreed to share with
 * partners, each with the date of consent. Wheel conversations are recorded on the plan and kept, so
 * the wheel's history is the plan's. The domains and partner types are catalogue ids (slugs).
 */

/** Goals, steps and partners are named by ids the client makes (UUIDs), so a step can be marked done by id. */
const ItemId = RecordId;

/** The most domains a wheel can have: more spokes than this is no longer a wheel anyone reads. */
export const MAX_DOMAINS = 12;

/** A position on the wheel's scale: whole steps; the catalogue's scale bounds it further. */
const Position = z.int().check(z.gte(0), z.lte(10));

const fewDomains = z.refine<Record<string, unknown>>((r) => Object.keys(r).length <= MAX_DOMAINS, {
  ...raise(rules.tooManyDomains),
});

/** Positions by domain id. */
export const DomainPositions = z.record(Slug, Position).check(fewDomains);
export type DomainPositions = z.infer<typeof DomainPositions>;

/** Where the participant is now: as they see it, and as staff see it. */
export const Positions = z.strictObject({ participant: DomainPositions, staff: DomainPositions });
export type Positions = z.infer<typeof Positions>;

/** The scale positions are given on: the catalogue's at the time, stored beside them. */
export const ScaleUsed = z.strictObject({
  min: z.int().check(z.gte(0), z.lte(1)),
  max: z.int().check(z.gte(4), z.lte(10)),
});
export type ScaleUsed = z.infer<typeof ScaleUsed>;

export const Goal = z.strictObject({ id: ItemId, domain: Slug, text: MultiLine(1, 500) });
export type Goal = z.infer<typeof Goal>;

export const Step = z.strictObject({
  id: ItemId,
  domain: Slug,
  what: MultiLine(1, 300),
  /** Who does it: the participant, someone at the centre, a partner. */
  who: SingleLine(1, 120),
  due: z.optional(PlanDate),
  /** The day it was done. */
  done: z.optional(PastDate),
});
export type Step = z.infer<typeof Step>;

const Phone = z.string().check(z.trim(), z.regex(/^\+?[0-9 ]{8,17}$/));
const Email = z.string().check(z.trim(), z.maxLength(120), z.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/));

export const Partner = z.strictObject({
  id: ItemId,
  type: Slug,
  /** The office or service: "NAV Øvre Eiker", "DPS Drammen". */
  organisation: SingleLine(1, 120),
  contact: SingleLine(1, 120),
  phone: z.optional(Phone),
  email: z.optional(Email),
  /** The domains the partner works on with the participant. */
  domains: z.array(Slug).check(z.maxLength(MAX_DOMAINS)),
});
export type Partner = z.infer<typeof Partner>;

/** The domains the participant has agreed to share with partners, each with the day they agreed. */
export const Consent = z.record(Slug, PastDate).check(fewDomains);
export type Consent = z.infer<typeof Consent>;

type Issues = { addIssue: (issue: z.core.$ZodRawIssue) => void };

function outsideScale(scale: ScaleUsed, positions: DomainPositions, path: string[], ctx: Issues) {
  for (const [domain, value] of Object.entries(positions))
    if (value < scale.min || value > scale.max)
      ctx.addIssue({ code: 'custom', ...raise(rules.outsideScale), path: [...path, domain], input: value });
}

/** Both views' positions on the scale the body says they are given on, each error at its own position. */
const bothOnScale = z.superRefine<{ scale: ScaleUsed; positions: Positions }>((body, ctx) => {
  outsideScale(body.scale, body.positions.participant, ['positions', 'participant'], ctx);
  outsideScale(body.scale, body.positions.staff, ['positions', 'staff'], ctx);
});

const ownOnScale = z.superRefine<{ scale: ScaleUsed; positions: DomainPositions }>((body, ctx) =>
  outsideScale(body.scale, body.positions, ['positions'], ctx),
);

/** Ids unique across the plan's goals, steps and partners, each repeat reported where it is. */
const uniqueIds = z.superRefine<{
  goals?: { id: string }[];
  steps?: { id: string }[];
  partners?: { id: string }[];
}>((plan, ctx) => {
  const seen = new Set<string>();
  for (const list of ['goals', 'steps', 'partners'] as const)
    (plan[list] ?? []).forEach((item, i) => {
      if (seen.has(item.id))
        ctx.addIssue({ code: 'custom', ...raise(rules.duplicateId), path: [list, i, 'id'], input: item.id });
      seen.add(item.id);
    });
});

const version = z.int().check(z.gte(1));
/** 0: there is no plan yet, and this write makes it. */
const planVersion = z.int().check(z.gte(0));

/** The plan as staff write it, against the version shown. */
export const PlanUpdate = z
  .strictObject({
    version: planVersion,
    scale: ScaleUsed,
    positions: Positions,
    goals: z.array(Goal).check(z.maxLength(50)),
    steps: z.array(Step).check(z.maxLength(100)),
    partners: z.array(Partner).check(z.maxLength(30)),
    consent: Consent,
    nextConversation: z.optional(PlanDate),
  })
  .check(bothOnScale, uniqueIds);
export type PlanUpdate = z.infer<typeof PlanUpdate>;

/** What the participant writes themselves before a conversation: where they are now, and their goals. */
export const OwnPlanUpdate = z
  .strictObject({
    version: planVersion,
    scale: ScaleUsed,
    positions: DomainPositions,
    goals: z.array(Goal).check(z.maxLength(50)),
  })
  .check(ownOnScale, uniqueIds);
export type OwnPlanUpdate = z.infer<typeof OwnPlanUpdate>;

/** A step marked done on a day, or not done (`null`), against the plan's version shown. */
export const StepMark = z.strictObject({ version, done: z.nullable(PastDate) });
export type StepMark = z.infer<typeof StepMark>;

const conversation = {
  /** Who took part: the participant, staff, partners; as the people there would write it. */
  attendees: z.array(SingleLine(1, 120)).check(z.minLength(1), z.maxLength(12)),
  scale: ScaleUsed,
  positions: Positions,
  notes: z.optional(MultiLine(1, 4000)),
  nextConversation: z.optional(PlanDate),
};

/**
 * A wheel conversation: the day, who took part, the positions agreed on, notes and the next one; made
 * against the plan's version shown (0 for a participant without a plan), whose positions it updates.
 */
export const ConversationCreate = z
  .strictObject({ date: PastDate, planVersion, ...conversation })
  .check(bothOnScale);
export type ConversationCreate = z.infer<typeof ConversationCreate>;

/** A correction of a recorded conversation; a wrong day is deleted and recorded again on the right one. */
export const ConversationUpdate = z.strictObject({ version, ...conversation }).check(bothOnScale);
export type ConversationUpdate = z.infer<typeof ConversationUpdate>;

/** Deleting a conversation names the version shown, as deleting an entry does. */
export const ConversationDeleteQuery = ActivityDeleteQuery;

export type Plan = {
  participantId: string;
  version: number;
  scale: ScaleUsed;
  positions: Positions;
  goals: Goal[];
  steps: Step[];
  partners: Partner[];
  consent: Consent;
  nextConversation?: string;
  updatedAt: string;
  /** The role that wrote it last: the participant's own changes are shown as theirs. */
  updatedByRole: string;
};

export type Conversation = {
  id: string;
  participantId: string;
  date: string;
  attendees: string[];
  scale: ScaleUsed;
  positions: Positions;
  notes?: string;
  nextConversation?: string;
  version: number;
  createdAt: string;
  updatedAt?: string;
};

/** The participant's page: the participant, the plan (null until one is written) and every conversation. */
export type PlanPage = { participant: Participant; plan: Plan | null; conversations: Conversation[] };
