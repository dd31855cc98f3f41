import { randomUUID } from 'node:crypto';
import { conflict, notFound } from '@crux/domain/errors';
import * as rules from '@crux/domain/rules';
import { fieldError } from '@crux/domain/validation';
import { participantsRepo } from '@crux/store/participants-repo';
import type { TenantScope } from '@crux/store/tenant-scope';
import { idempotencyKeyReused } from '../http/errors';
import { isShared, sharedAnswer } from '../http/outcome';
import type { RequestOf } from '../http/request';
import { type ApiResponse, errorResponse, json } from '../http/response';
import { countRegistrations } from '../observability/api-requests';
import { clientFor, tableName } from '../runtime/dynamo';

const base = '/api/centres/{centreId}/participants';

const repo = ({ scope }: { scope: TenantScope }) => participantsRepo(clientFor(scope), tableName(), scope);

export async function listParticipants(req: RequestOf<`GET ${typeof base}`>): Promise<ApiResponse> {
  const page = await repo(req).list(req.query);
  if (page === 'bad_cursor') return errorResponse(fieldError('cursor', rules.cursor));
  return json(200, page);
}

export async function createParticipant(req: RequestOf<`POST ${typeof base}`>): Promise<ApiResponse> {
  const outcome = await repo(req).create(randomUUID(), req.body, req.now, req.idempotency);
  if (outcome.kind === 'written') {
    countRegistrations('centre', ['participant']);
    return json(201, outcome.participant);
  }
  if (outcome.kind === 'replayed') return json(outcome.status, outcome.body);
  return errorResponse(idempotencyKeyReused());
}

export async function getParticipant(
  req: RequestOf<`GET ${typeof base}/{participantId}`>,
): Promise<ApiResponse> {
  const participant = await repo(req).get(req.params.participantId);
  return participant ? json(200, participant) : errorResponse(notFound());
}

export async function updateParticipant(
  req: RequestOf<`PUT ${typeof base}/{participantId}`>,
): Promise<ApiResponse> {
  const outcome = await repo(req).update(req.params.participantId, req.body, req.now);
  if (isShared(outcome)) return sharedAnswer(outcome);
  switch (outcome.kind) {
    case 'written':
      return json(200, outcome.participant);
    case 'ends_before_start':
      return errorResponse(fieldError('startDate', rules.afterEnd));
  }
}

export async function endParticipation(
  req: RequestOf<`POST ${typeof base}/{participantId}/end`>,
): Promise<ApiResponse> {
  const outcome = await repo(req).end(req.params.participantId, req.body, req.now, req.idempotency);
  if (isShared(outcome)) return sharedAnswer(outcome);
  switch (outcome.kind) {
    case 'written':
      return json(200, outcome.ended);
    case 'already_ended':
      return errorResponse(conflict(outcome.current));
    case 'ends_before_start':
      return errorResponse(fieldError('endDate', rules.beforeStart));
  }
}
