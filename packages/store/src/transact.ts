import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { accessLogPut, uncommittedEntry } from './access-log';
import { judgeReuse, type RememberedAnswer, type Replay } from './idempotency';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export type TransactOutcome =
  | { kind: 'written' }
  | Replay
  /** The condition of item `index` failed; `current` is that item as stored (if it exists). */
  | { kind: 'condition_failed'; index: number; current: Record<string, unknown> | undefined };

const CONFLICT_RETRIES = 3;

/** DynamoDB's limit of items in one transaction. */
export const TRANSACTION_MAX = 100;

/** How many items `transact` adds to a caller's: the remembered answer, and the request's access-log entry. */
export const itemsTransactAdds = (withAnswer: boolean): number =>
  (withAnswer ? 1 : 0) + (uncommittedEntry() ? 1 : 0);

/**
 * One TransactWriteItems request: the items, plus (for POSTs) the remembered answer in the same
 * transaction, so the write and its answer commit together or not at all; and, in a request on personal
 * data, its access-log entry (access-log.ts), so no change is ever stored unlogged. The entry goes
 * between the items and the answer: a failed condition's index still points into `items`. A condition
 * that fails returns the stored item with the cancellation (ALL_OLD), so telling the caller what is
 * there now costs no second request.
 */
export async function transact(
  doc: DynamoDBDocumentClient,
  items: readonly TransactItem[],
  answer?: RememberedAnswer,
): Promise<TransactOutcome> {
  const entry = uncommittedEntry();
  const all: TransactItem[] = [
    ...items,
    ...(entry ? [accessLogPut(entry, answer?.body)] : []),
    ...(answer ? [answer.item] : []),
  ];
  for (let attempt = 0; ; attempt++) {
    try {
      await doc.send(new TransactWriteCommand({ TransactItems: all }));
      if (entry) entry.committed = true;
      return { kind: 'written' };
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = error.CancellationReasons ?? [];
      // Another transaction touched the same item (e.g. the month's dirty marker) at the same moment.
      if (reasons.some((r) => r.Code === 'TransactionConflict') && attempt < CONFLICT_RETRIES) {
        await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt + Math.random() * 20));
        continue;
      }
      const stored = (i: number) => {
        const item = reasons[i]?.Item;
        return item ? unmarshall(item) : undefined;
      };
      if (answer && reasons[all.length - 1]?.Code === 'ConditionalCheckFailed') {
        return judgeReuse(stored(all.length - 1), answer.requestHash);
      }
      const index = reasons.findIndex((r) => r.Code === 'ConditionalCheckFailed');
      if (index === -1) throw error;
      return { kind: 'condition_failed', index, current: stored(index) };
    }
  }
}
