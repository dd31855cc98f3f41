import * as z from 'zod/mini';
import { ParticipantId } from './participant';
import { IsoDate, PastDate } from './period';
import { PageQuery } from './queries';

/**
 * Kinds of registered activity. The foundation will extend this list (home visits, prison visits…);
 * today the register takes visits and contact points (phone + SMS).
 */
export const activityKinds = ['visit', 'contact_point'] as const;
export const ActivityKind = z.enum(activityKinds);
export type ActivityKind = z.infer<typeof ActivityKind>;

/** How many of a kind one entry records: a day's visits at a busy centre stay well under this. */
export const MAX_COUNT = 500;
/** Kinds one save may carry: every kind a centre shows on *I dag*, with room to spare. */
export const MAX_ENTRIES_PER_SAVE = 25;

export const ActivityItem = z.strictObject({
  kind: ActivityKind,
  count: z.int().check(z.gte(1), z.lte(MAX_COUNT)),
  participantId: z.optional(ParticipantId),
});
export type ActivityItem = z.infer<typeof ActivityItem>;

/**
 * One save on *I dag*: the day, and what was done of each kind. Stored as one entry per item. Work is
 * registered as it happens, so the day lies in the platform's window for what has happened.
 */
export const ActivitiesCreate = z.strictObject({
  date: PastDate,
  entries: z.array(ActivityItem).check(z.minLength(1), z.maxLength(MAX_ENTRIES_PER_SAVE)),
});
export type ActivitiesCreate = z.infer<typeof ActivitiesCreate>;

export type ActivityEntry = ActivityItem & { id: string; date: string; createdAt: string; createdBy: string };

/** A listing covers at most a year (and a leap day): longer reads belong to the figures job. */
export const MAX_RANGE_DAYS = 366;

const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;

const rangeChecks = [
  z.refine<{ from: string; to: string }>((r) => r.from <= r.to, { message: 'before_start', path: ['to'] }),
  z.refine<{ from: string; to: string }>((r) => r.from > r.to || days(r.from, r.to) < MAX_RANGE_DAYS, {
    message: 'range_too_long',
    path: ['to'],
  }),
];

/** A date range for listing entries: both ends included, at most a year apart. */
export const ActivityListQuery = z
  .strictObject({ ...PageQuery.shape, from: IsoDate, to: IsoDate })
  .check(...rangeChecks);
export type ActivityListQuery = z.infer<typeof ActivityListQuery>;
