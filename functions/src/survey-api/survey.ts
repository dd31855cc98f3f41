import { randomBytes } from 'node:crypto';
import { conflict } from '@crux/domain/errors';
import { CODE_LENGTH, codeFromBytes } from '@crux/domain/survey/code';
import * as surveyRules from '@crux/domain/survey/rules';
import { fieldError } from '@crux/domain/validation';
import { centreFiguresRepo } from '@crux/store/centre-figures-repo';
import { surveyRoundsRepo } from '@crux/store/survey-rounds-repo';
import type { TenantScope } from '@crux/store/tenant-scope';
import { isShared, sharedAnswer } from '../http/outcome';
import type { RequestOf } from '../http/request';
import { type ApiResponse, errorResponse, json } from '../http/response';
import { clientFor, tableName } from '../runtime/dynamo';

const rounds = '/api/centres/{centreId}/survey/rounds';
const round = `${rounds}/{roundId}` as const;
const repo = (scope: TenantScope) => surveyRoundsRepo(clientFor(scope), tableName(), scope);
const today = (now: string) => now.slice(0, 10);

export async function listRounds(req: RequestOf<`GET ${typeof rounds}`>): Promise<ApiResponse> {
  return json(200, { rounds: await repo(req.scope).list() });
}

/** The leader opens the centre's one round for a year, with a published version. */
export async function openRound(req: RequestOf<`POST ${typeof rounds}`>): Promise<ApiResponse> {
  const { year, version } = req.body;
  const outcome = await repo(req.scope).open(year, version, today(req.now), req.idempotency);
  if (isShared(outcome)) return sharedAnswer(outcome);
  switch (outcome.kind) {
    case 'written':
      return json(201, outcome.round);
    case 'unknown_version':
      return errorResponse(fieldError('version', surveyRules.unknownVersion));
    case 'already_open':
      return errorResponse(conflict({ round: outcome.round }));
  }
}

/** Fresh codes from the platform's random source: 50 bits each, never derived from anything. */
const drawCodes = (count: number) =>
  Array.from({ length: count }, () => codeFromBytes(randomBytes(CODE_LENGTH)));

/**
 * Codes for the open round, to print and hand out at random. Only their hashes are stored: this answer
 * (and its replay, for a retry) is the one place the codes themselves appear.
 */
export async function makeCodes(req: RequestOf<`POST ${typeof round}/codes`>): Promise<ApiResponse> {
  let outcome = await repo(req.scope).makeCodes(
    req.params.roundId,
    drawCodes(req.body.count),
    req.idempotency,
  );
  if (outcome.kind === 'collision')
    outcome = await repo(req.scope).makeCodes(req.params.roundId, drawCodes(req.body.count), req.idempotency);
  if (isShared(outcome)) return sharedAnswer(outcome);
  switch (outcome.kind) {
    case 'written':
      return json(201, { round: req.params.roundId, codes: outcome.codes });
    case 'not_open':
    case 'collision':
      return errorResponse(conflict({ round: req.params.roundId }));
  }
}

/** The leader closes the round; the figures job then counts it and writes its results. */
export async function closeRound(req: RequestOf<`POST ${typeof round}/close`>): Promise<ApiResponse> {
  const outcome = await repo(req.scope).close(
    req.params.roundId,
    req.body.year,
    today(req.now),
    req.idempotency,
  );
  if (isShared(outcome)) return sharedAnswer(outcome);
  switch (outcome.kind) {
    case 'written':
      return json(200, outcome.round);
    case 'not_open':
      return errorResponse(conflict(outcome.current));
  }
}

/**
 * A closed round's results as the figures job wrote them: one GetItem. Until the job has counted the
 * round they are null; with fewer than 5 answers they say only how many answered.
 */
export async function roundResults(req: RequestOf<`GET ${typeof round}/results`>): Promise<ApiResponse> {
  const results = await centreFiguresRepo(clientFor(req.scope), tableName(), req.scope).roundResults(
    req.params.roundId,
  );
  return json(200, results ?? { round: req.params.roundId, results: null });
}

/** The free-text answers, only to the centre and only once the round has closed (409 before). */
export async function roundTexts(req: RequestOf<`GET ${typeof round}/texts`>): Promise<ApiResponse> {
  const outcome = await repo(req.scope).texts(req.params.roundId);
  if (outcome.kind === 'not_closed') return errorResponse(conflict({ status: 'open' }));
  return json(200, { round: req.params.roundId, texts: outcome.texts });
}
