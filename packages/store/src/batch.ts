import {
  BatchGetCommand,
  BatchWriteCommand,
  type BatchWriteCommandInput,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';

const BATCH_WRITE_MAX = 25;
const BATCH_GET_MAX = 100;
const UNPROCESSED_RETRIES = 8;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type WriteRequest = NonNullable<BatchWriteCommandInput['RequestItems']>[string][number];

/** Writes in batches of 25, retrying what DynamoDB leaves unprocessed. */
async function writeAll(doc: DynamoDBDocumentClient, table: string, requests: readonly WriteRequest[]) {
  for (let i = 0; i < requests.length; i += BATCH_WRITE_MAX) {
    let pending = requests.slice(i, i + BATCH_WRITE_MAX);
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > UNPROCESSED_RETRIES) throw new Error('BatchWrite: items left unprocessed');
      if (attempt > 0) await sleep(25 * 2 ** attempt);
      const result = await doc.send(new BatchWriteCommand({ RequestItems: { [table]: pending } }));
      pending = result.UnprocessedItems?.[table] ?? [];
    }
  }
}

/** Puts in batches of 25. Each put is a whole item: idempotent. */
export function putAll(
  doc: DynamoDBDocumentClient,
  table: string,
  items: readonly Record<string, unknown>[],
): Promise<void> {
  return writeAll(
    doc,
    table,
    items.map((Item) => ({ PutRequest: { Item } })),
  );
}

/** Deletes by key in batches of 25: idempotent, a key already gone is no error. */
export function deleteAll(
  doc: DynamoDBDocumentClient,
  table: string,
  keys: readonly Record<string, unknown>[],
): Promise<void> {
  return writeAll(
    doc,
    table,
    keys.map((Key) => ({ DeleteRequest: { Key } })),
  );
}

/** Gets in batches of 100, strongly consistent, retrying what DynamoDB leaves unprocessed. */
export async function getAll(
  doc: DynamoDBDocumentClient,
  table: string,
  keys: readonly Record<string, unknown>[],
  projection: string,
  /** For the names in `projection` DynamoDB reserves (`#percent`). */
  names?: Record<string, string>,
): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  for (let i = 0; i < keys.length; i += BATCH_GET_MAX) {
    let pending = keys.slice(i, i + BATCH_GET_MAX);
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > UNPROCESSED_RETRIES) throw new Error('BatchGet: keys left unprocessed');
      if (attempt > 0) await sleep(25 * 2 ** attempt);
      const result = await doc.send(
        new BatchGetCommand({
          RequestItems: {
            [table]: {
              Keys: pending,
              ConsistentRead: true,
              ProjectionExpression: projection,
              ...(names ? { ExpressionAttributeNames: names } : {}),
            },
          },
        }),
      );
      out.push(...(result.Responses?.[table] ?? []));
      pending = result.UnprocessedKeys?.[table]?.Keys ?? [];
    }
  }
  return out;
}
