import type { Audience } from '@crux/api/audiences';
import { audienceKeys, centreKeys } from './keys';
import type { TenantScope } from './tenant-scope';
import type { TransactItem } from './transact';

/**
 * How a POST is made safe to retry, in one place for every route. The request pipeline hands a handler
 * who sent the request, their Idempotency-Key and a hash of what was asked (method, path and body); the
 * write's own transaction puts the answer under (caller, key), on the condition that nothing is there.
 * So the write and its remembered answer commit together or not at all; a retry finds the answer and
 * gets it again; and the same key sent with another method, path or body is refused, whatever the
 * target. Records expire after a day (DynamoDB TTL).
 */
export type Idempotency = { subject: string; key: string; requestHash: string };

/** Where a request's record lives: the centre's own partition, or the audience's for the others. */
export type IdempotencySpace = TenantScope | Exclude<Audience, 'centre'>;

/**
 * What the transaction writes beside the change, what it needs to judge a failed condition, and the
 * answer itself (its access-log entry may name the people in it, as a new participant's id).
 */
export type RememberedAnswer = { item: TransactItem; requestHash: string; body: unknown };

export type Replay = { kind: 'replayed'; status: number; body: unknown } | { kind: 'key_reused' };

const TTL_SECONDS = 24 * 60 * 60;

function recordKey(space: IdempotencySpace, idem: Idempotency) {
  return typeof space === 'string'
    ? audienceKeys.idempotency(space, idem.subject, idem.key)
    : centreKeys.idempotency(space, idem.subject, idem.key);
}

/** The Put that remembers a POST's answer; it fails its condition when the key was used before. */
export function rememberAnswer(
  table: string,
  space: IdempotencySpace,
  idem: Idempotency,
  answer: { status: number; body: unknown },
): RememberedAnswer {
  return {
    requestHash: idem.requestHash,
    body: answer.body,
    item: {
      Put: {
        TableName: table,
        Item: {
          ...recordKey(space, idem),
          requestHash: idem.requestHash,
          status: answer.status,
          body: JSON.stringify(answer.body),
          expiresAt: Math.floor(Date.now() / 1000) + TTL_SECONDS,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      },
    },
  };
}

/** A key found already used: the same request gets its first answer again, another one is refused. */
export function judgeReuse(stored: Record<string, unknown> | undefined, requestHash: string): Replay {
  if (!stored || stored.requestHash !== requestHash) return { kind: 'key_reused' };
  return { kind: 'replayed', status: Number(stored.status), body: JSON.parse(String(stored.body)) };
}
