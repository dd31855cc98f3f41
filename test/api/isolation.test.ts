import { randomUUID } from 'node:crypto';
import { type Route, routes } from '@crux/api/routes';
import { type Role, roles } from '@crux/domain/roles';
import { beforeAll, describe, expect, it } from 'vitest';
import { uniqueCentreId } from '../setup/dynamo';
import { type Call, call, claimsFor } from './call';
import { createParticipant, participantBody, visitBody } from './fixtures';
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

/** A valid request on `route` aimed at `centre`, with whatever records it needs created first. */
async function requestFor(route: Route, centre: string): Promise<Omit<Call, 'claims'>> {
  const fill = async (path: string): Promise<string> => {
    let filled = path.replace('{centreId}', centre).replace('{year}', YEAR);
    if (filled.includes('{participantId}'))
      filled = filled.replace('{participantId}', (await createParticipant(centre)).id);
    return filled;
  };
  const path = await fill(route.path);
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
    case 'POST /api/admin/centres':
      return { method: 'POST', path, body: { id: uniqueCentreId('new'), name: 'CRUX Test', town: 'Testby' } };
    default:
      return { method: route.method, path };
  }
}

const isCentreRoute = (route: Route) => route.fn === 'centre';

/** Someone the route is meant for, at the centre the request is aimed at. */
function allowedClaims(route: Route, centre: string) {
  const role = route.roles[0] as Role;
  return claimsFor(role, isCentreRoute(route) ? centre : undefined);
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
  if (route.fn !== 'admin') return centrePartition(centre);
  const id = (request.body as { id: string }).id;
  return (await partition('CENTRES')).filter((item) => item.SK === id);
}

describe('tenant isolation matrix', () => {
  it('covers every route', () => {
    expect(new Set(cases.map((c) => `${c.route.method} ${c.route.path}`)).size).toBe(routes.length);
  });

  it.each(cases)('$route.method $route.path as $role ($home centre)', async ({ route, role, home }) => {
    const callerCentre = home === 'own' ? own : home === 'foreign' ? foreign : undefined;
    const claims = claimsFor(role, callerCentre);
    const request = await requestFor(route, own);
    const outcome = expected(route, role, callerCentre, own);

    if (outcome === 'allowed') {
      const answer = await call({ ...request, claims });
      expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(300);
      return;
    }

    const before = route.write ? await snapshot(route, own, request) : undefined;
    const refused = await call({ ...request, claims, idempotencyKey: randomUUID() });
    expect(refused.status).toBe(outcome);
    expect(refused.body.error.code).toBe(outcome === 403 ? 'forbidden' : 'not_found');
    expect(JSON.stringify(refused.body)).not.toMatch(/displayName|birthYear|participants"/);
    if (route.write) expect(await snapshot(route, own, request)).toEqual(before);

    const allowed = await call({ ...request, claims: allowedClaims(route, own) });
    expect(allowed.status, JSON.stringify(allowed.body)).toBeLessThan(300);
  });
});

describe('tokens the authorizer lets through but the function must refuse', () => {
  const path = () => `/api/centres/${own}/participants`;
  const bad: [string, Record<string, string>][] = [
    ['an ID token', { ...claimsFor('staff', 'x'), token_use: 'id' }],
    [
      'no token_use',
      Object.fromEntries(Object.entries(claimsFor('staff', 'x')).filter(([k]) => k !== 'token_use')),
    ],
    ['an unknown role', { ...claimsFor('staff', 'x'), role: 'superuser' }],
    ['a centre role without a centre', claimsFor('staff')],
    ['a malformed centre', { ...claimsFor('staff', 'x'), centre: `C#${'x'}` }],
    ['a head-office token that names a centre', claimsFor('headoffice', 'x')],
  ];
  it.each(bad)('refuses %s with 401', async (_name, claims) => {
    const fixed = { ...claims, ...(claims.centre === 'x' ? { centre: own } : {}) };
    const answer = await call({ method: 'GET', path: path(), claims: fixed });
    expect(answer.status).toBe(401);
    const good = await call({ method: 'GET', path: path(), claims: claimsFor('staff', own) });
    expect(good.status).toBe(200);
  });

  it('refuses a request with no claims at all', async () => {
    expect((await call({ method: 'GET', path: path(), claims: undefined })).status).toBe(401);
  });
});
