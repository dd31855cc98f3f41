import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { DescribeTableCommand, DescribeTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { table } from '@crux/store/table';
import { afterAll, describe, expect, inject, it } from 'vitest';
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

  it('listens on loopback only: the other addresses of this machine are refused', async () => {
    const port = Number(new URL(inject('dynamoEndpoint')).port);
    const reach = (host: string) =>
      new Promise<'open' | 'refused'>((resolve) => {
        const socket = connect({ host, port, timeout: 2_000 });
        socket.once('connect', () => {
          socket.destroy();
          resolve('open');
        });
        socket.once('error', () => resolve('refused'));
        socket.once('timeout', () => {
          socket.destroy();
          resolve('refused');
        });
      });
    expect(await reach('127.0.0.1')).toBe('open');
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && !a.internal && a.family === 'IPv4')
      .map((a) => a?.address as string);
    for (const address of others) expect(await reach(address), address).toBe('refused');
  });
});
