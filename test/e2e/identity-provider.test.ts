import { request } from 'node:http';
import { tokenLifetimes } from '@crux/api/identity-settings';
import { authorizeWithPassword, exchangeCode, newPkce, nextTotpCode } from '@crux/local/idp/sign-in-flow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from './harness';

/** The local identity provider through HTTP, the way a browser and the web client use it. */
let t: TestRuntime;

beforeAll(async () => {
  t = await startTestRuntime({ seedDemo: false });
});
afterAll(async () => {
  await t?.runtime.stop();
});

function authorizeUrl(params: Record<string, string | undefined>): string {
  const { challenge } = newPkce();
  const defaults: Record<string, string> = {
    response_type: 'code',
    client_id: t.runtime.clientId,
    redirect_uri: t.runtime.redirectUri,
    scope: 'openid',
    state: 'st4te',
    code_challenge: challenge,
    code_challenge_method: 'S256',
  };
  const merged = { ...defaults, ...params };
  const query = new URLSearchParams(
    Object.entries(merged).filter((e): e is [string, string] => e[1] !== undefined),
  );
  return `${t.runtime.issuer}/authorize?${query}`;
}

const get = (url: string, headers: Record<string, string> = {}) =>
  fetch(url, { redirect: 'manual', headers });

async function startSignIn(params: Record<string, string | undefined> = {}) {
  const page = await get(authorizeUrl(params));
  const html = await page.text();
  const interaction = /name="interaction" value="([^"]+)"/.exec(html)?.[1] ?? '';
  return { page, html, interaction };
}

function postLogin(fields: Record<string, string>, headers: Record<string, string> = {}) {
  return fetch(`${t.runtime.issuer}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields),
  });
}

describe('discovery', () => {
  it('names the endpoints the web client needs, S256 only', async () => {
    const doc = await (await fetch(`${t.runtime.issuer}/.well-known/openid-configuration`)).json();
    expect(doc).toMatchObject({
      issuer: t.runtime.issuer,
      authorization_endpoint: `${t.runtime.issuer}/authorize`,
      token_endpoint: `${t.runtime.issuer}/token`,
      jwks_uri: `${t.runtime.issuer}/jwks.json`,
      end_session_endpoint: `${t.runtime.issuer}/logout`,
      revocation_endpoint: `${t.runtime.issuer}/revoke`,
      code_challenge_methods_supported: ['S256'],
      id_token_signing_alg_values_supported: ['RS256'],
    });
    const config = await (await fetch(`${t.runtime.url}/config.json`)).json();
    expect(config).toEqual({
      authority: t.runtime.issuer,
      clientId: t.runtime.clientId,
      apiBase: '',
      logoutUrl: `${t.runtime.issuer}/logout`,
    });
  });
});

describe('PKCE', () => {
  it('a wrong verifier fails, and burns the code', async () => {
    const { code, verifier } = await authorizeWithPassword(
      t.client,
      'ansatt.tromso',
      t.runtime.demoCredentials,
    );
    const wrong = await exchangeCode(t.client, code, newPkce().verifier);
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ error: 'invalid_grant' });
    expect((await exchangeCode(t.client, code, verifier)).status).toBe(400);
  });

  it('the right verifier works, once', async () => {
    const { code, verifier } = await authorizeWithPassword(
      t.client,
      'ansatt.tromso',
      t.runtime.demoCredentials,
    );
    const right = await exchangeCode(t.client, code, verifier);
    expect(right.status).toBe(200);
    const tokens = await right.json();
    expect(tokens).toMatchObject({
      token_type: 'Bearer',
      expires_in: tokenLifetimes.accessTokenSeconds,
    });
    const refresh = () =>
      fetch(`${t.runtime.issuer}/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'refresh_token',
          refresh_token: tokens.refresh_token,
          client_id: t.runtime.clientId,
        }),
      });
    expect((await refresh()).status).toBe(200);
    expect((await exchangeCode(t.client, code, verifier)).status).toBe(400);
    // A reused code is a stolen one (RFC 6749, 4.1.2): the first exchange's refresh token stops working.
    expect((await refresh()).status).toBe(400);
  });

  it('a code is refused for another redirect_uri', async () => {
    const { code, verifier } = await authorizeWithPassword(
      t.client,
      'ansatt.tromso',
      t.runtime.demoCredentials,
    );
    const other = await exchangeCode(
      { ...t.client, redirectUri: `${t.runtime.url}/elsewhere` },
      code,
      verifier,
    );
    expect(other.status).toBe(400);
  });

  it('authorize without S256 sends the client an error and never a sign-in form', async () => {
    for (const params of [
      { code_challenge: undefined },
      { code_challenge_method: 'plain' },
      { code_challenge_method: undefined },
    ]) {
      const answer = await get(authorizeUrl(params));
      expect(answer.status).toBe(302);
      const back = new URL(answer.headers.get('location') ?? '');
      expect(`${back.origin}${back.pathname}`).toBe(t.runtime.redirectUri);
      expect(back.searchParams.get('error')).toBe('invalid_request');
      expect(back.searchParams.get('state')).toBe('st4te');
    }
    const implicit = await get(authorizeUrl({ response_type: 'token' }));
    expect(new URL(implicit.headers.get('location') ?? '').searchParams.get('error')).toBe(
      'unsupported_response_type',
    );
  });

  it('an unknown client or an unregistered redirect_uri gets an error page, not a redirect', async () => {
    for (const params of [{ client_id: 'someone-else' }, { redirect_uri: 'https://evil.example/callback' }]) {
      const answer = await get(authorizeUrl(params));
      expect(answer.status).toBe(400);
      expect(answer.headers.get('location')).toBeNull();
      expect(await answer.text()).toContain('<html lang="nb">');
    }
  });
});

describe('the sign-in page', () => {
  it('is in Norwegian bokmål by default and in English with lang=en, the parameter Cognito reads', async () => {
    const nb = await startSignIn();
    expect(nb.page.status).toBe(200);
    expect(nb.html).toContain('<html lang="nb">');
    expect(nb.html).toContain('<label for="username">Brukernavn</label>');
    expect(nb.html).toContain('lang="en" hreflang="en">English</a>');
    expect(nb.html).toContain('&#38;lang=en&#38;');
    const en = await startSignIn({ lang: 'en' });
    expect(en.html).toContain('<html lang="en">');
    expect(en.html).toContain('<label for="password">Password</label>');
    // Cognito's managed login ignores OpenID Connect's ui_locales; so does this provider.
    expect((await startSignIn({ ui_locales: 'en' })).html).toContain('<html lang="nb">');
  });

  it('is sent with a CSP that allows no script and no framing', async () => {
    const { page } = await startSignIn();
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('script-src');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers.get('cache-control')).toBe('no-store');
  });

  it('names each empty field in an error summary that links to it', async () => {
    const { interaction } = await startSignIn();
    const answer = await postLogin({ interaction, username: '', password: '' });
    expect(answer.status).toBe(400);
    const html = await answer.text();
    expect(html).toContain('role="alert"');
    expect(html).toContain('<a href="#username">Skriv inn brukernavnet ditt.</a>');
    expect(html).toContain('<a href="#password">Skriv inn passordet ditt.</a>');
    expect(html).toContain('aria-describedby="username-error" aria-invalid="true"');
  });

  it('says the same for a wrong password and an unknown user, keeps the username, and escapes it', async () => {
    const { interaction } = await startSignIn({ lang: 'en' });
    const wrong = await postLogin({ interaction, username: 'ansatt.tromso', password: 'wrong' });
    expect(wrong.status).toBe(401);
    const wrongHtml = await wrong.text();
    expect(wrongHtml).toContain('The username or password is wrong.');
    expect(wrongHtml).toContain('value="ansatt.tromso"');
    const unknown = await postLogin({ interaction, username: '<b>x</b>', password: 'wrong' });
    const unknownHtml = await unknown.text();
    expect(unknownHtml).toContain('The username or password is wrong.');
    expect(unknownHtml).toContain('value="&#60;b&#62;x&#60;/b&#62;"');
  });

  it('holds a user back after five wrong passwords, even with the right one', async () => {
    const { interaction } = await startSignIn();
    for (let i = 0; i < 5; i++) {
      expect(
        (await postLogin({ interaction, username: 'frivillig.tromso', password: `wrong-${i}` })).status,
      ).toBe(401);
    }
    const held = await postLogin({
      interaction,
      username: 'frivillig.tromso',
      password: t.runtime.demoPassword,
    });
    expect(held.status).toBe(429);
  });

  it('refuses a form posted from another origin, and an unknown interaction', async () => {
    const { interaction } = await startSignIn();
    const foreign = await postLogin(
      { interaction, username: 'ansatt.tromso', password: t.runtime.demoPassword },
      { origin: 'https://evil.example' },
    );
    expect(foreign.status).toBe(403);
    const stale = await postLogin({
      interaction: 'made-up',
      username: 'ansatt.tromso',
      password: t.runtime.demoPassword,
    });
    expect(stale.status).toBe(400);
  });
});

describe('session, refresh and logout', () => {
  it('keeps a session for the next authorize and refreshes tokens; logout ends the session, revocation the refresh token', async () => {
    const { interaction } = await startSignIn();
    const password = await postLogin({
      interaction,
      username: 'leder.tromso',
      password: t.runtime.demoPassword,
    });
    expect(password.status).toBe(200);
    expect(await password.text()).toContain('name="code"');
    const code = await nextTotpCode(t.runtime.url, 'leder.tromso', t.runtime.demoTotpSecret);
    const login = await postLogin({ interaction, code });
    expect(login.status).toBe(302);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect(login.headers.get('set-cookie')).toMatch(
      new RegExp(`HttpOnly; SameSite=Lax; Max-Age=${tokenLifetimes.signInSessionSeconds}$`),
    );

    // Signed in already: authorize answers with a code at once, as Cognito's managed login does.
    const { verifier, challenge } = newPkce();
    const again = await get(authorizeUrl({ code_challenge: challenge, prompt: 'none' }), { cookie });
    const grant = new URL(again.headers.get('location') ?? '').searchParams.get('code') ?? '';
    const tokens = await (await exchangeCode(t.client, grant, verifier)).json();
    expect(tokens.refresh_token).toEqual(expect.any(String));

    const form = (path: string, fields: Record<string, string>) =>
      fetch(`${t.runtime.issuer}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ client_id: t.runtime.clientId, ...fields }),
      });
    const refresh = (token: string) => form('/token', { grant_type: 'refresh_token', refresh_token: token });
    const refreshed = await refresh(tokens.refresh_token);
    expect(refreshed.status).toBe(200);
    expect((await refreshed.json()).access_token).toEqual(expect.any(String));

    // Cognito's form: client_id and logout_uri.
    const logout = await get(
      `${t.runtime.issuer}/logout?${new URLSearchParams({ client_id: t.runtime.clientId, logout_uri: `${t.runtime.url}/` })}`,
      { cookie },
    );
    expect(logout.status).toBe(302);
    expect(logout.headers.get('location')).toBe(`${t.runtime.url}/`);
    expect(logout.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    const after = await get(authorizeUrl({ prompt: 'none' }), { cookie });
    expect(new URL(after.headers.get('location') ?? '').searchParams.get('error')).toBe('login_required');

    // As Cognito's /logout, it ends the session, not the refresh token: the client revokes that.
    expect((await refresh(tokens.refresh_token)).status).toBe(200);
    expect((await form('/revoke', { token: tokens.refresh_token })).status).toBe(200);
    const revoked = await refresh(tokens.refresh_token);
    expect(revoked.status).toBe(400);
    expect(await revoked.json()).toMatchObject({ error: 'invalid_grant' });
    // RFC 7009, 2.2: a token already revoked (or never known) is answered 200 all the same.
    expect((await form('/revoke', { token: tokens.refresh_token })).status).toBe(200);
  });

  it('does not redirect to an unregistered address after logout', async () => {
    const answer = await get(
      `${t.runtime.issuer}/logout?${new URLSearchParams({ client_id: t.runtime.clientId, logout_uri: 'https://evil.example/' })}`,
    );
    expect(answer.status).toBe(400);
    expect(answer.headers.get('location')).toBeNull();
  });
});

describe('the runtime’s one origin', () => {
  function withHost(
    method: string,
    path: string,
    host: string,
  ): Promise<{ status: number; location?: string }> {
    const { port } = new URL(t.runtime.url);
    return new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, method, path, headers: { host } }, (res) => {
        res.resume();
        resolve({
          status: res.statusCode ?? 0,
          ...(res.headers.location ? { location: res.headers.location } : {}),
        });
      });
      req.on('error', reject);
      req.end();
    });
  }

  it('sends a browser on another host name to the canonical origin, and refuses writes there (DNS rebinding)', async () => {
    const port = new URL(t.runtime.url).port;
    expect(await withHost('GET', '/idp/jwks.json', `localhost:${port}`)).toEqual({
      status: 308,
      location: `${t.runtime.url}/idp/jwks.json`,
    });
    expect((await withHost('POST', '/_local/jobs/figures', `evil.example:${port}`)).status).toBe(421);
  });

  it('runs the job on demand only for a JSON POST, which another site cannot send without a preflight', async () => {
    const job = `${t.runtime.url}/_local/jobs/figures`;
    expect((await fetch(job)).status).toBe(405);
    expect(
      (await fetch(job, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' })).status,
    ).toBe(415);
  });
});
