import { randomUUID } from 'node:crypto';
import { audiences, isTokenless } from '@crux/api/audiences';
import { type Route, routes, takesBody } from '@crux/api/routes';
import { unauthorized } from '@crux/domain/errors';
import { isCentreRole, PARTICIPANT_ROLE, type Role, roles } from '@crux/domain/roles';
import { MINT_CLIENT_ID, MINT_ISSUER, tokenMinter } from '@crux/local/idp/access-tokens';
import { beforeAll, describe, expect, it } from 'vitest';
import { uniqueCentreId } from '../setup/dynamo';
import { type Call, call, claimsFor, functionsReady } from './call';
import {
  catalogueChange,
  conversationBody,
  createParticipant,
  made,
  openParticipantSignIn,
  ownPlanBody,
  participantBody,
  participantClaims,
  planBody,
  visitBody,
} from './fixtures';
import { registerRequestFor } from './register-fixtures';
import { centrePartition, partition, poolOf, poolWith } from './snapshot';
import {
  answerPath,
  closeOpenRounds,
  closeRound,
  ensurePublished,
  makeCodes,
  openRound,
} from './survey-fixtures';

/**
 * Every route x every role x own and foreign centre; a participant also as another participant of the
 * same centre, whose plan is as foreign to them as another centre. Each forbidden case is paired with the
 * same request made by someone allowed, which must succeed: a refusal only counts if the request itself
 * was good. Refused writes must leave the target partition exactly as it was.
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
  if (filled.includes('{stepId}')) {
    const at = filled.slice(0, filled.indexOf('/plan'));
    const body = planBody();
    const written = await call({
      method: 'PUT',
      path: `${at}/plan`,
      claims: claimsFor('staff', centre),
      body,
    });
    if (written.status !== 200) throw new Error(JSON.stringify(written.body));
    filled = filled.replace('{stepId}', body.steps[0]?.id ?? '');
  }
  if (filled.includes('{conversationId}')) {
    const at = filled.slice(0, filled.indexOf('/conversations'));
    const { conversation } = await made(centre, `${at}/conversations`, conversationBody());
    filled = filled.replace('{date}', conversation.date).replace('{conversationId}', conversation.id);
  }
  if (filled.includes('{accountId}')) {
    // A participant's account: the one kind both staff and the leader deactivate and reactivate.
    await openParticipantSignIn(centre);
    const p = await createParticipant(centre);
    const account = await made(centre, `${base}/participants/${p.id}/account`, { email: newEmail() });
    filled = filled.replace('{accountId}', account.id);
  }
  if (filled.includes('{entryId}')) {
    entry = (await made(centre, `${base}/activities`, visitBody())).items[0];
    filled = filled.replace('{date}', entry?.date ?? '').replace('{entryId}', entry?.id ?? '');
  }
  if (filled.includes('{roundId}')) {
    const round = await openRound(centre);
    if (filled.endsWith('/texts')) await closeRound(centre, round.id);
    filled = filled.replace('{roundId}', round.id);
  }
  const path = filled;
  const survey = await surveyRequest(route, centre, path);
  if (survey) return survey;
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
        body: { todayKinds: ['visit', 'contact_point'], version: now.body.version },
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
    case 'GET /api/centres/{centreId}/access-log':
      return { method: 'GET', path, query: { from: '2024-01-01', to: '2024-12-31' } };
    case 'POST /api/centres/{centreId}/participants/{participantId}/erasure':
      return { method: 'POST', path, body: { version: 1 } };
    case 'PUT /api/centres/{centreId}/participants/{participantId}/plan':
      return { method: 'PUT', path, body: planBody() };
    case 'PUT /api/centres/{centreId}/participants/{participantId}/plan/own':
      await openParticipantSignIn(centre);
      return { method: 'PUT', path, body: ownPlanBody() };
    case 'PUT /api/centres/{centreId}/participants/{participantId}/plan/steps/{stepId}':
      await openParticipantSignIn(centre);
      return { method: 'PUT', path, body: { version: 1, done: '2024-03-05' } };
    case 'POST /api/centres/{centreId}/participants/{participantId}/conversations':
      return { method: 'POST', path, body: conversationBody() };
    case 'PUT /api/centres/{centreId}/participants/{participantId}/conversations/{date}/{conversationId}': {
      const { date: _date, planVersion: _plan, ...body } = conversationBody();
      return { method: 'PUT', path, body: { ...body, version: 1, notes: 'Rettet.' } };
    }
    case 'DELETE /api/centres/{centreId}/participants/{participantId}/conversations/{date}/{conversationId}':
      return { method: 'DELETE', path, query: { version: '1' } };
    case 'POST /api/admin/centres':
      return { method: 'POST', path, body: { id: uniqueCentreId('new'), name: 'CRUX Test', town: 'Testby' } };
    case 'POST /api/centres/{centreId}/accounts':
      return { method: 'POST', path, body: accountBody() };
    case 'POST /api/centres/{centreId}/participants/{participantId}/account':
      await openParticipantSignIn(centre);
      return { method: 'POST', path, body: { email: newEmail() } };
    case 'POST /api/centres/{centreId}/accounts/{accountId}/deactivate':
    case 'POST /api/centres/{centreId}/accounts/{accountId}/reactivate':
      return { method: 'POST', path, body: {} };
    case 'POST /api/admin/onboardings':
      return {
        method: 'POST',
        path,
        body: {
          centre: { id: uniqueCentreId('onb'), name: 'CRUX Nordby', town: 'Nordby' },
          leader: { email: `leder.${randomUUID().slice(0, 8)}@eksempel.no`, name: 'Lene Leder' },
        },
      };
    case 'POST /api/admin/catalogue/changes':
      return { method: 'POST', path, body: await catalogueChange() };
    default:
      return { method: route.method, path };
  }
}

const newEmail = () => `ny.${randomUUID().slice(0, 8)}@eksempel.no`;
/** A staff account the leader could make: a fresh e-mail each time. */
const accountBody = () => ({
  email: newEmail(),
  name: 'Kari Ansatt',
  role: 'staff',
});
/** A valid request on a survey route (other than the answer routes, see below), or undefined. */
async function surveyRequest(route: Route, centre: string, path: string) {
  const questionnaire = async () =>
    (
      await call({
        method: 'GET',
        path: '/api/headoffice/survey/questionnaire',
        claims: claimsFor('headoffice'),
      })
    ).body.draft;
  switch (`${route.method} ${route.path}`) {
    case 'PUT /api/headoffice/survey/questionnaire/draft': {
      const { revision, questionnaire: q } = await questionnaire();
      return { method: 'PUT' as const, path, body: { revision, questionnaire: q } };
    }
    case 'POST /api/headoffice/survey/questionnaire/publish': {
      await ensurePublished();
      const { version, revision, questionnaire: q } = await questionnaire();
      return { method: 'POST' as const, path, body: { version, revision, questionnaire: q } };
    }
    case 'POST /api/network/survey/questionnaire/comments':
      return {
        method: 'POST' as const,
        path,
        body: { version: (await questionnaire()).version, text: 'Fint.' },
      };
    case 'POST /api/centres/{centreId}/survey/rounds': {
      const { version } = await ensurePublished();
      await closeOpenRounds(centre);
      return { method: 'POST' as const, path, body: { year: 2024, version } };
    }
    case 'POST /api/centres/{centreId}/survey/rounds/{roundId}/codes':
      return { method: 'POST' as const, path, body: { count: 2 } };
    case 'POST /api/centres/{centreId}/survey/rounds/{roundId}/close':
      return { method: 'POST' as const, path, body: { year: 2024 } };
    default:
      return undefined;
  }
}

/** Routes bound to the caller's own centre (the centre and accounts audiences). */
const isCentreRoute = (route: Route) => audiences[route.audience].scoped;

/** The participant a path names, if any. */
const participantOf = (path: string) => /\/participants\/([0-9a-f-]{36})/.exec(path)?.[1];

/**
 * Someone the route is meant for, at the centre the request is aimed at (the participant of its path),
 * signed in as `subject`.
 */
function allowedClaims(route: Route, centre: string, path: string, subject: string) {
  const role = route.roles[0] as Role;
  if (role === PARTICIPANT_ROLE) return participantClaims(centre, participantOf(path) ?? '');
  return claimsFor(role, isCentreRoute(route) ? centre : undefined, { sub: subject });
}

/** Where the caller is at home: their centre, and for a participant whose plan is theirs. */
type Home = 'own' | 'foreign' | 'none' | 'other participant';

async function callerClaims(role: Role, home: Home, path: string, subject: string) {
  if (role !== PARTICIPANT_ROLE)
    return claimsFor(role, home === 'own' ? own : home === 'foreign' ? foreign : undefined, { sub: subject });
  if (home === 'foreign') return participantClaims(foreign, randomUUID());
  const participant = home === 'own' ? participantOf(path) : undefined;
  return participantClaims(own, participant ?? (await createParticipant(own)).id);
}

function expected(route: Route, role: Role, home: Home, path: string): 'allowed' | 403 | 404 {
  if (!(route.roles as readonly Role[]).includes(role)) return 403;
  if (isCentreRoute(route) && home !== 'own' && home !== 'other participant') return 404;
  if (isCentreRoute(route) && role === PARTICIPANT_ROLE && (home !== 'own' || !participantOf(path)))
    return 404;
  return 'allowed';
}

const homesOf = (role: Role): readonly Home[] =>
  role === PARTICIPANT_ROLE
    ? ['own', 'other participant', 'foreign']
    : isCentreRole(role)
      ? ['own', 'foreign']
      : ['none'];

const tokenless = (route: Route) => isTokenless(route.audience);

const cases = routes
  .filter((route) => !tokenless(route))
  .flatMap((route) => roles.flatMap((role) => homesOf(role).map((home) => ({ route, role, home }))));

/**
 * What a refused write could have written. The registry is shared with tests running alongside, so
 * for the admin routes only the centre the request names is looked at.
 */
async function snapshot(route: Route, centre: string, request: Omit<Call, 'claims'>) {
  if (route.path.includes('/survey/questionnaire')) return partition('SURVEY');
  if (route.path.includes('/survey/rounds')) return partition(`C#${centre}#SURVEY`);
  if (route.path.includes('/catalogue')) return partition('CATALOGUE');
  // The accounts routes write to the user pool: the centre's accounts are what a refusal must leave alone.
  if (route.audience === 'accounts') return poolOf(centre);
  if (route.audience !== 'admin') return centrePartition(centre);
  if (route.path === '/api/admin/onboardings') {
    const { centre: c, leader } = request.body as { centre: { id: string }; leader: { email: string } };
    const registered = (await partition('CENTRES')).filter((item) => item.SK === c.id);
    return [...registered, ...(await poolWith(leader.email))];
  }
  const id = (request.body as { id: string }).id;
  return (await partition('CENTRES')).filter((item) => item.SK === id);
}

describe('tenant isolation matrix', () => {
  it('covers every route', () => {
    const covered = [...cases.map((c) => c.route), ...routes.filter(tokenless)];
    expect(new Set(covered.map((r) => `${r.method} ${r.path}`)).size).toBe(routes.length);
  });

  // Titled in full (it.each cuts a long path short), so one route's cases can be run by name.
  for (const { route, role, home } of cases)
    it(`${route.method} ${route.path} as ${role} (${home})`, async () => {
      const subject = `account-${randomUUID()}`;
      const request = await requestFor(route, own, subject);
      const claims = await callerClaims(role, home, request.path, subject);
      const outcome = expected(route, role, home, request.path);

      if (outcome === 'allowed') {
        const answer = await call({ ...request, claims });
        expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(300);
        return;
      }

      const before = takesBody(route) ? await snapshot(route, own, request) : undefined;
      const refused = await call({ ...request, claims, idempotencyKey: randomUUID() });
      expect(refused.status).toBe(outcome);
      expect(refused.body.error.code).toBe(outcome === 403 ? 'forbidden' : 'not_found');
      expect(JSON.stringify(refused.body)).not.toMatch(
        /displayName|birthYear|participants"|goals|positions|@/,
      );
      if (takesBody(route)) expect(await snapshot(route, own, request)).toEqual(before);

      const allowed = await call({ ...request, claims: allowedClaims(route, own, request.path, subject) });
      expect(allowed.status, JSON.stringify(allowed.body)).toBeLessThan(300);
    });
});

/**
 * The survey's answer routes take no token: what binds a request is the centre its path names and, for
 * an answer, a one-time code of that centre's round. Aimed at another centre, the same request (Øvre
 * Eiker's round and code at the foreign centre's path, with or without anyone's token) finds nothing
 * and writes nothing; paired with the same request at its own centre, which succeeds.
 */
describe('tokenless answer routes: bound to the centre the path names', () => {
  async function answerRequest(route: Route, centre: string): Promise<Omit<Call, 'claims'>> {
    const round = await openRound(centre);
    if (route.method === 'GET') return { method: 'GET', path: route.path.replace('{centreId}', centre) };
    const [code] = await makeCodes(centre, round.id, 1);
    return {
      method: 'POST',
      path: answerPath(centre, round.id),
      body: { code, version: round.version, answers: { welcome: 'great' } },
      idempotencyKey: null,
    };
  }
  const tokenlessCases = routes
    .filter(tokenless)
    .flatMap((route) => [undefined, ...roles].map((role) => ({ route, role })));

  it.each(tokenlessCases)(
    '$route.method $route.path aimed at a foreign centre, token of $role',
    async ({ route, role }) => {
      const request = await answerRequest(route, own);
      const claims = role ? claimsFor(role, isCentreRole(role) ? foreign : undefined) : undefined;
      const before = [await partition(`C#${own}#SURVEY`), await partition(`C#${foreign}#SURVEY`)];
      const aimed = {
        ...request,
        path: request.path.replace(`/api/answer/${own}`, `/api/answer/${foreign}`),
      };
      const refused = await call({ ...aimed, claims });
      expect(refused.status).toBe(route.method === 'GET' ? 404 : 401);
      expect(refused.body.error.code).toBe(route.method === 'GET' ? 'not_found' : 'unauthorized');
      expect([await partition(`C#${own}#SURVEY`), await partition(`C#${foreign}#SURVEY`)]).toEqual(before);
      const allowed = await call({ ...request, claims: undefined });
      expect(allowed.status, JSON.stringify(allowed.body)).toBeLessThan(300);
    },
  );
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
