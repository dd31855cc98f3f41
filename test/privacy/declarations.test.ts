import { routeSchemas, schemasOf } from '@crux/api/route-schemas';
import { type RouteDef, routes } from '@crux/api/routes';
import type { Role } from '@crux/domain/roles';
import { beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { call, claimsFor, functionsReady } from '../api/call';
import { registerRequestFor } from '../api/register-fixtures';
import { closeRound, openRound } from '../api/survey-fixtures';
import { uniqueCentreId } from '../setup/dynamo';
import { centreWithRecords, type Made } from './records';

/**
 * Every route declares the personal data it touches (`personal` in packages/api/src/routes.ts), or the
 * access log misses it. A route that declares none is checked here for what would give it away: a
 * participant or volunteer in its path, a field of its request that names one, and, called by someone it
 * is meant for at a centre that holds a participant with records, an answer that holds their id or name.
 * A declaration is checked for pointing at something the route has.
 *
 * The access log is about the people a centre serves (participants and volunteers). The routes that
 * manage staff accounts (the accounts audience, and the admin's onboarding of a centre's first leader)
 * hold a staff member's e-mail and name by their nature, which is not what the log covers: for them
 * only a participant or volunteer in the path or request gives one away. Turning an account off or on
 * is declared: the account may be a participant's own, which its answer names.
 */
const keyOf = (r: RouteDef) => `${r.method} ${r.path}` as Parameters<typeof schemasOf>[0];
const undeclared = (routes as readonly RouteDef[]).filter((r) => r.personal === undefined);
const declared = (routes as readonly RouteDef[]).filter((r) => r.personal !== undefined);

/** A path that leads to a person. */
const personPath = /participant|volunteer|person|user|account/i;
/**
 * Fields that hold a person or their data: an id of one, a name, contact details. A centre's name, a
 * catalogue entry's name and its `participant` rule are not a person's.
 */
const personField =
  /^(\w*(participant|volunteer|person|user)Ids?|displayName|birthYear|email|phone\w*|givenName|familyName|username)$/i;
/** What gives away a participant or a volunteer, for the routes on staff accounts. */
const servedPath = /participant|volunteer/i;
const servedField = /^(\w*(participant|volunteer)Ids?|displayName|birthYear)$/i;
const onStaffAccounts = (r: RouteDef) =>
  r.audience === 'accounts' || keyOf(r) === 'POST /api/admin/onboardings';

/** Every property name anywhere in a schema. */
function fieldsOf(schema: unknown): string[] {
  if (!schema) return [];
  const json = z.toJSONSchema(schema as z.ZodType, { unrepresentable: 'any', io: 'input' });
  const names: string[] = [];
  const walk = (node: unknown) => {
    if (node === null || typeof node !== 'object') return;
    const props = (node as { properties?: Record<string, unknown> }).properties;
    if (props) names.push(...Object.keys(props));
    for (const value of Object.values(node)) walk(value);
  };
  walk(json);
  return names;
}

describe('every route declares the personal data it touches', () => {
  it('the route table has routes of both kinds, and every schema belongs to a route', () => {
    expect(undeclared.length).toBeGreaterThan(5);
    expect(declared.length).toBeGreaterThan(15);
    const keys = new Set((routes as readonly RouteDef[]).map(keyOf));
    for (const key of Object.keys(routeSchemas)) expect(keys).toContain(key);
  });

  it('the staff-account routes are the accounts audience and the onboarding', () => {
    expect(undeclared.filter(onStaffAccounts).map(keyOf).sort()).toEqual([
      'GET /api/centres/{centreId}/accounts',
      'POST /api/admin/onboardings',
      'POST /api/centres/{centreId}/accounts',
    ]);
  });

  it.each(undeclared)('$method $path: nothing in its path or request names a person', (route) => {
    const [path, field] = onStaffAccounts(route) ? [servedPath, servedField] : [personPath, personField];
    expect(route.path).not.toMatch(path);
    const { body, query } = schemasOf(keyOf(route));
    expect([...fieldsOf(body), ...fieldsOf(query)].filter((f) => field.test(f))).toEqual([]);
  });

  it.each(declared)('$method $path: its declaration points at what the route has', (route) => {
    const { body, query } = schemasOf(keyOf(route));
    const declaration = route.personal ?? { action: 'read' };
    const named = [...(declaration.participant ?? []), ...(declaration.volunteer ?? [])];
    for (const at of named) {
      const [source, path = ''] = at.split(':') as [string, string];
      const first = path.split('.')[0]?.replace('[]', '') ?? '';
      if (source === 'path') expect(route.path).toContain(`{${first}}`);
      if (source === 'query') expect(fieldsOf(query)).toContain(first);
      if (source === 'body') expect(fieldsOf(body)).toContain(first);
    }
    if (declaration.search) expect(fieldsOf(query)).toContain(declaration.search);
  });

  describe('called, an undeclared centre route answers nothing about the centre people', () => {
    const centre = uniqueCentreId('decl');
    let made: Made;
    beforeAll(async () => {
      await functionsReady();
      made = await centreWithRecords(centre);
    });
    const reads = undeclared.filter((r) => r.audience === 'centre' && r.method === 'GET');

    it('there are some', () => expect(reads.length).toBeGreaterThan(1));

    it.each(reads)('$method $path', async (route) => {
      let path = route.path.replace('{centreId}', centre).replace('{year}', '2024');
      if (path.includes('{roundId}')) {
        const round = await openRound(centre);
        if (path.endsWith('/texts')) await closeRound(centre, round.id);
        path = path.replace('{roundId}', round.id);
      }
      // A register read takes the query a caller sends (the shop's year and format).
      const request = (await registerRequestFor(`GET ${route.path}`, path, centre, 'decl')) ?? {
        method: 'GET',
        path,
      };
      const answer = await call({ ...request, claims: claimsFor(route.roles[0] as Role, centre) });
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      const text = JSON.stringify(answer.body);
      for (const id of [made.participant.id, made.measureId, made.orderId, made.hours.id, made.entry.id])
        expect(text).not.toContain(id);
      expect(text).not.toMatch(/Kari|Nordmann/);
    });
  });
});
