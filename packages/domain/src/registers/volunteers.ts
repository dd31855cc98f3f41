import * as z from 'zod/mini';
import { Slug } from '../catalogue/ids';
import type { Catalogue } from '../catalogue/lists';
import { fail, ok, type Result } from '../errors';
import { PastDate, PlannedDate } from '../period';
import { PageQuery } from '../queries';
import { catalogueRefErrors } from '../records/catalogue-ref';
import { endNotBeforeStart, HoursCreate } from '../records/spans';
import * as rules from '../rules';
import { SingleLine } from '../text-input';
import { raise, validationError } from '../validation';
import { MonthQueryParam, YearQueryParam } from '../year-param';

/**
 * A centre's volunteers (*frivillige*): who they are, from when to when they help, and where (the arenas
 * are the foundation's catalogue list). Only what the centre needs to reach them and to count them.
 */
const noRepeats = z.refine<string[]>((ids) => new Set(ids).size === ids.length, {
  ...raise(rules.duplicateId),
});

const editable = {
  name: SingleLine(1, 80),
  /** A phone number or an e-mail address, as the volunteer gave it. */
  contact: z.optional(SingleLine(1, 120)),
  startDate: PlannedDate,
  endDate: z.optional(PlannedDate),
  arenas: z.array(Slug).check(z.maxLength(20), noRepeats),
};

export const VolunteerCreate = z.strictObject(editable).check(endNotBeforeStart);
export type VolunteerCreate = z.infer<typeof VolunteerCreate>;

/** A correction or an end, against the version shown. */
export const VolunteerUpdate = z
  .strictObject({ ...editable, version: z.int().check(z.gte(1)) })
  .check(endNotBeforeStart);
export type VolunteerUpdate = z.infer<typeof VolunteerUpdate>;

export type Volunteer = VolunteerCreate & {
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
  /** The sign-in account linked to the record (its subject): that volunteer logs their own hours. */
  account?: string;
  linkedAt?: string;
  linkedBy?: string;
};

/** What a volunteer sees of their own record: no contact details, no account. */
export type OwnVolunteer = Pick<Volunteer, 'id' | 'name' | 'startDate' | 'endDate' | 'arenas'>;

export const VolunteerListQuery = PageQuery;

/**
 * An account's subject as the identity provider issues it (Cognito: a UUID). Linking one is how a
 * volunteer gets to log their own hours; a later issue manages the accounts themselves.
 */
export const AccountSubject = z.string().check(z.regex(/^[A-Za-z0-9_.:@-]{1,128}$/));
export const AccountLink = z.strictObject({ account: AccountSubject });
export type AccountLink = z.infer<typeof AccountLink>;
/** Unlinking names the account linked now, so it never removes a link made meanwhile. */
export const AccountUnlinkQuery = AccountLink;

/**
 * Hours a volunteer gave on one day in one arena, in quarter hours. The day has happened; the client
 * offers today.
 */
export const VolunteerHoursCreate = z.strictObject({
  date: PastDate,
  arena: Slug,
  hours: HoursCreate.shape.hours,
});
export type VolunteerHoursCreate = z.infer<typeof VolunteerHoursCreate>;

/** A correction of the arena or the hours; a wrong day is deleted and logged again, as on *I dag*. */
export const VolunteerHoursUpdate = z.strictObject({
  arena: Slug,
  hours: HoursCreate.shape.hours,
  version: z.int().check(z.gte(1)),
});
export type VolunteerHoursUpdate = z.infer<typeof VolunteerHoursUpdate>;

export type VolunteerHoursEntry = VolunteerHoursCreate & {
  id: string;
  volunteerId: string;
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt?: string;
  updatedBy?: string;
};

/** One volunteer's hours of a year, or of one month of it. */
export const OwnHoursQuery = z
  .strictObject({ year: z.optional(YearQueryParam), month: z.optional(MonthQueryParam) })
  .check(
    z.refine((q) => (q.year === undefined) !== (q.month === undefined), {
      ...raise(rules.yearOrMonth),
      path: ['year'],
    }),
  );
export type OwnHoursQuery = z.infer<typeof OwnHoursQuery>;

/** Every volunteer's hours of one month (the staff's overview). */
export const MonthHoursQuery = z.strictObject({ month: MonthQueryParam });

/** One volunteer's hours as the volunteer page shows them: the entries, and the sums by month. */
export type OwnHours = {
  volunteer: OwnVolunteer;
  entries: VolunteerHoursEntry[];
  months: { month: string; hours: number }[];
  total: number;
};

/** A record's arenas against the catalogue: each exists and is in use. */
export function checkVolunteer<V extends { arenas: readonly string[] }>(
  catalogue: Catalogue,
  volunteer: V,
): Result<V> {
  const fields = volunteer.arenas.flatMap((id, i) =>
    catalogueRefErrors(catalogue, 'volunteerArenas', id, `arenas.${i}`),
  );
  return fields.length ? fail(validationError(fields)) : ok(volunteer);
}

export function checkVolunteerHours<H extends { arena: string }>(catalogue: Catalogue, hours: H): Result<H> {
  const fields = catalogueRefErrors(catalogue, 'volunteerArenas', hours.arena, 'arena');
  return fields.length ? fail(validationError(fields)) : ok(hours);
}
