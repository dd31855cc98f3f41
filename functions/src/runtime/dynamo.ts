import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient, tableName } from '@crux/store/client';
import type { TenantScope } from '@crux/store/tenant-scope';

const endpoint = process.env.DYNAMODB_ENDPOINT;

let shared: DynamoDBDocumentClient | undefined;
const hooks: ((client: DynamoDBDocumentClient) => void)[] = [];

/**
 * Runs `hook` on the function's own client, now if it is made already, else when it is: how the
 * tracing of the functions that have it reaches their DynamoDB requests without this module importing
 * the tracer. (The centre API's per-tenant clients have no tracer to meet.)
 */
export function onDocumentClient(hook: (client: DynamoDBDocumentClient) => void): void {
  hooks.push(hook);
  if (shared) hook(shared);
}

/** The function's own client: for audiences whose IAM role already limits them to their keys. */
export function documentClient(): DynamoDBDocumentClient {
  if (!shared) {
    shared = createDocumentClient({ endpoint });
    for (const hook of hooks) hook(shared);
  }
  return shared;
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
export function clientFor(scope: TenantScope): DynamoDBDocumentClient {
  const roleArn = process.env.TENANT_ROLE_ARN;
  if (!roleArn) return documentClient();
  let client = tenantClients.get(scope.centre);
  if (!client) {
    client = createDocumentClient({
      endpoint,
      // Refreshed by the SDK before they expire; the STS client behind it is the one the SDK's own
      // credential chain already bundles, so per-tenant credentials cost the bundle next to nothing.
      credentials: fromTemporaryCredentials({
        params: {
          RoleArn: roleArn,
          RoleSessionName: `centre-${scope.centre}`.slice(0, 64),
          Tags: [{ Key: 'centre', Value: scope.centre }],
          DurationSeconds: 900,
        },
      }),
    });
    tenantClients.set(scope.centre, client);
  }
  return client;
}
