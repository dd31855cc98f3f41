import * as z from 'zod/mini';
import { Slug } from './catalogue/ids';
import type { Catalogue } from './catalogue/lists';
import { type FieldError, fail, ok, type Result } from './errors';
import { ParticipantId } from './participant';
import { IsoDate, PastDate } from './period';
import { PageQuery } from './queries';
import { catalogueRefErrors } from './records/catalogue-ref';
import * as rules from './rules';
import { fieldError, raise, validationError } from './validation';

/**
 * What a centre registers day by day: a count of one activity kind of the foundation's catalogue (the
 * kinds are data, see catalogue/), for the centre or for one participant. A day's visits are one entry
 * with their count, not one entry a visit.
 */

/** A large count is a month summed up after the fact; beyond this it is a slip of the finger. */
export const MAX_COUNT = 10_000;
/** Entries one save may carry: every kind a centre shows on *I dag*, or a trip's participants. */
export const MAX_ENTRIES_PER_SAVE = 40;

export const ActivityItem = z.strictObject({
  kind: Slug,
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

/**
 * A correction of one saved entry, made against the version shown: its kind, count or person. An entry
 * registered on the wrong day is deleted and registered again on the right one.
 */
export const ActivityUpdate = z.strictObject({ ...ActivityItem.shape, version: z.int().check(z.gte(1)) });
export type ActivityUpdate = z.infer<typeof ActivityUpdate>;

/** Deleting an entry names the version shown, so a deletion never removes a correction unseen. */
export const ActivityDeleteQuery = z.strictObject({
  version: z.string().check(z.regex(/^[1-9][0-9]{0,5}$/)),
});

export type ActivityEntry = ActivityItem & {
  id: string;
  date: string;
  version: number;
  createdAt: string;
  createdBy: string;
  /** Who corrected it last, and when (absent until it is corrected). */
  updatedAt?: string;
  updatedBy?: string;
};

/**
 * An entry against the catalogue: its kind exists and is in use, and it names a participant as the kind
 * says. `daily`: registered on *I dag*, where a kind counted from the plans is refused (an import of
 * earlier years may still bring entries of it).
 */
export function checkActivityItem(
  catalogue: Catalogue,
  item: ActivityItem,
  at = '',
  daily = false,
): FieldError[] {
  const field = (name: string) => (at ? `${at}.${name}` : name);
  const fields = catalogueRefErrors(catalogue, 'activityKinds', item.kind, field('kind'));
  const kind = catalogue.activityKinds.find((k) => k.id === item.kind);
  if (daily && kind?.registration === 'plan')
    fields.push(...(fieldError(field('kind'), rules.registeredOnPlan).fields ?? []));
  if (kind?.participant === 'must' && item.participantId === undefined)
    fields.push(...(fieldError(field('participantId'), rules.participantRequired).fields ?? []));
  if (kind?.participant === 'mustNot' && item.participantId !== undefined)
    fields.push(...(fieldError(field('participantId'), rules.participantNotAllowed).fields ?? []));
  return fields;
}

/** Every entry of a save against the catalogue, each error at its entry (`entries.2.kind`). */
export function checkSave(catalogue: Catalogue, save: ActivitiesCreate): Result<ActivitiesCreate> {
  const fields = save.entries.flatMap((item, i) => checkActivityItem(catalogue, item, `entries.${i}`, true));
  return fields.length > 0 ? fail(validationError(fields)) : ok(save);
}

/** A listing covers at most a year (and a leap day): longer reads belong to the figures job. */
export const MAX_RANGE_DAYS = 366;

const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;

/** The checks of a listing's `from` and `to`, for every dated listing. */
export const rangeChecks = [
  z.refine<{ from: string; to: string }>((r) => r.from <= r.to, {
    ...raise(rules.beforeStart),
    path: ['to'],
  }),
  z.refine<{ from: string; to: string }>((r) => r.from > r.to || days(r.from, r.to) < MAX_RANGE_DAYS, {
    ...raise(rules.rangeTooLong),
    path: ['to'],
  }),
];

/** A date range for listing entries: both ends included, at most a year apart. */
export const ActivityListQuery = z
  .strictObject({ ...PageQuery.shape, from: IsoDate, to: IsoDate })
  .check(...rangeChecks);
export type ActivityListQuery = z.infer<typeof ActivityListQuery>;
