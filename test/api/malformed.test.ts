import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { uniqueCentreId } from '../setup/dynamo';
import { call, claimsFor } from './call';
import { createParticipant, participantBody, visitBody } from './fixtures';
import { centrePartition, partition } from './snapshot';

/**
 * Every write route is fed bodies that are wrong in generated ways: not an object, a field of the wrong
 * type, a required field missing, an unknown field. Each must get 400 naming the field and the rule in
 * both languages, never a 5xx, and nothing may be written.
 */
const notString = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 2 }),
  fc.object({ maxDepth: 1 }),
);
const notInteger = fc.oneof(
  fc.string(),
  fc.double().filter((n) => !Number.isInteger(n)),
  fc.boolean(),
  fc.constant(null),
  fc.object({ maxDepth: 1 }),
);

type Valid = Record<string, unknown>;

function malformed(valid: Valid, integers: readonly string[], required: readonly string[]) {
  const keys = Object.keys(valid);
  return fc.oneof(
    fc
      .oneof(fc.string(), fc.integer(), fc.constant(null), fc.array(fc.jsonValue(), { maxLength: 3 }))
      .map((body) => ({ body, field: '(body)' })),
    fc.constantFrom(...keys).chain((key) =>
      (integers.includes(key) ? notInteger : notString).map((value) => ({
        body: { ...valid, [key]: value },
        field: key,
      })),
    ),
    fc.constantFrom(...required).map((key) => {
      const { [key]: _dropped, ...rest } = valid;
      return { body: rest, field: key };
    }),
    fc
      .string({ minLength: 1, maxLength: 12 })
      .filter((k) => !keys.includes(k) && k !== '__proto__')
      .map((key) => ({ body: { ...valid, [key]: 'x' }, field: key })),
  );
}

type WriteRoute = {
  name: string;
  method: 'POST' | 'PUT';
  path: (centre: string) => Promise<string>;
  valid: Valid;
  integers: readonly string[];
  required: readonly string[];
  claims: (centre: string) => Record<string, string>;
  target: (centre: string) => Promise<unknown[]>;
};

const staff = (centre: string) => claimsFor('staff', centre);
const malformedCentreId = uniqueCentreId('malformed');

const writeRoutes: WriteRoute[] = [
  {
    name: 'create participant',
    method: 'POST',
    path: async (c) => `/api/centres/${c}/participants`,
    valid: participantBody(),
    integers: ['birthYear'],
    required: ['displayName', 'birthYear', 'startDate', 'referralSource'],
    claims: staff,
    target: centrePartition,
  },
  {
    name: 'update participant',
    method: 'PUT',
    path: async (c) => `/api/centres/${c}/participants/${(await createParticipant(c)).id}`,
    valid: participantBody({ version: 1 }),
    integers: ['birthYear', 'version'],
    required: ['displayName', 'birthYear', 'startDate', 'referralSource', 'version'],
    claims: staff,
    target: centrePartition,
  },
  {
    name: 'end participation',
    method: 'POST',
    path: async (c) => `/api/centres/${c}/participants/${(await createParticipant(c)).id}/end`,
    valid: { endDate: '2024-12-31', outcome: 'treatment', version: 1 },
    integers: ['version'],
    required: ['endDate', 'outcome', 'version'],
    claims: staff,
    target: centrePartition,
  },
  {
    name: 'record activity',
    method: 'POST',
    path: async (c) => `/api/centres/${c}/activities`,
    valid: visitBody(),
    integers: ['count'],
    required: ['date', 'kind', 'count'],
    claims: staff,
    target: centrePartition,
  },
  {
    name: 'create centre',
    method: 'POST',
    path: async () => '/api/admin/centres',
    valid: { id: malformedCentreId, name: 'CRUX Test', town: 'Testby' },
    integers: [],
    required: ['id', 'name', 'town'],
    claims: () => claimsFor('admin'),
    // The registry is shared with tests running alongside; only this id could be written by these bodies.
    target: async () => (await partition('CENTRES')).filter((item) => item.SK === malformedCentreId),
  },
];

describe('malformed bodies on every write route', () => {
  it.each(writeRoutes)('$name: 400 naming the field, nothing written', async (route) => {
    const centre = uniqueCentreId('fuzz');
    const path = await route.path(centre);
    const before = await route.target(centre);
    await fc.assert(
      fc.asyncProperty(malformed(route.valid, route.integers, route.required), async ({ body, field }) => {
        const answer = await call({ method: route.method, path, claims: route.claims(centre), body });
        expect(answer.status).toBe(400);
        expect(answer.body.error.code).toBe('validation');
        const fields = answer.body.error.fields as {
          field: string;
          rule: string;
          message: { nb: string; en: string };
        }[];
        expect(fields.length).toBeGreaterThan(0);
        for (const f of fields) {
          expect(f.rule).toMatch(/^[a-z_]+$/);
          expect(f.message.nb.length).toBeGreaterThan(0);
          expect(f.message.en.length).toBeGreaterThan(0);
        }
        if (field !== '(body)') expect(fields.map((f) => f.field)).toContain(field);
      }),
      { numRuns: 40 },
    );
    expect(await route.target(centre)).toEqual(before);
  });

  it('refuses a body that is not JSON, or not declared as JSON, with a 4xx', async () => {
    const centre = uniqueCentreId('fuzz');
    const path = `/api/centres/${centre}/activities`;
    const broken = await call({
      method: 'POST',
      path,
      claims: staff(centre),
      rawBody: '{"date": "2024-',
      headers: { 'content-type': 'application/json' },
    });
    expect(broken.status).toBe(400);
    expect(broken.body.error.fields[0]).toMatchObject({ field: '(body)', rule: 'json' });
    const text = await call({
      method: 'POST',
      path,
      claims: staff(centre),
      rawBody: JSON.stringify(visitBody()),
      headers: { 'content-type': 'text/plain' },
    });
    expect(text.status).toBe(415);
    const huge = await call({
      method: 'POST',
      path,
      claims: staff(centre),
      body: { ...visitBody(), pad: 'x'.repeat(70_000) },
    });
    expect(huge.status).toBe(413);
    expect(await centrePartition(centre)).toEqual([]);
  });
});
