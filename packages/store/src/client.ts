import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { insideLoggedWrite } from './access-log';
import { trackAttemptOutcomes } from './db-failure';

/**
 * How long a caller waits for DynamoDB, per kind of caller.
 * - `request`: someone is waiting for an answer (the API functions, the sign-in trigger). Two attempts
 *   of at most 1 s to connect and 2 s for the whole request, plus the SDK's backoff (under 0.2 s before
 *   the second attempt), so a database that is down answers in well under a second and one that hangs
 *   within about 4.5 s: inside the functions' 10 s timeout and Cognito's 5 s for its trigger, with room
 *   for the function to say so. DynamoDB answers in milliseconds; 2 s is not a limit a healthy request
 *   meets, even DynamoDB Local on a busy machine.
 * - `batch`: the figures job and tools, which read and write many items per request and have minutes:
 *   5 attempts of up to 3 s to connect and 30 s a request.
 */
export type ClientProfile = 'request' | 'batch';

export const clientProfiles = {
  request: { connectionTimeout: 1_000, requestTimeout: 2_000, maxAttempts: 2 },
  batch: { connectionTimeout: 3_000, requestTimeout: 30_000, maxAttempts: 5 },
} as const satisfies Record<
  ClientProfile,
  { connectionTimeout: number; requestTimeout: number; maxAttempts: number }
>;

export type ClientOptions = {
  /** DynamoDB Local's URL; undefined in AWS. */
  endpoint?: string | undefined;
  region?: string | undefined;
  credentials?: DynamoDBClientConfig['credentials'];
  /** Default `batch`: only a caller that answers a person within a deadline asks for `request`. */
  profile?: ClientProfile;
};

/** The HTTP timeouts and retries of a profile, also for the STS client behind per-tenant credentials. */
export function clientSettings(profile: ClientProfile) {
  const { connectionTimeout, requestTimeout, maxAttempts } = clientProfiles[profile];
  return {
    maxAttempts,
    // throwOnRequestTimeout: without it the SDK only logs a warning when requestTimeout passes.
    requestHandler: { connectionTimeout, requestTimeout, throwOnRequestTimeout: true },
  };
}

/** One way to build the document client, so every caller marshals items the same way. */
export function createDocumentClient(options: ClientOptions = {}): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    region: options.region ?? process.env.AWS_REGION ?? 'eu-north-1',
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
    ...clientSettings(options.profile ?? 'batch'),
  });
  trackAttemptOutcomes(client);
  refuseUnloggedWrites(client);
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
  });
}

const singleWrites = new Set([
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'BatchWriteItemCommand',
]);

/**
 * In a request on personal data every write is a transaction, because its access-log entry commits in
 * it (transact.ts): a single-item write there would change a person's data unlogged. It is refused
 * before it is sent, so a repository that forgets fails its first test instead of going unlogged.
 */
function refuseUnloggedWrites(client: DynamoDBClient): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (singleWrites.has(context.commandName ?? '') && insideLoggedWrite()) {
        throw new Error(
          `${context.commandName} in a request on personal data: write in a transaction (transact.ts), which carries its access-log entry`,
        );
      }
      return next(args);
    },
    { step: 'initialize', priority: 'high', name: 'cruxRefuseUnloggedWrites' },
  );
}

/** The table name from the environment: set by CDK in AWS and by the local runtime on one machine. */
export function tableName(): string {
  const name = process.env.TABLE_NAME;
  if (!name) throw new Error('TABLE_NAME is not set');
  return name;
}
