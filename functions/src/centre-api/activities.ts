import { randomUUID } from 'node:crypto';
import { ActivityCreate, ActivityRange } from '@crux/domain/activity';
import { todayInOslo } from '@crux/domain/period';
import { fieldError, parse } from '@crux/domain/validation';
import { activitiesRepo } from '@crux/store/activities-repo';
import { centreKeys } from '@crux/store/keys';
import * as z from 'zod/mini';
import type { CentreRequest } from '../http/api-handler';
import { idempotencyKeyReused } from '../http/errors';
import { type ApiResponse, errorResponse, json } from '../http/response';
import { clientFor, tableName } from '../runtime/dynamo';
import { PageQuery, pageSize } from './query';

const ActivityListQuery = z.strictObject({ ...PageQuery.shape, from: z.string(), to: z.string() });

const repo = (req: CentreRequest) => activitiesRepo(clientFor(req.scope), tableName(), req.scope);

export async function listActivities(req: CentreRequest): Promise<ApiResponse> {
  const query = parse(ActivityListQuery, req.query);
  if (!query.ok) return errorResponse(query.error);
  const { limit, cursor, from, to } = query.value;
  const range = parse(ActivityRange, { from, to });
  if (!range.ok) return errorResponse(range.error);
  const page = await repo(req).list(range.value, { limit: pageSize(limit), cursor });
  if (page === 'bad_cursor') return errorResponse(fieldError('cursor', 'cursor'));
  return json(200, page);
}

export async function recordActivity(req: CentreRequest): Promise<ApiResponse> {
  const input = parse(ActivityCreate, req.body);
  if (!input.ok) return errorResponse(input.error);
  // Work is registered as it happens; a date ahead of today in Norway is a slip of the finger.
  if (input.value.date > todayInOslo()) return errorResponse(fieldError('date', 'future'));
  const outcome = await repo(req).record(randomUUID(), input.value, req.now, (entry) => ({
    key: centreKeys.idempotency(req.scope, `${req.principal.subject}#${req.idempotencyKey}`),
    requestHash: req.requestHash,
    status: 201,
    body: entry,
  }));
  switch (outcome.kind) {
    case 'written':
      return json(201, outcome.entry);
    case 'replayed':
      return json(outcome.status, outcome.body);
    case 'key_reused':
      return errorResponse(idempotencyKeyReused());
    case 'unknown_participant':
      return errorResponse(fieldError('participantId', 'unknown_participant'));
  }
}
