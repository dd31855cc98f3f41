import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { localCredentials, localRegion, startDynamo } from '@crux/local/dynamodb';
import { ensureTable } from '@crux/store/create-table';
import { progress } from './measure';

const TABLE = 'crux-bench';

// The functions log and publish metrics as in AWS, so the cost model counts their log bytes
// (bench/log-meter.ts keeps them off the terminal).
process.env.POWERTOOLS_LOG_LEVEL = 'INFO';
process.env.POWERTOOLS_METRICS_DISABLED = 'false';

/**
 * Runs `measure` against a DynamoDB Local of its own (in memory) with the bench's table, the functions'
 * environment pointed at it; stops it after. `npm run bench` and the API-only run share it.
 */
export async function withBenchDynamo<T>(measure: () => Promise<T>): Promise<T> {
  progress('starting DynamoDB Local (in memory)');
  const dynamo = await startDynamo();
  try {
    const client = new DynamoDBClient({
      endpoint: dynamo.endpoint,
      region: localRegion,
      credentials: localCredentials,
    });
    await ensureTable(client, TABLE);
    client.destroy();
    Object.assign(process.env, {
      TABLE_NAME: TABLE,
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      AWS_REGION: localRegion,
      AWS_ACCESS_KEY_ID: localCredentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: localCredentials.secretAccessKey,
    });
    return await measure();
  } finally {
    await dynamo.stop();
  }
}
