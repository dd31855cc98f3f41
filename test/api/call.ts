import { randomUUID } from 'node:crypto';
import type { Role } from '@crux/domain/roles';
import { type DirectAnswer, type DirectCall, directCaller } from '@crux/local/direct-call';
import { applyTestEnv } from '../setup/dynamo';

export type Claims = Record<string, unknown>;
export type Call = DirectCall;
export type Answer = DirectAnswer;

/** The claims of a caller's access token; `call` signs them, so the function verifies a real token. */
export function claimsFor(role: Role, centre?: string, extra: Claims = {}): Claims {
  return {
    sub: `${role}-${centre ?? 'none'}-${randomUUID()}`,
    role,
    ...(centre ? { centre } : {}),
    ...extra,
  };
}

const caller = directCaller(applyTestEnv);

/**
 * Calls the real handler with the event API Gateway would build for this request and a real signed
 * access token for the claims, against the run's DynamoDB Local.
 */
export const call = caller.call;

/**
 * Sets the functions' environment once per test file (the run's shared table; a test may point
 * TABLE_NAME at a table of its own afterwards) and returns the minter of the tests' tokens.
 */
export const functionsReady = caller.ready;
