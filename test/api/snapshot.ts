import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { audienceKeys, localIdpKeys } from '@crux/store/keys';
import { testStore, testTableName } from '../setup/dynamo';

/**
 * Every item of a partition, in key order: compared before and after a refused request. Read from the
 * table the functions write to (a test file may point them at a table of its own).
 */
export async function partition(
  pk: string,
  table = process.env.TABLE_NAME || testTableName(),
): Promise<Record<string, unknown>[]> {
  const doc = testStore();
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: 'PK = :pk',
        ConsistentRead: true,
        ExpressionAttributeValues: { ':pk': pk },
        ExclusiveStartKey: start,
      }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

export const centrePartition = (centre: string) => partition(`C#${centre}`);

/** The local user pool's items, always in the run's shared table (where test/setup/dynamo.ts puts the pool). */
const pool = () => partition(localIdpKeys.pk, testTableName());

/** The local user pool's items of one centre's accounts (the directory the accounts functions use in tests). */
export async function poolOf(centre: string): Promise<Record<string, unknown>[]> {
  return (await pool()).filter((item) => item.centre === centre);
}

/** The pool's items for one username: the user and the item that reserves the name. */
export async function poolWith(email: string): Promise<Record<string, unknown>[]> {
  return (await pool()).filter(
    (item) => item.username === email || item.SK === localIdpKeys.username(email).SK,
  );
}

/** What an accounts request could write besides the pool: its request records. */
export const accountRequestRecords = (subject: string) =>
  partition(audienceKeys.idempotencyPk('accounts')).then((items) =>
    items.filter((item) => String(item.SK).startsWith(`${subject}#`)),
  );
