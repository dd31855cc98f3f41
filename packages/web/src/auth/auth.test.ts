import { tokenLifetimes } from '@crux/api/identity-settings';
import { describe, expect, test } from 'vitest';
import { decodeClaims } from './claims';
import { s256Challenge } from './pkce';
import { refreshDelayMs, type Session } from './session';

const segment = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const token = (claims: object) => `${segment({ alg: 'RS256' })}.${segment(claims)}.signature`;

describe('PKCE', () => {
  test('S256 matches the example in RFC 7636, appendix B', async () => {
    expect(await s256Challenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });
});

describe('decodeClaims', () => {
  test('reads role and centre from the access token and the name from the ID token', () => {
    const access = token({ sub: 'u1', role: 'staff', centre: 'tromso', exp: 2_000_000_000, username: 'a.b' });
    const id = token({ sub: 'u1', name: 'Åse Ø' });
    expect(decodeClaims(access, id)).toEqual({
      sub: 'u1',
      role: 'staff',
      centre: 'tromso',
      exp: 2_000_000_000,
      name: 'Åse Ø',
    });
    expect(decodeClaims(access)?.name).toBe('a.b');
  });

  test('a token without a known role, a subject or an expiry gives no session', () => {
    expect(decodeClaims(token({ sub: 'u', role: 'superuser', exp: 1 }))).toBeNull();
    expect(decodeClaims(token({ role: 'staff', exp: 1 }))).toBeNull();
    expect(decodeClaims(token({ sub: 'u', role: 'staff' }))).toBeNull();
    expect(decodeClaims('not-a-token')).toBeNull();
  });
});

describe('refreshDelayMs', () => {
  const at = (exp: number) => ({ accessToken: 'token', claims: { exp } }) as unknown as Session;
  const now = 1_000_000_000;

  test('renews a 15-minute token 40 s before it ends: 10 s before the client would count it spent', () => {
    expect(refreshDelayMs(at(now / 1000 + tokenLifetimes.accessTokenSeconds), now)).toBe(
      (tokenLifetimes.accessTokenSeconds - 40) * 1000,
    );
  });

  test('a token already spent is renewed a second from now, never in a tight loop', () => {
    expect(refreshDelayMs(at(now / 1000 - 5), now)).toBe(1000);
  });
});
