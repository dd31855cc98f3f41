import type { Audience } from '@crux/api/audiences';
import type { Month } from '@crux/domain/period';
import type { DirtyMarker } from '@crux/domain/rollup/markers';
import type { TenantScope } from './tenant-scope';

/**
 * Every key of the table is built here (the access log's in log-keys.ts), and every centre key from a
 * TenantScope: there is no function that takes a raw partition key from a caller. A centre's items live
 * under `C#<centre>` and `C#<centre>#…`, which is exactly what the centre API's IAM policy allows
 * (`dynamodb:LeadingKeys`).
 * Where the job must read a key back (a dirty marker found in the index), its parser stands beside its
 * builder, so the two cannot drift apart.
 */
export const OPEN_END = '9999-12-31';
/** The one partition of the dirty index (GSI2). */
export const DIRTY = 'DIRTY';

const MONTH_MARKER = 'M';
const IDEMPOTENCY_PREFIX = 'IDEM#';
const PARTICIPANT_MARKER = 'P';
const SPAN_MARKER = 'S';
/** The sort key of a register's span record: a volunteer or a staff position. */
const SPAN_KEY = /^(VOL|POS)#[0-9a-f-]{36}$/;

export const centreKeys = {
  pk: (s: TenantScope) => `C#${s.centre}`,
  participant: (s: TenantScope, id: string) => ({ PK: `C#${s.centre}`, SK: `P#${id}` }),
  participantPrefix: 'P#',
  /**
   * A participant's item collection: the participant, its plan and its wheel conversations sort together
   * (`P#<id>`, `P#<id>#PLAN`, `P#<id>#CONV#<date>#<id>`), so the page is one Query. `#` sorts below every
   * id character and `~` above, so the range holds this participant's items and no other's.
   */
  participantCollection: (id: string) => ({ from: `P#${id}`, to: `P#${id}#~` }),
  plan: (s: TenantScope, participantId: string) => ({ PK: `C#${s.centre}`, SK: `P#${participantId}#PLAN` }),
  conversation: (s: TenantScope, participantId: string, date: string, id: string) => ({
    PK: `C#${s.centre}`,
    SK: `P#${participantId}#CONV#${date}#${id}`,
  }),
  /**
   * What the figures count of a wheel conversation, dated like entries so a centre-year's conversations
   * are one range read strongly consistent (the conversation itself lives in its participant's collection).
   * Written in the same transaction as the conversation, and deleted with it.
   */
  conversationTally: (s: TenantScope, date: string, id: string) => ({
    PK: `C#${s.centre}`,
    SK: `W#${date}#${id}`,
  }),
  conversationTallyFrom: (date: string) => `W#${date}#`,
  conversationTallyTo: (date: string) => `W#${date}#~`,
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
  hoursPrefix: 'H#',
  hoursFrom: (date: string) => `H#${date}#`,
  hoursTo: (date: string) => `H#${date}#~`,
  /** A POST's remembered answer, per caller and Idempotency-Key (see idempotency.ts). */
  idempotency: (s: TenantScope, subject: string, key: string) => ({
    PK: `C#${s.centre}`,
    SK: `${IDEMPOTENCY_PREFIX}${subject}#${key}`,
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
  /**
   * An erasure under way: the new ids the person's records take, kept until every record has been
   * rewritten, so an erasure cut short resumes. Named by the person's log reference, never their id.
   */
  erasure: (s: TenantScope, ref: string) => ({ PK: `C#${s.centre}`, SK: `ERASURE#${ref}` }),
  /** The centre's own choices (which kinds *I dag* shows), set by its leader. */
  settings: (s: TenantScope) => signInKeys.centreSettings(s.centre),
  /** The centre's own figures, written by the figures job, read by the centre's figures routes. */
  figuresPk: (s: TenantScope) => `C#${s.centre}#FIG`,
  figuresYear: (s: TenantScope, year: number) => ({ PK: `C#${s.centre}#FIG`, SK: `Y#${year}` }),
  figuresMonth: (s: TenantScope, month: Month) => ({ PK: `C#${s.centre}#FIG`, SK: `M#${month}` }),
  figuresYearPrefix: 'Y#',
  figuresMonthsOf: (year: number) => `M#${year}-`,
  /** A closed survey round's results, written by the figures job beside the centre's figures. */
  roundResults: (s: TenantScope, round: string) => ({ PK: `C#${s.centre}#FIG`, SK: `R#${round}` }),
};

const ROUND_MARKER = 'R';

/**
 * The centre's participant survey, in partitions of its own under the centre's (so the tenant role
 * reaches them, and the no-token answer function reaches nothing else): the rounds with their one-time
 * codes (`R#<round>`, `R#<round>#K#<hash of code>`, one range per round), the pointer to the one open
 * round, and each round's answers in a partition of their own, apart from the codes.
 */
export const surveyKeys = {
  pk: (s: TenantScope) => `C#${s.centre}#SURVEY`,
  round: (s: TenantScope, round: string) => ({ PK: `C#${s.centre}#SURVEY`, SK: `R#${round}` }),
  roundPrefix: 'R#',
  roundAndCodes: (round: string) => `R#${round}`,
  code: (s: TenantScope, round: string, codeHash: string) => ({
    PK: `C#${s.centre}#SURVEY`,
    SK: `R#${round}#K#${codeHash}`,
  }),
  /** Names the centre's one open round, so a participant needs only the centre and a code. */
  openRound: (s: TenantScope) => ({ PK: `C#${s.centre}#SURVEY`, SK: 'OPEN' }),
  answersPk: (s: TenantScope, round: string) => `C#${s.centre}#SURVEY#${round}`,
  /** An answer's id is random: nothing in its key tells when, or in which order, it was given. */
  answer: (s: TenantScope, round: string, id: string) => ({
    PK: `C#${s.centre}#SURVEY#${round}`,
    SK: `A#${id}`,
  }),
  answerPrefix: 'A#',
  /** Written when the round closes, after its answers in the range: free text is read only with it there. */
  closed: (s: TenantScope, round: string) => ({ PK: `C#${s.centre}#SURVEY#${round}`, SK: 'CLOSED' }),
  /** A closed round waits on the dirty index until the figures job has counted its year. */
  dirtyRound: (s: TenantScope, year: number, round: string) => ({
    GSI2PK: DIRTY,
    GSI2SK: `${s.centre}#${ROUND_MARKER}#${year}#${round}`,
  }),
};

/**
 * A marker's GSI2 sort key read back: `<centre>#M#<month>` (with the marker's `seq`), `<centre>#P#<id>`,
 * `<centre>#S#<sort key of a span>` or `<centre>#R#<year>#<round>`. Anything else is not a marker the job
 * knows, and is left alone.
 */
export function parseDirtyMarker(sortKey: unknown, seq: unknown): DirtyMarker | undefined {
  if (typeof sortKey !== 'string') return undefined;
  const match = /^([a-z0-9-]+)#([A-Z])#(.+)$/.exec(sortKey);
  if (!match) return undefined;
  const [, centre = '', kind, rest = ''] = match;
  if (kind === PARTICIPANT_MARKER) return { kind: 'participant', centre, id: rest };
  if (kind === SPAN_MARKER) return SPAN_KEY.test(rest) ? { kind: 'span', centre, sortKey: rest } : undefined;
  const round = /^(\d{4})#(.+)$/.exec(rest);
  if (kind === ROUND_MARKER && round)
    return { kind: 'round', centre, year: Number(round[1]), id: round[2] ?? '' };
  if (kind !== MONTH_MARKER || !/^\d{4}-\d{2}$/.test(rest) || typeof seq !== 'number') return undefined;
  return { kind: 'month', centre, month: rest, seq };
}

/** The centre setting that lets its participants sign in: an attribute of the centre's settings item. */
export const PARTICIPANT_SIGN_IN = 'participantSignIn';

/**
 * The one centre key built without a tenant scope: the sign-in trigger asks, before anyone has signed
 * in, whether a centre lets its participants sign in, and may read that one attribute of that one item.
 */
export const signInKeys = {
  centreSettings: (centre: string) => ({ PK: `C#${centre}`, SK: 'SETTINGS' }),
};

/** The foundation's catalogue: the current document, and a history record per change. */
export const catalogueKeys = {
  pk: 'CATALOGUE',
  current: { PK: 'CATALOGUE', SK: 'CURRENT' },
  history: (version: number) => ({ PK: 'CATALOGUE', SK: `H#${String(version).padStart(8, '0')}` }),
  historyPrefix: 'H#',
};

/** The survey's questionnaire: the head office's draft, the network's comments on it, the published versions. */
const pad = (n: number) => String(n).padStart(8, '0');
export const questionnaireKeys = {
  pk: 'SURVEY',
  draft: { PK: 'SURVEY', SK: 'DRAFT' },
  version: (version: number) => ({ PK: 'SURVEY', SK: `V#${pad(version)}` }),
  versionPrefix: 'V#',
  /** Comments on the draft of version `version`, in the order they were made. */
  comment: (version: number, at: string, id: string) => ({
    PK: 'SURVEY',
    SK: `C#${pad(version)}#${at}#${id}`,
  }),
  commentsOf: (version: number) => `C#${pad(version)}#`,
};

/** Centres registry, written by the admin API. */
export const registryKeys = {
  pk: 'CENTRES',
  centre: (centre: string) => ({ PK: 'CENTRES', SK: centre }),
};

/**
 * The local identity provider's user pool (packages/local only: in AWS the users live in Cognito and
 * nothing is written under `IDP#`). A user item per `sub`, and an item per username that holds the
 * `sub`, so a username is taken once and signing in is two GetItems.
 */
export const localIdpKeys = {
  pk: 'IDP#USERS',
  user: (sub: string) => ({ PK: 'IDP#USERS', SK: `U#${sub}` }),
  userPrefix: 'U#',
  username: (username: string) => ({ PK: 'IDP#USERS', SK: `N#${username}` }),
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
  /**
   * Which of an audience's remembered requests name one participant (their account): what erasure finds
   * and removes. `ABOUT#` never begins a request's key, whose subject is a token's `sub`.
   */
  idempotencyAbout: (audience: Exclude<Audience, 'centre'>, centre: string, participant: string) => ({
    PK: audienceKeys.idempotencyPk(audience),
    SK: `ABOUT#participant#${centre}#${participant}`,
  }),
};

/** Head-office figures of a year: every centre and the totals in one partition, one query. */
export const headOfficeKeys = {
  pk: (year: number) => `HQ#${year}`,
  year: (year: number, centre: string) => ({ PK: `HQ#${year}`, SK: `Y#${centre}` }),
  month: (year: number, month: Month, centre: string) => ({ PK: `HQ#${year}`, SK: `M#${month}#${centre}` }),
  yearPrefix: 'Y#',
  monthPrefix: 'M#',
  /** The years that have head-office figures, so a run can reach every one of them. */
  years: { PK: 'HQ#YEARS', SK: 'YEARS' },
};

/** Experience-network figures: written already suppressed; nothing else lives under `NET#`. */
export const networkKeys = {
  pk: (year: number) => `NET#${year}`,
  year: (year: number, centre: string) => ({ PK: `NET#${year}`, SK: `Y#${centre}` }),
  yearPrefix: 'Y#',
};

export const jobKeys = {
  figuresState: { PK: 'JOB#figures', SK: 'STATE' },
  /** How far the retention job has deleted the access log, and how far the export has copied it. */
  retentionState: { PK: 'JOB#retention', SK: 'STATE' },
  logExportState: { PK: 'JOB#log-export', SK: 'STATE' },
};

/**
 * What a record of a centre's partition is, read back from its sort key: a participant, one of the
 * records kept under the participant (`P#<id>#PLAN#…` is a `plan`), an activity entry, a day's hours,
 * a POST's remembered answer, or, for a kind this list does not know yet, the key's first word.
 */
export function recordKindOf(sortKey: string, participantId: string): string {
  const own = `${centreKeys.participantPrefix}${participantId}`;
  if (sortKey === own) return 'participant';
  if (sortKey.startsWith(`${own}#`)) return (sortKey.slice(own.length + 1).split('#')[0] ?? '').toLowerCase();
  if (sortKey.startsWith(centreKeys.activityPrefix)) return 'entry';
  if (sortKey.startsWith(centreKeys.hoursPrefix)) return 'hours';
  if (sortKey.startsWith(IDEMPOTENCY_PREFIX)) return 'remembered_answer';
  return (sortKey.split('#')[0] ?? '').toLowerCase();
}
