import { randomUUID } from 'node:crypto';
import { conflict, notFound } from '@crux/domain/errors';
import * as rules from '@crux/domain/rules';
import { fieldError } from '@crux/domain/validation';
import { checkWheelUses, conversationUses } from '@crux/domain/wheel/check';
import { conversationsRepo } from '@crux/store/conversations-repo';
import type { TenantScope } from '@crux/store/tenant-scope';
import { catalogueRefusal } from '../http/catalogue-refusal';
import { isShared, sharedAnswer } from '../http/outcome';
import type { RequestOf } from '../http/request';
import { type ApiResponse, errorResponse, json } from '../http/response';
import { countRegistrations } from '../observability/api-requests';
import { clientFor, tableName } from '../runtime/dynamo';

const path = '/api/centres/{centreId}/participants/{participantId}/conversations';
const repo = (scope: TenantScope) => conversationsRepo(clientFor(scope), tableName(), scope);

/**
 * A wheel conversation recorded on the plan: one transaction that also moves the plan's positions on,
 * marks the month for the figures (where it counts as a wheel conversation, by itself) and remembers
 * the answer, so a retry never records it twice.
 */
export async function recordConversation(req: RequestOf<`POST ${typeof path}`>): Promise<ApiResponse> {
  const outcome = await repo(req.scope).record(
    req.params.participantId,
    randomUUID(),
    req.body,
    req.now,
    req.idempotency,
  );
  if (isShared(outcome)) return sharedAnswer(outcome);
  switch (outcome.kind) {
    case 'written':
      countRegistrations('centre', ['wheel_conversation']);
      return json(201, outcome.recorded);
    case 'outside_participation':
      return errorResponse(fieldError('date', rules.outsideParticipation));
    case 'catalogue_refused': {
      const uses = conversationUses(req.body);
      return errorResponse(catalogueRefusal(outcome.catalogue, (c) => checkWheelUses(c, uses, uses)));
    }
  }
}

/** A correction of a conversation against the version shown; its day is fixed (delete and record anew). */
export async function correctConversation(
  req: RequestOf<`PUT ${typeof path}/{date}/{conversationId}`>,
): Promise<ApiResponse> {
  const { participantId, date, conversationId } = req.params;
  const outcome = await repo(req.scope).correct(participantId, date, conversationId, req.body, req.now);
  if (isShared(outcome)) return sharedAnswer(outcome);
  switch (outcome.kind) {
    case 'written':
      return json(200, outcome.conversation);
    case 'catalogue_refused': {
      const uses = conversationUses(req.body);
      return errorResponse(catalogueRefusal(outcome.catalogue, (c) => checkWheelUses(c, uses, uses)));
    }
  }
}

/** Deletes a conversation against the version shown: kept as deleted, out of the page and the figures. */
export async function deleteConversation(
  req: RequestOf<`DELETE ${typeof path}/{date}/{conversationId}`>,
): Promise<ApiResponse> {
  const { participantId, date, conversationId } = req.params;
  const outcome = await repo(req.scope).remove(
    participantId,
    date,
    conversationId,
    Number(req.query.version),
    req.now,
  );
  if (outcome.kind === 'deleted') return { statusCode: 204, headers: { 'cache-control': 'no-store' } };
  return outcome.kind === 'not_found' ? errorResponse(notFound()) : errorResponse(conflict(outcome.current));
}
