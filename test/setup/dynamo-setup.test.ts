import { DescribeTableCommand, DescribeTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { table } from '@crux/store/table';
import { afterAll, describe, expect, it } from 'vitest';
import { testStore, testTableName, uniqueCentreId } from './dynamo';

describe('the shared test database', () => {
  const store = testStore();
  afterAll(() => store.destroy());

  it('has the table of the shared definition, with every index and TTL on', async () => {
    const described = await store.send(new DescribeTableCommand({ TableName: testTableName() }));
    expect(described.Table?.KeySchema).toEqual([
      { AttributeName: table.partitionKey, KeyType: 'HASH' },
      { AttributeName: table.sortKey, KeyType: 'RANGE' },
    ]);
    expect(described.Table?.GlobalSecondaryIndexes?.map((i) => i.IndexName).sort()).toEqual(
      table.indexes.map((i) => i.name).sort(),
    );
    const ttl = await store.send(new DescribeTimeToLiveCommand({ TableName: testTableName() }));
    expect(ttl.TimeToLiveDescription).toMatchObject({
      TimeToLiveStatus: 'ENABLED',
      AttributeName: table.ttlAttribute,
    });
  });

  it('stores and reads an item', async () => {
    const key = { PK: `C#${uniqueCentreId()}`, SK: 'PROFILE' };
    await store.send(new PutCommand({ TableName: testTableName(), Item: { ...key, name: 'Prøvesenter' } }));
    const got = await store.send(new GetCommand({ TableName: testTableName(), Key: key }));
    expect(got.Item).toEqual({ ...key, name: 'Prøvesenter' });
  });
});
