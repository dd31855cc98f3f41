import { randomUUID } from 'node:crypto';
import type { PersonalData } from '@crux/api/personal-data';
import { type RouteDef, routes } from '@crux/api/routes';
import type { Role } from '@crux/domain/roles';
import { logRef } from '@crux/store/keys';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, claimsFor, functionsReady } from '../api/call';
import { uniqueCentreId } from '../setup/dynamo';
import { centreWithRecords, entriesOf, logOf, type Made, requestOn } from './records';

/**
 * Every route that touches personal data (the route table's `personal`), each call exactly one entry in
 * the access log of the centre its path names, with who, which centre, which records and people, what,
 * when, the outcome and the request id: for an allowed call, and for each kind of refused one.
 */
type Personal = RouteDef & { personal: PersonalData };
const personal = (routes as readonly RouteDef[]).filter((r): r is Personal => r.personal !== undefined);
const keyOf = (r: RouteDef) => `${r.method} ${r.path}`;

beforeAll(() => functionsReady());

/** The participants an allowed call on the records made names, as the log names them. */
function expectedPeople(
  route: Personal,
  centre: string,
  m: Made,
  request: { body?: unknown },
  answer: unknown,
) {
  const ref = (id: string) => logRef(centre, 'participant', id);
  switch (keyOf(route)) {
    case 'POST /api/centres/{centreId}/participants':
      return [ref((answer as { id: string }).id)];
    case 'POST /api/centres/{centreId}/imports':
      return [ref((request.body as { records: { id: string }[] }).records[0]?.id ?? '')];
    case 'DELETE /api/centres/{centreId}/activities/{date}/{entryId}':
      return [];
    default:
      return [ref(m.participant.id)];
  }
}

/** What the path names, as the log keeps it: ids as references, a date as it is. */
function recordsOf(route: Personal, path: string, centre: string): Record<string, string> {
  const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((x) => x[1] ?? '');
  const values = path.split('/').filter((_, i) => route.path.split('/')[i]?.startsWith('{'));
  return Object.fromEntries(
    names.flatMap((name, i) => {
      const value = values[i] ?? '';
      if (name === 'centreId') return [];
      return [[name, name.endsWith('Id') ? logRef(centre, name.slice(0, -2), value) : value]];
    }),
  );
}

describe('the access log: one entry per call on personal data', () => {
  it('covers routes on participants', () => {
    expect(personal.length).toBeGreaterThan(15);
  });

  it.each(personal)('$method $path, allowed', async (route) => {
    const centre = uniqueCentreId('log');
    const m = await centreWithRecords(centre);
    const role = route.roles[0] as Role;
    const claims = claimsFor(role, centre);
    const request = requestOn(route, centre, m);
    const requestId = randomUUID();
    const before = Date.now();
    const answer = await call({ ...request, claims, requestId });
    expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(300);

    const entries = await entriesOf(centre, requestId);
    expect(entries).toHaveLength(1);
    const [entry] = entries;
    expect(entry).toMatchObject({
      requestId,
      subject: claims.sub,
      role,
      centre,
      via: keyOf(route),
      action: route.personal.action,
      outcome: 'allowed',
    });
    expect(entry?.code).toBeUndefined();
    expect(entry?.callerCentre).toBeUndefined();
    expect(Date.parse(entry?.at ?? '')).toBeGreaterThanOrEqual(before);
    expect(entry?.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect([...(entry?.people.participant ?? [])].sort()).toEqual(
      expectedPeople(route, centre, m, request, answer.body).sort(),
    );
    expect(entry?.records ?? {}).toEqual(recordsOf(route, request.path, centre));
    // No name and no raw id: the entry outlives the person's erasure.
    expect(JSON.stringify(entry)).not.toContain(m.participant.id);
    expect(JSON.stringify(entry)).not.toMatch(/Kari|Nordmann/);
  });

  it.each(personal)(
    '$method $path, refused: another role, another centre, no centre at all',
    async (route) => {
      const centre = uniqueCentreId('log');
      const foreign = uniqueCentreId('far');
      const m = await centreWithRecords(centre);
      const request = requestOn(route, centre, m);
      const refusedRole = (['volunteer', 'staff'] as const).find(
        (r) => !(route.roles as readonly string[]).includes(r),
      );
      const callers = [
        { claims: claimsFor(refusedRole ?? 'volunteer', centre), status: 403, code: 'forbidden' },
        { claims: claimsFor(route.roles[0] as Role, foreign), status: 404, code: 'not_found' },
        { claims: claimsFor('headoffice'), status: 403, code: 'forbidden' },
      ];
      // A refused call is logged with the people its path and query name (its body and answer are not read).
      const namesInRequest = route.path.includes('{participantId}') || request.query?.participantId;
      const named = namesInRequest ? [logRef(centre, 'participant', m.participant.id)] : [];
      for (const { claims, status, code } of callers) {
        const requestId = randomUUID();
        const refused = await call({ ...request, claims, requestId });
        expect(refused.status).toBe(status);
        const entries = await entriesOf(centre, requestId);
        expect(entries).toHaveLength(1);
        expect(entries[0]).toMatchObject({
          requestId,
          subject: claims.sub,
          role: claims.role,
          centre,
          via: keyOf(route),
          outcome: 'refused',
          code,
        });
        expect(entries[0]?.callerCentre).toBe(claims.centre === foreign ? foreign : undefined);
        expect(entries[0]?.people.participant ?? []).toEqual(named);
      }
      // The refusals named this centre: the caller's own centre's log holds none of them.
      expect(await logOf(foreign)).toEqual([]);

      // The same request by someone allowed goes through: the refusals were of the caller, not the request.
      const allowed = await call({ ...request, claims: claimsFor(route.roles[0] as Role, centre) });
      expect(allowed.status, JSON.stringify(allowed.body)).toBeLessThan(300);
    },
  );
});
