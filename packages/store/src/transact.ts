import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** What a retried write needs to answer exactly as the first time did. */
export type IdempotencyRecord = {
  key: { PK: string; SK: string };
  /** A hash of what was asked, so a reused key with another request is refused, not replayed. */
  requestHash: string;
  status: number;
  body: unknown;
};

export type TransactOutcome =
  | { kind: 'written' }
  | { kind: 'replayed'; status: number; body: unknown }
  | { kind: 'key_reused' }
  /** The condition of item `index` failed; `current` is that item as stored (if it exists). */
  | { kind: 'condition_failed'; index: number; current: Record<string, unknown> | undefined };

const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;
const CONFLICT_RETRIES = 3;

/**
 * One TransactWriteItems request: the items, plus (for POSTs) the idempotency record in the same
 * transaction, so the write and its remembered answer commit together or not at all. A condition that
 * fails returns the stored item with the cancellation (ALL_OLD), so telling the caller what is there now
 * costs no second request.
 */
export async function transact(
  doc: DynamoDBDocumentClient,
  table: string,
  items: TransactItem[],
  idempotency?: IdempotencyRecord,
): Promise<TransactOutcome> {
  const all: TransactItem[] = [...items];
  if (idempotency) {
    all.push({
      Put: {
        TableName: table,
        Item: {
          ...idempotency.key,
          requestHash: idempotency.requestHash,
          status: idempotency.status,
          body: JSON.stringify(idempotency.body),
          expiresAt: Math.floor(Date.now() / 1000) + IDEMPOTENCY_TTL_SECONDS,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      },
    });
  }
  for (let attempt = 0; ; attempt++) {
    try {
      await doc.send(new TransactWriteCommand({ TransactItems: all }));
      return { kind: 'written' };
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = error.CancellationReasons ?? [];
      // Another transaction touched the same item (e.g. the month's dirty marker) at the same moment.
      if (reasons.some((r) => r.Code === 'TransactionConflict') && attempt < CONFLICT_RETRIES) {
        await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt + Math.random() * 20));
        continue;
      }
      if (idempotency) {
        const idem = reasons[all.length - 1];
        if (idem?.Code === 'ConditionalCheckFailed') {
          const stored = idem.Item ? unmarshall(idem.Item) : undefined;
          if (!stored || stored.requestHash !== idempotency.requestHash) return { kind: 'key_reused' };
          return { kind: 'replayed', status: Number(stored.status), body: JSON.parse(String(stored.body)) };
        }
      }
      const index = reasons.findIndex((r) => r.Code === 'ConditionalCheckFailed');
      if (index === -1) throw error;
      const item = reasons[index]?.Item;
      return { kind: 'condition_failed', index, current: item ? unmarshall(item) : undefined };
    }
  }
}
