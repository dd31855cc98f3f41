import * as z from 'zod/mini';
import { genders, outcomes, referralSources } from './participant-lists';
import { PastDate, PlannedDate } from './period';
import { PageQuery } from './queries';
import { RecordId } from './record-id';
import type { Span } from './records/spans';
import * as rules from './rules';
import { SingleLine } from './text-input';
import { raise } from './validation';

export { genders, outcomes, referralSources } from './participant-lists';

export const Gender = z.enum(genders);
export type Gender = z.infer<typeof Gender>;

export const ReferralSource = z.enum(referralSources);
export type ReferralSource = z.infer<typeof ReferralSource>;

export const Outcome = z.enum(outcomes);
export type Outcome = z.infer<typeof Outcome>;

export const ParticipantId = RecordId;

/**
 * Only what the statistics and the daily follow-up need (data minimisation): a name staff know the
 * person by, birth year (not date), gender, start, referral and, at the end, the outcome.
 */
const editable = {
  displayName: SingleLine(1, 80),
  birthYear: z.int().check(z.gte(1900), z.lte(2100)),
  gender: z.optional(Gender),
  /** A participation may be agreed a little ahead of its first day. */
  startDate: PlannedDate,
  referralSource: ReferralSource,
};

/**
 * Participants are adults: 18 in the year they start at the latest. Checked only once the start date
 * itself is good, so a wrong date is reported on the date and not on the birth year.
 */
const adultAtStart = z.refine<{ birthYear: number; startDate: string }>(
  (p) => Number(p.startDate.slice(0, 4)) - p.birthYear >= 18,
  {
    ...raise(rules.adult),
    path: ['birthYear'],
    when: (payload) =>
      !payload.issues.some((i) => !i.path?.length || i.path[0] === 'startDate' || i.path[0] === 'birthYear'),
  },
);

export const ParticipantCreate = z.strictObject(editable).check(adultAtStart);
export type ParticipantCreate = z.infer<typeof ParticipantCreate>;

export const ParticipantUpdate = z
  .strictObject({ ...editable, version: z.int().check(z.gte(1)) })
  .check(adultAtStart);
export type ParticipantUpdate = z.infer<typeof ParticipantUpdate>;

export const ParticipationEnd = z.strictObject({
  endDate: PastDate,
  outcome: Outcome,
  version: z.int().check(z.gte(1)),
});
export type ParticipationEnd = z.infer<typeof ParticipationEnd>;

export type Participant = Omit<ParticipantCreate, 'gender'> & {
  id: string;
  gender?: Gender;
  endDate?: string;
  outcome?: Outcome;
  version: number;
  createdAt: string;
  updatedAt: string;
  /** Work-training and own measures, by id. */
  measures: Record<string, Span>;
  /** Correctional orders, by id (the hours served on them are logged by date, see hours). */
  orders: Record<string, Span>;
};

/**
 * The participants list: a page, current participants first and then those who ended most recently,
 * optionally only those whose name contains `q`.
 */
export const ParticipantListQuery = z.strictObject({
  ...PageQuery.shape,
  q: z.optional(SingleLine(1, 80)),
});
export type ParticipantListQuery = z.infer<typeof ParticipantListQuery>;

/**
 * What an edit changed, as the edit route answers it: the edit is a transaction (its access-log entry
 * commits with it), and a transaction does not hand back the whole item.
 */
export type ParticipantUpdated = Pick<Participant, 'id' | 'version' | 'updatedAt'> &
  Omit<ParticipantUpdate, 'version'>;

/**
 * What ending a participation changed, as the end route answers it: the end is one transaction with its
 * remembered answer, and a transaction does not hand back the whole item.
 */
export type ParticipationEnded = Pick<Participant, 'id' | 'version' | 'updatedAt'> &
  Required<Pick<Participant, 'endDate' | 'outcome'>>;
