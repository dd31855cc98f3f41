import { refusal } from '@crux/functions/pre-token/handler';
import { escapeHtml } from '@crux/local/idp/pages';
import { authorizeWithPassword, signInWithPassword } from '@crux/local/idp/sign-in-flow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from './harness';

/**
 * A staff account whose centre is not in the registry is refused at sign-in by the local identity
 * provider, as Cognito's pre-token trigger refuses it in AWS: only Øvre Eiker is registered here, so
 * Tromsø's staff, whose accounts are otherwise as good, get no token.
 */
let t: TestRuntime;

beforeAll(async () => {
  t = await startTestRuntime({ seedDemo: false, registeredCentres: ['ovre-eiker'] });
});
afterAll(async () => {
  await t?.runtime.stop();
});

async function signInPage(
  username: string,
): Promise<{ status: number; html: string; location: string | null }> {
  const authorize = new URL(`${t.runtime.issuer}/authorize`);
  authorize.search = new URLSearchParams({
    response_type: 'code',
    client_id: t.runtime.clientId,
    redirect_uri: t.runtime.redirectUri,
    scope: 'openid',
    code_challenge: 'x'.repeat(43),
    code_challenge_method: 'S256',
  }).toString();
  const html = await (await fetch(authorize)).text();
  const interaction = /name="interaction" value="([^"]+)"/.exec(html)?.[1] ?? '';
  const answer = await fetch(`${t.runtime.issuer}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ interaction, username, password: t.runtime.demoPassword }),
  });
  return { status: answer.status, html: await answer.text(), location: answer.headers.get('location') };
}

describe('sign-in with a centre that is not in the registry', () => {
  it('is refused on the sign-in page with the trigger’s text, and no code is issued', async () => {
    for (const username of ['ansatt.tromso', 'leder.tromso', 'frivillig.tromso']) {
      const answer = await signInPage(username);
      expect(answer.status, username).toBe(403);
      expect(answer.location, username).toBeNull();
      expect(answer.html, username).toContain(escapeHtml(refusal.centre));
      await expect(authorizeWithPassword(t.client, username, t.runtime.demoCredentials)).rejects.toThrow(
        'answered 403',
      );
    }
  });

  it('while the same kind of account at a registered centre signs in and reads its own centre', async () => {
    const answer = await signInPage('ansatt.ovre-eiker');
    // Past the password, on to the TOTP code.
    expect(answer.status).toBe(200);
    expect(answer.html).toContain('name="code"');
    const { accessToken } = await signInWithPassword(
      t.client,
      'ansatt.ovre-eiker',
      t.runtime.demoCredentials,
    );
    const read = await t.call('GET', '/api/centres/ovre-eiker/participants', { token: accessToken });
    expect(read.status).toBe(200);
  });

  it('does not concern roles above the centres', async () => {
    for (const username of ['hovedkontor', 'erfaringsnettverket', 'admin']) {
      expect((await signInPage(username)).html, username).toContain('name="code"');
    }
  });
});
