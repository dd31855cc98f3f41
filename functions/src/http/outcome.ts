import { conflict, notFound } from '@crux/domain/errors';
import { idempotencyKeyReused } from './errors';
import { type ApiResponse, errorResponse, json } from './response';

/**
 * The outcomes of a write that every route answers alike: a retry of a stored request (its first
 * answer again), its Idempotency-Key reused for another request (422), a record that is not there
 * (404), and a version no longer the stored one (409 with the stored record, for the conflict resolver).
 */
export type SharedOutcome =
  | { kind: 'replayed'; status: number; body: unknown }
  | { kind: 'key_reused' }
  | { kind: 'not_found' }
  | { kind: 'stale'; current: unknown };

const sharedKinds: ReadonlySet<string> = new Set<SharedOutcome['kind']>([
  'replayed',
  'key_reused',
  'not_found',
  'stale',
]);

/** Whether an outcome is one of the shared ones; a handler's own switch then answers only its own. */
export const isShared = <O extends { kind: string }>(outcome: O): outcome is Extract<O, SharedOutcome> =>
  sharedKinds.has(outcome.kind);

export function sharedAnswer(outcome: SharedOutcome): ApiResponse {
  switch (outcome.kind) {
    case 'replayed':
      return json(outcome.status, outcome.body);
    case 'key_reused':
      return errorResponse(idempotencyKeyReused());
    case 'not_found':
      return errorResponse(notFound());
    case 'stale':
      return errorResponse(conflict(outcome.current));
  }
}
