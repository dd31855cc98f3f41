import { randomUUID } from 'node:crypto';
import { fieldError, validationError } from '@crux/domain/validation';
import { activitiesRepo } from '@crux/store/activities-repo';
import { idempotencyKeyReused } from '../http/errors';
import type { RequestOf } from '../http/request';
import { type ApiResponse, errorResponse, json } from '../http/response';
import { countRegistrations } from '../observability/api-requests';
import { clientFor, tableName } from '../runtime/dynamo';

const path = '/api/centres/{centreId}/activities';

export async function listActivities(req: RequestOf<`GET ${typeof path}`>): Promise<ApiResponse> {
  const page = await activitiesRepo(clientFor(req.scope), tableName(), req.scope).list(req.query);
  if (page === 'bad_cursor') return errorResponse(fieldError('cursor', 'cursor'));
  return json(200, page);
}

/** One save of *I dag*: every kind of the day in one request, stored in one transaction. */
export async function recordActivities(req: RequestOf<`POST ${typeof path}`>): Promise<ApiResponse> {
  const repo = activitiesRepo(clientFor(req.scope), tableName(), req.scope);
  const outcome = await repo.record(req.body, randomUUID, req.now, req.idempotency);
  switch (outcome.kind) {
    case 'written':
      countRegistrations(
        'centre',
        req.body.entries.map((e) => e.kind),
      );
      return json(201, { items: outcome.entries });
    case 'replayed':
      return json(outcome.status, outcome.body);
    case 'key_reused':
      return errorResponse(idempotencyKeyReused());
    case 'unknown_participant': {
      const named = req.body.entries.flatMap((e, i) =>
        e.participantId === outcome.participantId ? [i] : [],
      );
      const [first] = fieldError('participantId', 'unknown_participant').fields ?? [];
      return errorResponse(
        validationError(
          named.map((i) => ({
            ...(first as NonNullable<typeof first>),
            field: `entries.${i}.participantId`,
          })),
        ),
      );
    }
  }
}
