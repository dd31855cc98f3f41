import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { Audience } from '@crux/api/audiences';
import { type Idempotency, judgeReuse, type Replay } from './idempotency';
import { audienceKeys } from './keys';

/**
 * Retry-safe POSTs whose write lands outside the table (the user pool), which no DynamoDB transaction
 * can span. The request first claims its (caller, key) with a pending record; the action itself is
 * written so that running it twice does what running it once does (it finds what an earlier attempt
 * made); the answer then completes the record. So a request cut off halfway finds its own pending claim
 * when it is sent again and finishes the action; a finished one gets its first answer again; the same
 * key with another request is refused; and a request the rules refuse releases its claim, leaving
 * nothing behind.
 */
/** `resumed`: the claim was this same request's, left pending by an attempt that was cut off. */
export type Claim = { kind: 'claimed'; resumed: boolean } | Replay;

type Space = Exclude<Audience, 'centre'>;

const TTL_SECONDS = 24 * 60 * 60;
const expiresAt = () => Math.floor(Date.now() / 1000) + TTL_SECONDS;

export function externalIdempotency(doc: DynamoDBDocumentClient, table: string, space: Space) {
  const key = (idem: Idempotency) => audienceKeys.idempotency(space, idem.subject, idem.key);
  return {
    async claim(idem: Idempotency): Promise<Claim> {
      try {
        await doc.send(
          new PutCommand({
            TableName: table,
            Item: { ...key(idem), requestHash: idem.requestHash, pending: true, expiresAt: expiresAt() },
            ConditionExpression: 'attribute_not_exists(PK)',
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          }),
        );
        return { kind: 'claimed', resumed: false };
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        const stored = error.Item ? unmarshall(error.Item) : undefined;
        if (stored?.pending === true && stored.requestHash === idem.requestHash)
          return { kind: 'claimed', resumed: true };
        return judgeReuse(stored, idem.requestHash);
      }
    },

    async complete(idem: Idempotency, answer: { status: number; body: unknown }): Promise<void> {
      await doc.send(
        new PutCommand({
          TableName: table,
          Item: {
            ...key(idem),
            requestHash: idem.requestHash,
            status: answer.status,
            body: JSON.stringify(answer.body),
            expiresAt: expiresAt(),
          },
        }),
      );
    },

    /** Removes a claim whose request was refused; a completed record is never removed. */
    async release(idem: Idempotency): Promise<void> {
      await doc
        .send(
          new DeleteCommand({
            TableName: table,
            Key: key(idem),
            ConditionExpression: 'pending = :pending',
            ExpressionAttributeValues: { ':pending': true },
          }),
        )
        .catch((error: unknown) => {
          if (!(error instanceof ConditionalCheckFailedException)) throw error;
        });
    },
  };
}
