import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUser, loadOrCreateDemoPassword } from '../demo-users';
import { loadOrCreateSigningKey } from './signing-key';
import { issueTokens } from './tokens';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'crux-key-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the signing key and the demo password in the data folder', () => {
  it('survive a restart: a token issued before verifies after', async () => {
    const first = await loadOrCreateSigningKey(dir);
    const { accessToken } = await issueTokens({
      key: first,
      issuer: 'http://127.0.0.1:3000/idp',
      user: demoUser('leder.tromso'),
      clientId: 'crux-web-local',
      scope: 'openid',
      authTime: Math.floor(Date.now() / 1000),
      accessTtlSeconds: 60,
      idTtlSeconds: 60,
    });
    const second = await loadOrCreateSigningKey(dir);
    expect(second.kid).toBe(first.kid);
    const { payload } = await jwtVerify(accessToken, createLocalJWKSet({ keys: [second.publicJwk] }));
    expect(payload).toMatchObject({ role: 'leader', centre: 'tromso' });
  });

  it('are readable by their owner only, and publish no private part', async () => {
    const key = await loadOrCreateSigningKey(dir);
    expect((await stat(join(dir, 'idp-signing-key.json'))).mode & 0o077).toBe(0);
    expect(key.publicJwk).not.toHaveProperty('d');
    expect(key.publicJwk).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: key.kid });
    const password = await loadOrCreateDemoPassword(dir);
    expect(await loadOrCreateDemoPassword(dir)).toBe(password);
    expect((await stat(join(dir, 'demo-password.txt'))).mode & 0o077).toBe(0);
  });

  it('are new each time without a data folder', async () => {
    expect((await loadOrCreateSigningKey(undefined)).kid).not.toBe(
      (await loadOrCreateSigningKey(undefined)).kid,
    );
    expect(await loadOrCreateDemoPassword(undefined)).not.toBe(await loadOrCreateDemoPassword(undefined));
  });

  it('a damaged key file stops the start with what to do', async () => {
    const broken = await mkdtemp(join(tmpdir(), 'crux-key-broken-'));
    await writeFile(join(broken, 'idp-signing-key.json'), '{not json');
    await expect(loadOrCreateSigningKey(broken)).rejects.toMatchObject({
      code: 'data_dir_corrupt',
      message: expect.stringContaining('Delete that file'),
    });
    await rm(broken, { recursive: true, force: true });
  });
});
