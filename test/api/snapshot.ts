import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { testStore, testTableName } from '../setup/dynamo';

/**
 * Every item of a partition, in key order: compared before and after a refused request. Read from the
 * table the functions write to (a test file may point them at a table of its own).
 */
export async function partition(pk: string): Promise<Record<string, unknown>[]> {
  const table = process.env.TABLE_NAME || testTableName();
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
