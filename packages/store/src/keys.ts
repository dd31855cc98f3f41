import type { Month } from '@crux/domain/period';
import type { TenantScope } from './tenant-scope';

/**
 * Every key of the table is built here, and every centre key from a TenantScope: there is no function
 * that takes a raw partition key from a caller. A centre's items live under `C#<centre>` and
 * `C#<centre>#…`, which is exactly what the centre API's IAM policy allows (`dynamodb:LeadingKeys`).
 */
export const OPEN_END = '9999-12-31';
export const TOTAL = 'TOTAL';
/** The one partition of the dirty index (GSI2). */
export const DIRTY = 'DIRTY';

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
  activityFrom: (date: string) => `A#${date}#`,
  /** `~` sorts after every id character, so the range includes the whole last day. */
  activityTo: (date: string) => `A#${date}#~`,
  idempotency: (s: TenantScope, key: string) => ({ PK: `C#${s.centre}`, SK: `IDEM#${key}` }),
  /**
   * A centre-month whose activity figures are stale. GSI2 (the dirty index) lists every stale marker of
   * every centre in one query; the job deletes the marker when the month is recomputed.
   */
  dirtyMonth: (s: TenantScope, month: Month) => ({
    PK: `C#${s.centre}`,
    SK: `DIRTY#${month}`,
    GSI2PK: DIRTY,
    GSI2SK: `${s.centre}#M#${month}`,
  }),
  /**
   * A participant is its own dirty marker: a change sets these attributes on the participant item, in the
   * same single-item write. The job recomputes the months the participation spans now and the months it
   * last counted it in (`countedFrom`/`countedThrough`, stored on the item by the job), then removes them.
   */
  dirtyParticipant: (s: TenantScope, id: string) => ({ GSI2PK: DIRTY, GSI2SK: `${s.centre}#P#${id}` }),
  /** The centre's own figures, written by the figures job, readable by the centre. */
  figuresPk: (s: TenantScope) => `C#${s.centre}#FIG`,
  figuresYear: (s: TenantScope, year: number) => ({ PK: `C#${s.centre}#FIG`, SK: `Y#${year}` }),
  figuresMonth: (s: TenantScope, month: Month) => ({ PK: `C#${s.centre}#FIG`, SK: `M#${month}` }),
};

/** Centres registry, written by the admin API. */
export const registryKeys = {
  pk: 'CENTRES',
  centre: (centre: string) => ({ PK: 'CENTRES', SK: centre }),
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
