import * as z from 'zod/mini';
import { rangeChecks } from '../activity';
import { ParticipantId } from '../participant';
import { IsoDate } from '../period';
import { PageQuery } from '../queries';
import type { Text } from '../text';

/**
 * The access log (Normen fact sheet 15): who did what with whose personal data, when, and whether they
 * were let. One entry per request on a route that touches a person's data (the route table says which,
 * packages/api/src/routes.ts); the request pipeline writes it, never a handler.
 */

/** The people a centre holds personal data about. */
export const personKinds = ['participant', 'volunteer'] as const;
export type PersonKind = (typeof personKinds)[number];

/**
 * What a request did with the data. `search` is a `list` narrowed by a name fragment (the fragment itself
 * is never logged); `erase` is the person's erasure, by the leader or by the retention job.
 */
export const accessActions = [
  'read',
  'list',
  'search',
  'export',
  'create',
  'update',
  'delete',
  'erase',
] as const;
export type AccessAction = (typeof accessActions)[number];

export const accessActionNames: Record<AccessAction, Text> = {
  read: { nb: 'Åpnet', en: 'Opened' },
  list: { nb: 'Så i en liste', en: 'Saw in a list' },
  search: { nb: 'Fant i et søk', en: 'Found in a search' },
  export: { nb: 'Hentet ut alle opplysninger', en: 'Exported all data' },
  create: { nb: 'Registrerte', en: 'Recorded' },
  update: { nb: 'Endret', en: 'Changed' },
  delete: { nb: 'Slettet en registrering', en: 'Deleted a record' },
  erase: { nb: 'Slettet personopplysningene', en: 'Erased the personal data' },
};

/** `allowed`: the caller's role and centre were let through; `refused`: they were not (403, 404). */
export type AccessOutcome = 'allowed' | 'refused';

/**
 * One entry as the log holds it and the leader's page shows it. People and records are named by
 * references (a one-way hash of the id, see packages/store/src/keys.ts), never by name or raw id: the
 * entry outlives the person's erasure, and after it nothing in the table leads back to them, while the
 * person, who holds their id, can still be shown every entry about them.
 */
export type AccessLogEntry = {
  /** The entry's own id, in time order. */
  id: string;
  /** UTC, ISO 8601 with milliseconds. */
  at: string;
  requestId: string;
  /** Who: the token's subject and, when the token carries it, the username. */
  subject: string;
  username?: string;
  role: string;
  /** The centre whose data it was. */
  centre: string;
  /** The caller's own centre, when it is another (a refused request across centres). */
  callerCentre?: string;
  /** The route (`GET /api/centres/{centreId}/participants/{participantId}`) or the job that acted. */
  via: string;
  /** The records the path names: ids as references, other values (a date, a year) as they are. */
  records?: Record<string, string>;
  action: AccessAction;
  outcome: AccessOutcome;
  /** The error code: why a request was refused, or why an allowed one changed nothing. */
  code?: string;
  /** The people whose data it was, by kind, as references. */
  people: Partial<Record<PersonKind, string[]>>;
};

/** The leader's view of the log: a date range (UTC days, both included), optionally one user or participant. */
export const AccessLogQuery = z
  .strictObject({
    ...PageQuery.shape,
    from: IsoDate,
    to: IsoDate,
    user: z.optional(z.string().check(z.minLength(1), z.maxLength(128), z.regex(/^[\w.@+-]+$/))),
    participantId: z.optional(ParticipantId),
  })
  .check(...rangeChecks);
export type AccessLogQuery = z.infer<typeof AccessLogQuery>;

/** A participant a page of the log names, resolved for the leader while the participant still exists. */
export type NamedParticipant = { ref: string; id: string; displayName: string };

export type AccessLogPage = {
  items: AccessLogEntry[];
  participants: NamedParticipant[];
  nextCursor?: string;
};

/** "Who has read my record": every entry about one participant, oldest first, for the leader to hand over. */
export type AccessReport = {
  participant: { id: string; displayName?: string };
  generatedAt: string;
  /** The oldest day the log still holds (its retention). */
  since: string;
  items: AccessLogEntry[];
};
