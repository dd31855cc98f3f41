import { randomBytes } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { useAccountDirectory } from '@crux/functions/accounts/directory';
import { localCredentials, localRegion } from '@crux/local/dynamodb';
import { type Invitation, localAccountDirectory } from '@crux/local/idp/account-directory';
import { createDocumentClient } from '@crux/store/client';
import { localUsersRepo } from '@crux/store/local-users-repo';
import { inject } from 'vitest';

/** A document client for the run's DynamoDB Local (started once in test/setup/global-dynamo.ts). */
export function testStore(): DynamoDBDocumentClient {
  return createDocumentClient({
    endpoint: inject('dynamoEndpoint'),
    region: localRegion,
    credentials: localCredentials,
  });
}

export function testTableName(): string {
  return inject('tableName');
}

/** The invitations the accounts functions sent in this test file (Cognito would e-mail them). */
export const testInvitations: Invitation[] = [];

/**
 * The environment the handlers read, pointed at the run's DynamoDB Local, and the local identity
 * provider's user pool there as the accounts functions' directory. Call it before importing a handler
 * module, since handlers may build their client at import time.
 */
export function applyTestEnv(): void {
  process.env.TABLE_NAME = inject('tableName');
  process.env.DYNAMODB_ENDPOINT = inject('dynamoEndpoint');
  process.env.AWS_REGION = localRegion;
  process.env.AWS_ACCESS_KEY_ID = localCredentials.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = localCredentials.secretAccessKey;
  const pool = localUsersRepo(testStore(), testTableName());
  useAccountDirectory(localAccountDirectory(pool, (invitation) => testInvitations.push(invitation)));
}

/** Tests share one table and stay apart by centre: each test gets centre ids nobody else uses. */
export function uniqueCentreId(prefix = 'test'): string {
  return `${prefix}-${randomBytes(5).toString('hex')}`;
}
