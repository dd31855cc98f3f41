import type { Audience } from '@crux/api/audiences';
import type { Month } from '@crux/domain/period';
import type { DirtyMarker } from '@crux/domain/rollup/markers';
import type { TenantScope } from './tenant-scope';

/**
 * Every key of the table is built here, and every centre key from a TenantScope: there is no function
 * that takes a raw partition key from a caller. A centre's items live under `C#<centre>` and
 * `C#<centre>#…`, which is exactly what the centre API's IAM policy allows (`dynamodb:LeadingKeys`).
 * Where the job must read a key back (a dirty marker found in the index), its parser stands beside its
 * builder, so the two cannot drift apart.
 */
export const OPEN_END = '9999-12-31';
/** The one partition of the dirty index (GSI2). */
export const DIRTY = 'DIRTY';

const MONTH_MARKER = 'M';
const PARTICIPANT_MARKER = 'P';
const SPAN_MARKER = 'S';
/** The sort key of a register's span record: a volunteer or a staff position. */
const SPAN_KEY = /^(VOL|POS)#[0-9a-f-]{36}$/;

export const centreKeys = {
  pk: (s: TenantScope) => `C#${s.centre}`,
  participant: (s: TenantScope, id: string) => ({ PK: `C#${s.centre}`, SK: `P#${id}` }),
  participantPrefix: 'P#',
  /** GSI1: participations ordered by end date (open ones last), so a period's active ones are one range. */
  participationByEnd: (s: TenantScope, id: string, endDate: string | undefined) => ({
    GSI1PK: `C#${s.centre}#PART`,
    GSI1SK: `${endDate ?? OPEN_END}#${id}`,
  }),
  participationPk: (s: TenantScope) => `C#${s.centre}#PART`,
  activity: (s: TenantScope, date: string, id: string) => ({ PK: `C#${s.centre}`, SK: `A#${date}#${id}` }),
  activityPrefix: 'A#',
  activityFrom: (date: string) => `A#${date}#`,
  /** `~` sorts after every id character, so the range includes the whole last day. */
  activityTo: (date: string) => `A#${date}#~`,
  /** Hours served on an order, dated like entries so a year's hours are one range. */
  hours: (s: TenantScope, date: string, id: string) => ({ PK: `C#${s.centre}`, SK: `H#${date}#${id}` }),
  hoursFrom: (date: string) => `H#${date}#`,
  hoursTo: (date: string) => `H#${date}#~`,
  /** A POST's remembered answer, per caller and Idempotency-Key (see idempotency.ts). */
  idempotency: (s: TenantScope, subject: string, key: string) => ({
    PK: `C#${s.centre}`,
    SK: `IDEM#${subject}#${key}`,
  }),
  /**
   * A centre-month whose activity figures are stale. GSI2 (the dirty index) lists every stale marker of
   * every centre in one query; the job deletes the marker when the month is recomputed.
   */
  dirtyMonth: (s: TenantScope, month: Month) => ({
    PK: `C#${s.centre}`,
    SK: `DIRTY#${month}`,
    GSI2PK: DIRTY,
    GSI2SK: `${s.centre}#${MONTH_MARKER}#${month}`,
  }),
  /**
   * A participant is its own dirty marker: a change sets these attributes on the participant item, in the
   * same single-item write. The job recomputes the months the participation spans now and the months it
   * last counted it in (`countedFrom`/`countedThrough`, stored on the item by the job), then removes them.
   */
  dirtyParticipant: (s: TenantScope, id: string) => ({
    GSI2PK: DIRTY,
    GSI2SK: `${s.centre}#${PARTICIPANT_MARKER}#${id}`,
  }),
  /**
   * The centre's registers. Volunteers and staff positions are spans (a start, perhaps an end): on the
   * by-end index in a partition of their own, so a year's are one range, and each its own dirty marker,
   * like a participant (`dirtySpan`).
   */
  volunteer: (s: TenantScope, id: string) => ({ PK: `C#${s.centre}`, SK: `VOL#${id}` }),
  volunteerPrefix: 'VOL#',
  position: (s: TenantScope, id: string) => ({ PK: `C#${s.centre}`, SK: `POS#${id}` }),
  positionPrefix: 'POS#',
  spanByEnd: (s: TenantScope, id: string, endDate: string | undefined) => ({
    GSI1PK: `C#${s.centre}#SPAN`,
    GSI1SK: `${endDate ?? OPEN_END}#${id}`,
  }),
  spanPk: (s: TenantScope) => `C#${s.centre}#SPAN`,
  dirtySpan: (s: TenantScope, sortKey: string) => ({
    GSI2PK: DIRTY,
    GSI2SK: `${s.centre}#${SPAN_MARKER}#${sortKey}`,
  }),
  /** The account a volunteer record is linked to, by the account's subject: one account, one volunteer. */
  volunteerAccount: (s: TenantScope, subject: string) => ({ PK: `C#${s.centre}`, SK: `VACC#${subject}` }),
  /**
   * What the registers hold by date, under the year, so the figures job reads a year of them in one
   * range: a volunteer's hours of a month (one item, its entries as attributes), the shop's kilograms of
   * a month, the year's income.
   */
  registersOfYear: (year: number) => `R#${year}#`,
  volunteerHours: (s: TenantScope, month: Month, volunteerId: string) => ({
    PK: `C#${s.centre}`,
    SK: `R#${month.slice(0, 4)}#VH#${month}#${volunteerId}`,
  }),
  volunteerHoursOfMonth: (month: Month) => `R#${month.slice(0, 4)}#VH#${month}#`,
  shopMonth: (s: TenantScope, month: Month) => ({
    PK: `C#${s.centre}`,
    SK: `R#${month.slice(0, 4)}#SHOP#${month}`,
  }),
  shopMonthsOf: (year: number) => `R#${year}#SHOP#`,
  income: (s: TenantScope, year: number) => ({ PK: `C#${s.centre}`, SK: `R#${year}#INCOME` }),
  /** The year's well-being talks and gatherings: not counted, so outside the job's range. */
  volunteerFollowUp: (s: TenantScope, year: number) => ({ PK: `C#${s.centre}`, SK: `VFOLLOW#${year}` }),
  /** The centre's own choices (which kinds *I dag* shows), set by its leader. */
  settings: (s: TenantScope) => ({ PK: `C#${s.centre}`, SK: 'SETTINGS' }),
  /** The centre's own figures, written by the figures job, read by the centre's figures routes. */
  figuresPk: (s: TenantScope) => `C#${s.centre}#FIG`,
  figuresYear: (s: TenantScope, year: number) => ({ PK: `C#${s.centre}#FIG`, SK: `Y#${year}` }),
  figuresMonth: (s: TenantScope, month: Month) => ({ PK: `C#${s.centre}#FIG`, SK: `M#${month}` }),
  figuresYearPrefix: 'Y#',
  figuresMonthsOf: (year: number) => `M#${year}-`,
};

/**
 * A marker's GSI2 sort key read back: `<centre>#M#<month>` (with the marker's `seq`), `<centre>#P#<id>`
 * or `<centre>#S#<sort key of a span>`. Anything else is not a marker the job knows, and is left alone.
 */
export function parseDirtyMarker(sortKey: unknown, seq: unknown): DirtyMarker | undefined {
  if (typeof sortKey !== 'string') return undefined;
  const match = /^([a-z0-9-]+)#([A-Z])#(.+)$/.exec(sortKey);
  if (!match) return undefined;
  const [, centre = '', kind, rest = ''] = match;
  if (kind === PARTICIPANT_MARKER) return { kind: 'participant', centre, id: rest };
  if (kind === SPAN_MARKER) return SPAN_KEY.test(rest) ? { kind: 'span', centre, sortKey: rest } : undefined;
  if (kind !== MONTH_MARKER || !/^\d{4}-\d{2}$/.test(rest) || typeof seq !== 'number') return undefined;
  return { kind: 'month', centre, month: rest, seq };
}

/** The foundation's catalogue: the current document, and a history record per change. */
export const catalogueKeys = {
  pk: 'CATALOGUE',
  current: { PK: 'CATALOGUE', SK: 'CURRENT' },
  history: (version: number) => ({ PK: 'CATALOGUE', SK: `H#${String(version).padStart(8, '0')}` }),
  historyPrefix: 'H#',
};

/** Centres registry, written by the admin API. */
export const registryKeys = {
  pk: 'CENTRES',
  centre: (centre: string) => ({ PK: 'CENTRES', SK: centre }),
};

/**
 * A POST's remembered answer for the audiences above the centres: a partition per audience, apart from
 * the data it serves (the registry's list query never meets them).
 */
export const audienceKeys = {
  idempotencyPk: (audience: Exclude<Audience, 'centre'>) => `IDEM#${audience}`,
  idempotency: (audience: Exclude<Audience, 'centre'>, subject: string, key: string) => ({
    PK: audienceKeys.idempotencyPk(audience),
    SK: `${subject}#${key}`,
  }),
};

/** Head-office figures of a year: every centre and the totals in one partition, one query. */
export const headOfficeKeys = {
  pk: (year: number) => `HQ#${year}`,
  year: (year: number, centre: string) => ({ PK: `HQ#${year}`, SK: `Y#${centre}` }),
  month: (year: number, month: Month, centre: string) => ({ PK: `HQ#${year}`, SK: `M#${month}#${centre}` }),
  yearPrefix: 'Y#',
  monthPrefix: 'M#',
};

/** Experience-network figures: written already suppressed; nothing else lives under `NET#`. */
export const networkKeys = {
  pk: (year: number) => `NET#${year}`,
  year: (year: number, centre: string) => ({ PK: `NET#${year}`, SK: `Y#${centre}` }),
  yearPrefix: 'Y#',
};

export const jobKeys = {
  figuresState: { PK: 'JOB#figures', SK: 'STATE' },
};
