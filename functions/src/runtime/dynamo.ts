import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient, tableName } from '@crux/store/client';
import type { TenantScope } from '@crux/store/tenant-scope';

const endpoint = process.env.DYNAMODB_ENDPOINT;

let shared: DynamoDBDocumentClient | undefined;

/** The function's own client: for audiences whose IAM role already limits them to their keys. */
export function documentClient(): DynamoDBDocumentClient {
  shared ??= createDocumentClient({ endpoint });
  return shared;
}

export { tableName };

const tenantClients = new Map<string, DynamoDBDocumentClient>();
let sts: STSClient | undefined;

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
  const cached = tenantClients.get(scope.centre);
  if (cached) return cached;
  sts ??= new STSClient({});
  const stsClient = sts;
  const client = createDocumentClient({
    endpoint,
    // The SDK calls this again when the credentials are about to expire.
    credentials: async () => {
      const { Credentials } = await stsClient.send(
        new AssumeRoleCommand({
          RoleArn: roleArn,
          RoleSessionName: `centre-${scope.centre}`.slice(0, 64),
          Tags: [{ Key: 'centre', Value: scope.centre }],
          DurationSeconds: 900,
        }),
      );
      if (!Credentials?.AccessKeyId || !Credentials.SecretAccessKey)
        throw new Error('AssumeRole returned no credentials');
      return {
        accessKeyId: Credentials.AccessKeyId,
        secretAccessKey: Credentials.SecretAccessKey,
        sessionToken: Credentials.SessionToken,
        expiration: Credentials.Expiration,
      };
    },
  });
  tenantClients.set(scope.centre, client);
  return client;
}
