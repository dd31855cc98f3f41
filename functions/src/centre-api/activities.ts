import { randomUUID } from 'node:crypto';
import { checkActivityItem, checkSave } from '@crux/domain/activity';
import { conflict, fail, notFound, ok } from '@crux/domain/errors';
import * as rules from '@crux/domain/rules';
import { fieldError, validationError } from '@crux/domain/validation';
import { activitiesRepo } from '@crux/store/activities-repo';
import type { TenantScope } from '@crux/store/tenant-scope';
import { catalogueRefusal } from '../http/catalogue-refusal';
import { isShared, sharedAnswer } from '../http/outcome';
import type { RequestOf } from '../http/request';
import { type ApiResponse, errorResponse, json } from '../http/response';
import { countRegistrations } from '../observability/api-requests';
import { clientFor, tableName } from '../runtime/dynamo';

const path = '/api/centres/{centreId}/activities';
const repo = (scope: TenantScope) => activitiesRepo(clientFor(scope), tableName(), scope);

/** The participant a save named that is not at this centre, at each entry that names it. */
function unknownParticipant(
  entries: readonly { participantId?: string | undefined }[],
  participantId: string,
) {
  const [first] = fieldError('participantId', rules.unknownParticipant).fields ?? [];
  return validationError(
    entries.flatMap((e, i) =>
      e.participantId === participantId && first ? [{ ...first, field: `entries.${i}.participantId` }] : [],
    ),
  );
}

export async function listActivities(req: RequestOf<`GET ${typeof path}`>): Promise<ApiResponse> {
  const page = await repo(req.scope).list(req.query);
  if (page === 'bad_cursor') return errorResponse(fieldError('cursor', rules.cursor));
  return json(200, page);
}

/** One save of *I dag*: every kind of the day in one request, stored in one transaction. */
export async function recordActivities(req: RequestOf<`POST ${typeof path}`>): Promise<ApiResponse> {
  const outcome = await repo(req.scope).record(req.body, randomUUID, req.now, req.idempotency);
  if (isShared(outcome)) return sharedAnswer(outcome);
  switch (outcome.kind) {
    case 'written':
      countRegistrations(
        'centre',
        req.body.entries.map((e) => e.kind),
      );
      return json(201, { items: outcome.entries });
    case 'unknown_participant':
      return errorResponse(unknownParticipant(req.body.entries, outcome.participantId));
    case 'catalogue_refused':
      return errorResponse(catalogueRefusal(outcome.catalogue, (c) => checkSave(c, req.body)));
  }
}

/** A correction of one entry (kind, count or participant), against the version shown; who and when kept. */
export async function correctActivity(
  req: RequestOf<`PUT ${typeof path}/{date}/{entryId}`>,
): Promise<ApiResponse> {
  const { date, entryId } = req.params;
  const { version: _shown, ...item } = req.body;
  const outcome = await repo(req.scope).correct(date, entryId, req.body, req.now);
  if (isShared(outcome)) return sharedAnswer(outcome);
  switch (outcome.kind) {
    case 'written':
      return json(200, outcome.entry);
    case 'unknown_participant':
      return errorResponse(fieldError('participantId', rules.unknownParticipant));
    case 'catalogue_refused':
      return errorResponse(
        catalogueRefusal(outcome.catalogue, (c) => {
          const fields = checkActivityItem(c, item, '', true);
          return fields.length ? fail(validationError(fields)) : ok(item);
        }),
      );
  }
}

/** Deletes one entry, against the version shown; the entry is kept as deleted (who and when). */
export async function deleteActivity(
  req: RequestOf<`DELETE ${typeof path}/{date}/{entryId}`>,
): Promise<ApiResponse> {
  const { date, entryId } = req.params;
  const outcome = await repo(req.scope).remove(date, entryId, Number(req.query.version), req.now);
  if (outcome.kind === 'deleted') return { statusCode: 204, headers: { 'cache-control': 'no-store' } };
  return outcome.kind === 'not_found' ? errorResponse(notFound()) : errorResponse(conflict(outcome.current));
}
