import { freePort } from '@crux/local/ports';
import type { Context, PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import { expect, it } from 'vitest';
import { applyTestEnv } from '../../../test/setup/dynamo';
import { handler, refusal } from './handler';

/**
 * With the registry out of reach, the trigger refuses the sign-in with a message saying to try again,
 * quickly enough for Cognito, which waits 5 s for it. Its own process (vitest runs each file in one),
 * so that no other test's client is pointed at the closed port.
 */
it('refuses a sign-in it cannot check, within Cognito’s time, saying to try again', async () => {
  applyTestEnv();
  process.env.DYNAMODB_ENDPOINT = `http://127.0.0.1:${await freePort()}`;
  const started = Date.now();
  const attempt = handler(
    {
      version: '2',
      triggerSource: 'TokenGeneration_HostedAuth',
      request: { userAttributes: { 'custom:role': 'staff', 'custom:centre': 'tromso' } },
      response: { claimsAndScopeOverrideDetails: {} },
    } as unknown as PreTokenGenerationV2TriggerEvent,
    { functionName: 'pre-token', awsRequestId: 'test' } as Context,
  );
  await expect(attempt).rejects.toThrow(refusal.unavailable);
  expect(Date.now() - started).toBeLessThan(5_000);
});
