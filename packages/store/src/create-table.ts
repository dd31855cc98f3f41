import {
  type AttributeDefinition,
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTimeToLiveCommand,
  type DynamoDBClient,
  ResourceInUseException,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { table } from './table';

/**
 * The CreateTable input derived from the one shared table definition, so the local table has exactly
 * the keys and indexes the CDK table has. On-demand billing, like in AWS.
 */
export function createTableInput(name: string = table.defaultName): CreateTableCommandInput {
  const keyNames = new Set<string>([table.partitionKey, table.sortKey]);
  for (const index of table.indexes) {
    keyNames.add(index.partitionKey);
    keyNames.add(index.sortKey);
  }
  const attributes: AttributeDefinition[] = [...keyNames].map((AttributeName) => ({
    AttributeName,
    AttributeType: 'S',
  }));
  return {
    TableName: name,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: attributes,
    KeySchema: [
      { AttributeName: table.partitionKey, KeyType: 'HASH' },
      { AttributeName: table.sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: table.indexes.map((index) => ({
      IndexName: index.name,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: 'HASH' },
        { AttributeName: index.sortKey, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    })),
  };
}

export type EnsureTableResult = { created: boolean; ttlTurnedOn: boolean };

/**
 * Creates the table when it is missing and turns on TTL for idempotency records. Safe to call on every
 * start: an existing table is left as it is.
 */
export async function ensureTable(
  client: DynamoDBClient,
  name: string = table.defaultName,
): Promise<EnsureTableResult> {
  let created = false;
  try {
    await client.send(new CreateTableCommand(createTableInput(name)));
    created = true;
  } catch (e) {
    if (!(e instanceof ResourceInUseException)) throw e;
  }
  await waitUntilTableExists({ client, maxWaitTime: 60, minDelay: 1 }, { TableName: name });

  const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: name }));
  const status = ttl.TimeToLiveDescription?.TimeToLiveStatus;
  let ttlTurnedOn = false;
  if (status !== 'ENABLED' && status !== 'ENABLING') {
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: name,
        TimeToLiveSpecification: { AttributeName: table.ttlAttribute, Enabled: true },
      }),
    );
    ttlTurnedOn = true;
  }
  return { created, ttlTurnedOn };
}
