import { randomUUID } from 'node:crypto';
import * as rules from '@crux/domain/rules';
import { fieldError } from '@crux/domain/validation';
import { positionsRepo } from '@crux/store/positions-repo';
import type { TenantScope } from '@crux/store/tenant-scope';
import { isShared, sharedAnswer } from '../http/outcome';
import type { RequestOf } from '../http/request';
import { type ApiResponse, errorResponse, json } from '../http/response';
import { clientFor, tableName } from '../runtime/dynamo';

const base = '/api/centres/{centreId}/positions';
const repo = (scope: TenantScope) => positionsRepo(clientFor(scope), tableName(), scope);

/** The centre's staff positions, for its leader: a page in id order, one Query. */
export async function listPositions(req: RequestOf<`GET ${typeof base}`>): Promise<ApiResponse> {
  const page = await repo(req.scope).list(req.query);
  return page === 'bad_cursor' ? errorResponse(fieldError('cursor', rules.cursor)) : json(200, page);
}

export async function createPosition(req: RequestOf<`POST ${typeof base}`>): Promise<ApiResponse> {
  const outcome = await repo(req.scope).create(randomUUID(), req.body, req.now, req.idempotency);
  if (isShared(outcome)) return sharedAnswer(outcome);
  switch (outcome.kind) {
    case 'written':
      return json(201, outcome.position);
  }
}

/** A correction (an end, most often), against the version shown. */
export async function updatePosition(
  req: RequestOf<`PUT ${typeof base}/{positionId}`>,
): Promise<ApiResponse> {
  const outcome = await repo(req.scope).update(req.params.positionId, req.body, req.now);
  if (isShared(outcome)) return sharedAnswer(outcome);
  switch (outcome.kind) {
    case 'written':
      return json(200, outcome.position);
  }
}
