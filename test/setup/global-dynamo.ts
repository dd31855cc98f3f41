import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { localCredentials, localRegion, startDynamo } from '@crux/local/dynamodb';
import { ensureTable } from '@crux/store/create-table';
import { table } from '@crux/store/table';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    tableName: string;
  }
}

/** One in-memory DynamoDB Local for the whole run, with the table built from the shared definition. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dynamo = await startDynamo();
  const client = new DynamoDBClient({
    endpoint: dynamo.endpoint,
    region: localRegion,
    credentials: localCredentials,
  });
  try {
    await ensureTable(client, table.defaultName);
  } catch (e) {
    await dynamo.stop();
    throw e;
  } finally {
    client.destroy();
  }
  project.provide('dynamoEndpoint', dynamo.endpoint);
  project.provide('tableName', table.defaultName);
  return () => dynamo.stop();
}
