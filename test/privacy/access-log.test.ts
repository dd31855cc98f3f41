import { randomUUID } from 'node:crypto';
import type { PersonalData } from '@crux/api/personal-data';
import { type RouteDef, routes } from '@crux/api/routes';
import { PARTICIPANT_ROLE, type Role } from '@crux/domain/roles';
import { logRef } from '@crux/store/log-keys';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, claimsFor, functionsReady } from '../api/call';
import { participantClaims } from '../api/fixtures';
import { uniqueCentreId } from '../setup/dynamo';
import { centreWithRecords, entriesOf, logOf, type Made } from './records';
import { type Prepared, requestOn } from './requests';

/**
 * Every route that touches personal data (the route table's `personal`), each call exactly one entry in
 * the access log of the centre its path names, with who, which centre, which records and people, what,
 * when, the outcome and the request id: for an allowed call, and for each kind of refused one.
 */
type Personal = RouteDef & { personal: PersonalData };
const personal = (routes as readonly RouteDef[]).filter((r): r is Personal => r.personal !== undefined);
const keyOf = (r: RouteDef) => `${r.method} ${r.path}`;

beforeAll(() => functionsReady());

/** The people an allowed call on the records made names, per kind, as the log names them. */
function expectedPeople(route: Personal, centre: string, m: Made, prepared: Prepared, answer: unknown) {
  const ref = (kind: string) => (id: string) => logRef(centre, kind, id);
  const people: Record<string, string[]> = {};
  if (route.personal.volunteer) {
    const created = keyOf(route) === 'POST /api/centres/{centreId}/volunteers';
    people.volunteer = (created ? [(answer as { id: string }).id] : prepared.volunteers).map(
      ref('volunteer'),
    );
  }
  if (!route.personal.participant) return people;
  const participant = ref('participant');
  const { body } = prepared.request;
  switch (keyOf(route)) {
    case 'POST /api/centres/{centreId}/participants':
      people.participant = [participant((answer as { id: string }).id)];
      break;
    case 'POST /api/centres/{centreId}/imports':
      people.participant = [participant((body as { records: { id: string }[] }).records[0]?.id ?? '')];
      break;
    case 'DELETE /api/centres/{centreId}/activities/{date}/{entryId}':
      people.participant = [];
      break;
    default:
      people.participant = [participant(m.participant.id)];
  }
  return people;
}

/** Someone the route is meant for at `centre`: the participant of the records made, for their own routes. */
function allowedClaims(route: Personal, centre: string, m: Made, subject: string) {
  const role = route.roles[0] as Role;
  if (role === PARTICIPANT_ROLE) return participantClaims(centre, m.participant.id);
  return claimsFor(role, centre, { sub: subject });
}

const sorted = (people: Partial<Record<string, readonly string[]>> | undefined) =>
  Object.fromEntries(Object.entries(people ?? {}).map(([kind, ids]) => [kind, [...(ids ?? [])].sort()]));

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

/**
 * On a route a participant or a volunteer reaches on their own record only, the same role at the same
 * centre on someone else's: refused (404, so nothing is confirmed), and logged as refused, for a volunteer's
 * writes of hours as for their reads (the store tells a record not linked to them from a missing entry).
 */
function otherOwners(route: Personal, centre: string) {
  const roles = route.roles as readonly string[];
  if (roles.includes(PARTICIPANT_ROLE) && route.path.includes('{participantId}'))
    return [{ claims: participantClaims(centre, randomUUID()), status: 404, code: 'not_found' }];
  if (roles.includes('volunteer') && route.path.includes('{volunteerId}'))
    return [{ claims: claimsFor('volunteer', centre), status: 404, code: 'not_found' }];
  return [];
}

describe('the access log: one entry per call on personal data', () => {
  it('covers routes on participants', () => {
    expect(personal.length).toBeGreaterThan(15);
  });

  it('checks own-record refusals of participants and of a volunteer reading and writing hours', () => {
    const own = personal.filter((r) => otherOwners(r, 'c').length > 0);
    expect(own.some((r) => (r.roles as readonly string[]).includes(PARTICIPANT_ROLE))).toBe(true);
    const hours = '/api/centres/{centreId}/volunteers/{volunteerId}/hours';
    expect(own.map(keyOf)).toEqual(
      expect.arrayContaining([
        `GET ${hours}`,
        `POST ${hours}`,
        `PUT ${hours}/{date}/{entryId}`,
        `DELETE ${hours}/{date}/{entryId}`,
      ]),
    );
  });

  it.each(personal)('$method $path, allowed', async (route) => {
    const centre = uniqueCentreId('log');
    const m = await centreWithRecords(centre);
    const role = route.roles[0] as Role;
    const subject = `account-${randomUUID()}`;
    const claims = allowedClaims(route, centre, m, subject);
    const prepared = await requestOn(route, centre, m, subject);
    const { request } = prepared;
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
    expect(sorted(entry?.people)).toEqual(sorted(expectedPeople(route, centre, m, prepared, answer.body)));
    expect(entry?.records ?? {}).toEqual(recordsOf(route, request.path, centre));
    // No name and no raw id: the entry outlives the person's erasure.
    expect(JSON.stringify(entry)).not.toContain(m.participant.id);
    expect(JSON.stringify(entry)).not.toMatch(/Kari|Nordmann/);
  });

  it.each(personal)(
    "$method $path, refused: another role, another centre, no centre, someone else's own record",
    async (route) => {
      const centre = uniqueCentreId('log');
      const foreign = uniqueCentreId('far');
      const m = await centreWithRecords(centre);
      const subject = `account-${randomUUID()}`;
      const { request } = await requestOn(route, centre, m, subject);
      const refusedRole = (['volunteer', 'staff', PARTICIPANT_ROLE] as const).find(
        (r) => !(route.roles as readonly string[]).includes(r),
      );
      const callers = [
        {
          claims:
            refusedRole === PARTICIPANT_ROLE
              ? participantClaims(centre, m.participant.id)
              : claimsFor(refusedRole ?? 'volunteer', centre),
          status: 403,
          code: 'forbidden',
        },
        {
          claims:
            route.roles[0] === PARTICIPANT_ROLE
              ? participantClaims(foreign, randomUUID())
              : claimsFor(route.roles[0] as Role, foreign),
          status: 404,
          code: 'not_found',
        },
        { claims: claimsFor('headoffice'), status: 403, code: 'forbidden' },
        ...otherOwners(route, centre),
      ];
      // A refused call is logged with the people its path and query name (its body and answer are not read).
      const namesInRequest = route.path.includes('{participantId}') || request.query?.participantId;
      const volunteer = /\/volunteers\/([^/]+)/.exec(request.path)?.[1];
      const named = {
        ...(route.personal.participant
          ? { participant: namesInRequest ? [logRef(centre, 'participant', m.participant.id)] : [] }
          : {}),
        ...(route.personal.volunteer
          ? { volunteer: volunteer ? [logRef(centre, 'volunteer', volunteer)] : [] }
          : {}),
      };
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
        expect(sorted(entries[0]?.people)).toEqual(named);
      }
      // The refusals named this centre: the caller's own centre's log holds none of them.
      expect(await logOf(foreign)).toEqual([]);

      // The same request by someone allowed goes through: the refusals were of the caller, not the request.
      const allowed = await call({ ...request, claims: allowedClaims(route, centre, m, subject) });
      expect(allowed.status, JSON.stringify(allowed.body)).toBeLessThan(300);
    },
  );
});
