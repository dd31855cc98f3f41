import { randomUUID } from 'node:crypto';
import { type Route, routes, takesBody } from '@crux/api/routes';
import { unauthorized } from '@crux/domain/errors';
import { type Role, roles } from '@crux/domain/roles';
import { MINT_CLIENT_ID, MINT_ISSUER, tokenMinter } from '@crux/local/idp/access-tokens';
import { beforeAll, describe, expect, it } from 'vitest';
import { uniqueCentreId } from '../setup/dynamo';
import { type Call, call, claimsFor, functionsReady } from './call';
import { catalogueChange, createParticipant, made, participantBody, visitBody } from './fixtures';
import { registerRequestFor } from './register-fixtures';
import { centrePartition, partition } from './snapshot';

/**
 * Every route x every role x own and foreign centre. Each forbidden case is paired with the same request
 * made by someone allowed, which must succeed: a refusal only counts if the request itself was good.
 * Refused writes must leave the target partition exactly as it was.
 */
const YEAR = '2024';
let own: string;
let foreign: string;

beforeAll(() => {
  own = uniqueCentreId('own');
  foreign = uniqueCentreId('foreign');
});

/**
 * A valid request on `route` aimed at `centre`, with whatever records it needs created first; a
 * volunteer's record is linked to the account `subject`, the one every caller of the case signs in as.
 */
async function requestFor(route: Route, centre: string, subject: string): Promise<Omit<Call, 'claims'>> {
  const base = `/api/centres/${centre}`;
  let filled = route.path.replace('{centreId}', centre).replace('{year}', YEAR);
  const register = await registerRequestFor(`${route.method} ${route.path}`, filled, centre, subject);
  if (register) return register;
  let entry: { date: string; id: string } | undefined;
  if (filled.includes('{participantId}')) {
    const p = await createParticipant(centre);
    filled = filled.replace('{participantId}', p.id);
    const at = `${base}/participants/${p.id}`;
    if (filled.includes('{measureId}')) {
      const m = await made(centre, `${at}/measures`, { type: 'vto', startDate: '2024-03-01' });
      filled = filled.replace('{measureId}', m.id);
    }
    if (filled.includes('{orderId}')) {
      const o = await made(centre, `${at}/orders`, { type: 'community_sentence', startDate: '2024-03-01' });
      filled = filled.replace('{orderId}', o.id);
      if (filled.includes('{hoursId}')) {
        const logged = await made(centre, `${at}/orders/${o.id}/hours`, { date: '2024-03-04', hours: 2.5 });
        filled = filled.replace('{date}', '2024-03-04').replace('{hoursId}', logged.id);
      }
    }
  }
  if (filled.includes('{entryId}')) {
    entry = (await made(centre, `${base}/activities`, visitBody())).items[0];
    filled = filled.replace('{date}', entry?.date ?? '').replace('{entryId}', entry?.id ?? '');
  }
  const path = filled;
  switch (`${route.method} ${route.path}`) {
    case 'POST /api/centres/{centreId}/participants':
      return { method: 'POST', path, body: participantBody() };
    case 'PUT /api/centres/{centreId}/participants/{participantId}':
      return { method: 'PUT', path, body: participantBody({ displayName: 'Endret', version: 1 }) };
    case 'POST /api/centres/{centreId}/participants/{participantId}/end':
      return { method: 'POST', path, body: { endDate: '2024-12-31', outcome: 'stable_life', version: 1 } };
    case 'GET /api/centres/{centreId}/activities':
      return { method: 'GET', path, query: { from: '2024-01-01', to: '2024-12-31' } };
    case 'POST /api/centres/{centreId}/activities':
      return { method: 'POST', path, body: visitBody() };
    case 'POST /api/centres/{centreId}/participants/{participantId}/measures':
      return { method: 'POST', path, body: { type: 'nav_activity', startDate: '2024-03-01' } };
    case 'PUT /api/centres/{centreId}/participants/{participantId}/measures/{measureId}':
    case 'PUT /api/centres/{centreId}/participants/{participantId}/orders/{orderId}':
      return {
        method: 'PUT',
        path,
        body: {
          type: path.includes('/measures/') ? 'vto' : 'community_sentence',
          startDate: '2024-03-01',
          endDate: '2024-06-30',
          version: 1,
        },
      };
    case 'POST /api/centres/{centreId}/participants/{participantId}/orders':
      return { method: 'POST', path, body: { type: 'electronic_monitoring', startDate: '2024-03-01' } };
    case 'POST /api/centres/{centreId}/participants/{participantId}/orders/{orderId}/hours':
      return { method: 'POST', path, body: { date: '2024-03-05', hours: 4 } };
    case 'DELETE /api/centres/{centreId}/participants/{participantId}/orders/{orderId}/hours/{date}/{hoursId}':
      return { method: 'DELETE', path };
    case 'PUT /api/centres/{centreId}/activities/{date}/{entryId}':
      return { method: 'PUT', path, body: { kind: 'visit', count: 4, version: 1 } };
    case 'DELETE /api/centres/{centreId}/activities/{date}/{entryId}':
      return { method: 'DELETE', path, query: { version: '1' } };
    case 'PUT /api/centres/{centreId}/settings': {
      const now = await call({ method: 'GET', path, claims: claimsFor('leader', centre) });
      return {
        method: 'PUT',
        path,
        body: { todayKinds: ['visit', 'wheel_conversation'], version: now.body.version },
      };
    }
    case 'POST /api/centres/{centreId}/imports': {
      const id = randomUUID();
      return {
        method: 'POST',
        path,
        body: {
          records: [
            {
              type: 'participant',
              id,
              body: participantBody(),
              measures: [{ id: randomUUID(), type: 'vto', startDate: '2024-03-01' }],
            },
            { type: 'entry', date: '2024-03-05', kind: 'cabin_trip', count: 1, participantId: id },
          ],
        },
      };
    }
    case 'GET /api/centres/{centreId}/hours':
      return { method: 'GET', path, query: { from: '2024-01-01', to: '2024-12-31' } };
    case 'POST /api/admin/centres':
      return { method: 'POST', path, body: { id: uniqueCentreId('new'), name: 'CRUX Test', town: 'Testby' } };
    case 'POST /api/admin/catalogue/changes':
      return { method: 'POST', path, body: await catalogueChange() };
    default:
      return { method: route.method, path };
  }
}

const isCentreRoute = (route: Route) => route.audience === 'centre';

/** Someone the route is meant for, at the centre the request is aimed at, signed in as `subject`. */
function allowedClaims(route: Route, centre: string, subject: string) {
  const role = route.roles[0] as Role;
  return claimsFor(role, isCentreRoute(route) ? centre : undefined, { sub: subject });
}

function expected(
  route: Route,
  role: Role,
  callerCentre: string | undefined,
  pathCentre: string,
): 'allowed' | 403 | 404 {
  if (!(route.roles as readonly Role[]).includes(role)) return 403;
  if (isCentreRoute(route) && callerCentre !== pathCentre) return 404;
  return 'allowed';
}

const centreRoles: readonly Role[] = ['staff', 'leader', 'volunteer'];

const cases = routes.flatMap((route) =>
  roles.flatMap((role) =>
    (centreRoles.includes(role) ? (['own', 'foreign'] as const) : (['none'] as const)).map((home) => ({
      route,
      role,
      home,
    })),
  ),
);

/**
 * What a refused write could have written. The registry is shared with tests running alongside, so
 * for the admin routes only the centre the request names is looked at.
 */
async function snapshot(route: Route, centre: string, request: Omit<Call, 'claims'>) {
  if (route.path.includes('/catalogue')) return partition('CATALOGUE');
  if (route.audience !== 'admin') return centrePartition(centre);
  const id = (request.body as { id: string }).id;
  return (await partition('CENTRES')).filter((item) => item.SK === id);
}

describe('tenant isolation matrix', () => {
  it('covers every route', () => {
    expect(new Set(cases.map((c) => `${c.route.method} ${c.route.path}`)).size).toBe(routes.length);
  });

  it.each(cases)('$route.method $route.path as $role ($home centre)', async ({ route, role, home }) => {
    const callerCentre = home === 'own' ? own : home === 'foreign' ? foreign : undefined;
    const subject = `account-${randomUUID()}`;
    const claims = claimsFor(role, callerCentre, { sub: subject });
    const request = await requestFor(route, own, subject);
    const outcome = expected(route, role, callerCentre, own);

    if (outcome === 'allowed') {
      const answer = await call({ ...request, claims });
      expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(300);
      return;
    }

    const before = takesBody(route) ? await snapshot(route, own, request) : undefined;
    const refused = await call({ ...request, claims, idempotencyKey: randomUUID() });
    expect(refused.status).toBe(outcome);
    expect(refused.body.error.code).toBe(outcome === 403 ? 'forbidden' : 'not_found');
    expect(JSON.stringify(refused.body)).not.toMatch(/displayName|birthYear|participants"/);
    if (takesBody(route)) expect(await snapshot(route, own, request)).toEqual(before);

    const allowed = await call({ ...request, claims: allowedClaims(route, own, subject) });
    expect(allowed.status, JSON.stringify(allowed.body)).toBeLessThan(300);
  });
});

describe('tokens the function must refuse, every one with the same 401', () => {
  const path = () => `/api/centres/${own}/participants`;
  const staff = () => claimsFor('staff', own);
  const bad: [string, () => Promise<Partial<Call>>][] = [
    ['an ID token', async () => ({ claims: { ...staff(), token_use: 'id' } })],
    ['no token_use', async () => ({ claims: { ...staff(), token_use: undefined } })],
    ['another client', async () => ({ claims: { ...staff(), client_id: 'someone-else' } })],
    ['no openid scope', async () => ({ claims: { ...staff(), scope: 'profile' } })],
    ['an unknown role', async () => ({ claims: { ...staff(), role: 'superuser' } })],
    ['a centre role without a centre', async () => ({ claims: claimsFor('staff') })],
    ['a malformed centre', async () => ({ claims: { ...staff(), centre: 'C#x' } })],
    ['a head-office token that names a centre', async () => ({ claims: claimsFor('headoffice', own) })],
    ['an expired token', async () => ({ claims: { ...staff(), exp: Math.floor(Date.now() / 1000) - 60 } })],
    ['a token of another issuer', async () => ({ claims: { ...staff(), iss: 'https://evil.example/idp' } })],
    [
      'a signature of another key',
      async () => ({ token: await (await tokenMinter({ fresh: true })).accessToken(staff()) }),
    ],
    ['an unsigned token (alg none)', async () => ({ token: unsigned(staff()) })],
    ['a tampered payload', async () => ({ token: await tampered() })],
    ['no token at all', async () => ({ claims: undefined })],
  ];
  it.each(bad)('refuses %s', async (_name, make) => {
    const answer = await call({ method: 'GET', path: path(), claims: undefined, ...(await make()) });
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({ error: unauthorized() });
    const good = await call({ method: 'GET', path: path(), claims: staff() });
    expect(good.status).toBe(200);
  });

  function unsigned(claims: Record<string, unknown>): string {
    const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const exp = Math.floor(Date.now() / 1000) + 600;
    return `${part({ alg: 'none' })}.${part({ ...claims, token_use: 'access', client_id: MINT_CLIENT_ID, iss: MINT_ISSUER, scope: 'openid', exp })}.`;
  }

  /** A real token whose payload is then edited: the role becomes leader, the signature stays. */
  async function tampered(): Promise<string> {
    const token = await (await functionsReady()).accessToken(staff());
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    return `${header}.${Buffer.from(JSON.stringify({ ...claims, role: 'leader' })).toString('base64url')}.${signature}`;
  }
});
