import { randomUUID } from 'node:crypto';
import { conflict, notFound } from '@crux/domain/errors';
import {
  ParticipantCreate,
  ParticipantId,
  ParticipantUpdate,
  ParticipationEnd,
} from '@crux/domain/participant';
import { fieldError, parse } from '@crux/domain/validation';
import { centreKeys } from '@crux/store/keys';
import { type ChangeOutcome, participantsRepo } from '@crux/store/participants-repo';
import type { CentreRequest } from '../http/api-handler';
import { idempotencyKeyReused } from '../http/errors';
import { type ApiResponse, errorResponse, json } from '../http/response';
import { clientFor, tableName } from '../runtime/dynamo';
import { ParticipantListQuery, pageSize } from './query';

const repo = (req: CentreRequest) => participantsRepo(clientFor(req.scope), tableName(), req.scope);

/** A malformed id cannot name a participant: it is simply not found. */
function participantId(req: CentreRequest): string | undefined {
  const id = ParticipantId.safeParse(req.params.participantId);
  return id.success ? id.data : undefined;
}

function changeResponse(outcome: ChangeOutcome, field: 'startDate' | 'endDate'): ApiResponse {
  switch (outcome.kind) {
    case 'written':
    case 'replayed':
      return json(200, outcome.participant);
    case 'not_found':
      return errorResponse(notFound());
    case 'stale':
    case 'already_ended':
      return errorResponse(conflict(outcome.current));
    case 'key_reused':
      return errorResponse(idempotencyKeyReused());
    case 'ends_before_start':
      return errorResponse(fieldError(field, field === 'endDate' ? 'before_start' : 'after_end'));
  }
}

export async function listParticipants(req: CentreRequest): Promise<ApiResponse> {
  const query = parse(ParticipantListQuery, req.query);
  if (!query.ok) return errorResponse(query.error);
  const page = await repo(req).list({
    limit: pageSize(query.value.limit),
    cursor: query.value.cursor,
    query: query.value.q,
  });
  if (page === 'bad_cursor') return errorResponse(fieldError('cursor', 'cursor'));
  return json(200, page);
}

export async function createParticipant(req: CentreRequest): Promise<ApiResponse> {
  const input = parse(ParticipantCreate, req.body);
  if (!input.ok) return errorResponse(input.error);
  const outcome = await repo(req).create(randomUUID(), input.value, req.now, (participant) => ({
    key: centreKeys.idempotency(req.scope, `${req.principal.subject}#${req.idempotencyKey}`),
    requestHash: req.requestHash,
    status: 201,
    body: participant,
  }));
  if (outcome.kind === 'written') return json(201, outcome.participant);
  if (outcome.kind === 'replayed') return json(outcome.status, outcome.body);
  return errorResponse(idempotencyKeyReused());
}

export async function getParticipant(req: CentreRequest): Promise<ApiResponse> {
  const id = participantId(req);
  const participant = id ? await repo(req).get(id) : undefined;
  return participant ? json(200, participant) : errorResponse(notFound());
}

export async function updateParticipant(req: CentreRequest): Promise<ApiResponse> {
  const id = participantId(req);
  if (!id) return errorResponse(notFound());
  const input = parse(ParticipantUpdate, req.body);
  if (!input.ok) return errorResponse(input.error);
  return changeResponse(await repo(req).update(id, input.value, req.now), 'startDate');
}

export async function endParticipation(req: CentreRequest): Promise<ApiResponse> {
  const id = participantId(req);
  if (!id) return errorResponse(notFound());
  const input = parse(ParticipationEnd, req.body);
  if (!input.ok) return errorResponse(input.error);
  const key = `${req.principal.subject}#${req.idempotencyKey}`;
  return changeResponse(await repo(req).end(id, input.value, req.now, key, req.requestHash), 'endDate');
}
