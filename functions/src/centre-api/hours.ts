import { randomUUID } from 'node:crypto';
import { notFound } from '@crux/domain/errors';
import * as rules from '@crux/domain/rules';
import { fieldError } from '@crux/domain/validation';
import { hoursRepo } from '@crux/store/hours-repo';
import type { TenantScope } from '@crux/store/tenant-scope';
import { isShared, sharedAnswer } from '../http/outcome';
import type { RequestOf } from '../http/request';
import { type ApiResponse, errorResponse, json } from '../http/response';
import { clientFor, tableName } from '../runtime/dynamo';

const order = '/api/centres/{centreId}/participants/{participantId}/orders/{orderId}';
const repo = (scope: TenantScope) => hoursRepo(clientFor(scope), tableName(), scope);

/** Hours served on an order on one day: within the order and the participation, in quarter hours. */
export async function logHours(req: RequestOf<`POST ${typeof order}/hours`>): Promise<ApiResponse> {
  const { participantId, orderId } = req.params;
  const outcome = await repo(req.scope).log(
    participantId,
    orderId,
    randomUUID(),
    req.body,
    req.now,
    req.idempotency,
  );
  if (isShared(outcome)) return sharedAnswer(outcome);
  switch (outcome.kind) {
    case 'written':
      return json(201, outcome.entry);
    case 'refused': {
      const orders = (outcome.stored?.orders ?? {}) as Record<string, unknown>;
      return errorResponse(
        outcome.stored && orders[orderId] ? fieldError('date', rules.outsideOrder) : notFound(),
      );
    }
  }
}

/** Takes a log back: kept as deleted (who and when), out of every count. */
export async function deleteHours(
  req: RequestOf<`DELETE ${typeof order}/hours/{date}/{hoursId}`>,
): Promise<ApiResponse> {
  const { participantId, orderId, date, hoursId } = req.params;
  const outcome = await repo(req.scope).remove(participantId, orderId, date, hoursId, req.now);
  return outcome.kind === 'deleted'
    ? { statusCode: 204, headers: { 'cache-control': 'no-store' } }
    : errorResponse(notFound());
}

/** The hours logged in a range of days, optionally of one participant. */
export async function listHours(req: RequestOf<'GET /api/centres/{centreId}/hours'>): Promise<ApiResponse> {
  return json(200, { items: await repo(req.scope).list(req.query) });
}
