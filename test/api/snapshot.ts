import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { testStore, testTableName } from '../setup/dynamo';

/** Every item of a partition, in key order: compared before and after a refused request. */
export async function partition(pk: string): Promise<Record<string, unknown>[]> {
  const doc = testStore();
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(
      new QueryCommand({
        TableName: testTableName(),
        KeyConditionExpression: 'PK = :pk',
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
