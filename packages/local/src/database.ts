import { join } from 'node:path';
import { table } from '@crux/store/table';
import { type SupervisedDynamo, superviseDynamo } from './dynamo-supervisor';
import { localCredentials, localRegion } from './dynamodb';
import type { StartupError } from './startup-error';

/**
 * The runtime's DynamoDB Local: in `<dataDir>/dynamodb` (in memory without a data folder), with the
 * table made from the shared definition on every start and restart, and restarted when it dies. Light
 * to import (the AWS SDK is loaded only once Java is on its way), so `npm start` can begin with it.
 */
export function startDatabase(
  dataDir: string | undefined,
  onLost: (error: StartupError) => void,
): Promise<SupervisedDynamo> {
  return superviseDynamo({
    dataDir: dataDir === undefined ? undefined : join(dataDir, 'dynamodb'),
    prepare: prepareTable,
    onGiveUp: onLost,
  });
}

async function prepareTable(endpoint: string): Promise<void> {
  const [{ DynamoDBClient }, { ensureTable }] = await Promise.all([
    import('@aws-sdk/client-dynamodb'),
    import('@crux/store/create-table'),
  ]);
  const admin = new DynamoDBClient({ endpoint, region: localRegion, credentials: localCredentials });
  try {
    await ensureTable(admin, table.defaultName);
  } finally {
    admin.destroy();
  }
}
