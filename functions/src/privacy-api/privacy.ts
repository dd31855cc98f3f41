import type { Catalogue } from '@crux/domain/catalogue/lists';
import { conflict, notFound } from '@crux/domain/errors';
import type { AccessLogEntry, AccessReport } from '@crux/domain/privacy/access-log';
import { withCatalogueNames } from '@crux/domain/privacy/export-names';
import { accessLogCutoff, retentionOf } from '@crux/domain/privacy/retention';
import * as rules from '@crux/domain/rules';
import { fieldError } from '@crux/domain/validation';
import { accessLogRepo, centreParticipantNames } from '@crux/store/access-log-repo';
import { catalogueRepo } from '@crux/store/catalogue-repo';
import { erasedAnswer, erasureRepo } from '@crux/store/erasure-repo';
import { participantsRepo } from '@crux/store/participants-repo';
import { personRecords } from '@crux/store/person-records';
import type { TenantScope } from '@crux/store/tenant-scope';
import { participantAccounts } from '../accounts/erasure';
import { idempotencyKeyReused } from '../http/errors';
import type { RequestOf } from '../http/request';
import { type ApiResponse, errorResponse, json } from '../http/response';
import { clientFor, documentClient, logReaderFor, tableName } from '../runtime/dynamo';

/**
 * The person's rights, each one action of the centre's leader: the access log and, for one participant,
 * "who has read my record" (*innsyn i logg*); everything held about them (GDPR Art. 15 and 20); their
 * erasure (Art. 17). Each route is itself logged by the pipeline, as the route table declares.
 */
const participant = '/api/centres/{centreId}/participants/{participantId}';

const logOf = (scope: TenantScope) => accessLogRepo(logReaderFor(scope), tableName(), scope);

const catalogueOf = async (scope: TenantScope) =>
  (await catalogueRepo(logReaderFor(scope), tableName()).current()).catalogue;

/** The oldest UTC day the log still holds: the foundation's access-log retention back from now. */
const logSince = (catalogue: Catalogue, now: Date): string =>
  accessLogCutoff(now, retentionOf(catalogue.settings).accessLogYears);

/**
 * The entries from `since` on: the log's index is read beside the retention it is cut by, and an entry
 * past it lasts only until the retention job's next run deletes it.
 */
const withinRetention = (entries: AccessLogEntry[], since: string) =>
  entries.filter((e) => e.at.slice(0, 10) >= since);

/** The centre's log, newest first, by dates and optionally one user or participant. */
export async function accessLog(
  req: RequestOf<'GET /api/centres/{centreId}/access-log'>,
): Promise<ApiResponse> {
  const [page, names] = await Promise.all([
    logOf(req.scope).page(req.query),
    centreParticipantNames(clientFor(req.scope), tableName(), req.scope),
  ]);
  if (page === 'bad_cursor') return errorResponse(fieldError('cursor', rules.cursor));
  const participants = names(new Set(page.items.flatMap((e) => e.people.participant ?? [])));
  return json(200, { ...page, participants });
}

/** Every entry about one participant, oldest first: what the centre hands the person who asks. */
export async function accessReport(
  req: RequestOf<`GET ${typeof participant}/access-log`>,
): Promise<ApiResponse> {
  const id = req.params.participantId;
  const now = new Date(req.now);
  // After an erasure the participant is gone, but the person who brings their id still gets the log.
  const [found, catalogue, entries] = await Promise.all([
    participantsRepo(clientFor(req.scope), tableName(), req.scope).get(id),
    catalogueOf(req.scope),
    logOf(req.scope).about(id),
  ]);
  const since = logSince(catalogue, now);
  const report: AccessReport = {
    participant: { id, ...(found ? { displayName: found.displayName } : {}) },
    generatedAt: req.now,
    since,
    items: withinRetention(entries, since),
  };
  return json(200, report);
}

/** Everything the centre holds about one participant, and the log about them, as JSON. */
export async function exportParticipant(
  req: RequestOf<`GET ${typeof participant}/export`>,
): Promise<ApiResponse> {
  const id = req.params.participantId;
  const now = new Date(req.now);
  const [held, catalogue, entries] = await Promise.all([
    personRecords(clientFor(req.scope), tableName(), req.scope, id),
    catalogueOf(req.scope),
    logOf(req.scope).about(id),
  ]);
  if (!held.participant) return errorResponse(notFound());
  // The catalogue read for the log's retention names the codes too (export-names.ts).
  const named = withCatalogueNames(catalogue, held.participant, held.records);
  return json(200, {
    exportedAt: req.now,
    centre: req.scope.centre,
    ...named,
    accessLog: withinRetention(entries, logSince(catalogue, now)),
  });
}

/**
 * Erases the participant's personal data, keeping every figure; the log keeps the erasure itself. Their
 * own account, and the accounts API's records of it, go first (kept outside the centre's partition, with
 * the function's own role: accounts/erasure.ts).
 */
export async function eraseParticipant(
  req: RequestOf<`POST ${typeof participant}/erasure`>,
): Promise<ApiResponse> {
  const id = req.params.participantId;
  const accounts = participantAccounts(documentClient(), tableName(), req.scope.centre);
  const [outcome] = await erasureRepo(clientFor(req.scope), tableName(), req.scope).erase(
    [{ id, version: req.body.version }],
    { idem: req.idempotency, before: (participant) => accounts.remove(participant) },
  );
  switch (outcome?.kind) {
    case 'erased':
      return json(200, erasedAnswer);
    case 'replayed':
      return json(outcome.status, outcome.body);
    case 'key_reused':
      return errorResponse(idempotencyKeyReused());
    case 'stale':
      return errorResponse(conflict(outcome.current));
    default:
      return errorResponse(notFound());
  }
}
