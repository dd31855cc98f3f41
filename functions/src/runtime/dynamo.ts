import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CentreId } from '@crux/domain/centre';
import { type ClientProfile, clientSettings, createDocumentClient, tableName } from '@crux/store/client';

/** Read when the first client is built, so the local runtime can set it after loading this module. */
const endpoint = () => process.env.DYNAMODB_ENDPOINT;

const shared = new Map<ClientProfile, DynamoDBDocumentClient>();
const hooks: ((client: DynamoDBDocumentClient) => void)[] = [];

/**
 * Runs `hook` on the function's own clients, now for those made already, else when they are: how the
 * tracing of the functions that have it reaches their DynamoDB requests without this module importing
 * the tracer. (The centre API's per-tenant clients have no tracer to meet.)
 */
export function onDocumentClient(hook: (client: DynamoDBDocumentClient) => void): void {
  hooks.push(hook);
  for (const client of shared.values()) hook(client);
}

/**
 * The function's own client: for audiences whose IAM role already limits them to their keys. API
 * functions answer a person (`request`: short timeouts); the figures job may wait (`batch`).
 */
export function documentClient(profile: ClientProfile = 'request'): DynamoDBDocumentClient {
  let client = shared.get(profile);
  if (!client) {
    client = createDocumentClient({ endpoint: endpoint(), profile });
    shared.set(profile, client);
    for (const hook of hooks) hook(client);
  }
  return client;
}

export { tableName };

const tenantClients = new Map<string, DynamoDBDocumentClient>();

/**
 * The centre API's client for one centre. In AWS the function's own role has no DynamoDB access at all:
 * it assumes the tenant role with the session tag `centre`, and that role's policy allows only keys
 * `C#<centre>` and `C#<centre>#…` (dynamodb:LeadingKeys). So even a bug that built a foreign key would be
 * refused by DynamoDB. Locally (no TENANT_ROLE_ARN) DynamoDB Local does not enforce IAM, and the shared
 * client is used; the store's key builders and the tests guard the boundary there.
 */
export function clientFor(scope: { centre: CentreId }): DynamoDBDocumentClient {
  return roleClient(process.env.TENANT_ROLE_ARN, tenantClients, scope.centre);
}

const logReaderClients = new Map<string, DynamoDBDocumentClient>();

/**
 * The client that reads one centre's access log: the log-reader role, tagged like the tenant role, may
 * read the log and nothing else, and the tenant role, which adds the entries, may not read them (so it
 * never learns a key it could overwrite). Locally the shared client, as for `clientFor`.
 */
export function logReaderFor(scope: { centre: CentreId }): DynamoDBDocumentClient {
  return roleClient(process.env.LOG_READER_ROLE_ARN, logReaderClients, scope.centre);
}

function roleClient(
  roleArn: string | undefined,
  clients: Map<string, DynamoDBDocumentClient>,
  centre: CentreId,
): DynamoDBDocumentClient {
  if (!roleArn) return documentClient();
  let client = clients.get(centre);
  if (!client) {
    client = createDocumentClient({
      endpoint: endpoint(),
      profile: 'request',
      // Refreshed by the SDK before they expire; the STS client behind it is the one the SDK's own
      // credential chain already bundles, so per-tenant credentials cost the bundle next to nothing.
      credentials: fromTemporaryCredentials({
        params: {
          RoleArn: roleArn,
          RoleSessionName: `centre-${centre}`.slice(0, 64),
          Tags: [{ Key: 'centre', Value: centre }],
          DurationSeconds: 900,
        },
        // STS is on the same request path: it gets the same deadline as DynamoDB.
        clientConfig: clientSettings('request'),
      }),
    });
    clients.set(centre, client);
  }
  return client;
}
