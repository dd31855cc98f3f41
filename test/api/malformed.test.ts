import { randomUUID } from 'node:crypto';
import { addDays, PLANNING_DAYS, todayInOslo } from '@crux/domain/period';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { uniqueCentreId } from '../setup/dynamo';
import { type Claims, call, claimsFor } from './call';
import { createParticipant, participantBody, visitBody } from './fixtures';
import { centrePartition, partition } from './snapshot';

/**
 * Every write route is fed bodies that are wrong in generated ways: not an object, a field of the wrong
 * type, a required field missing, an unknown field (at the top and inside nested objects), a date outside
 * the platform's window, text that is not printable. Each must get 400 naming the field and the rule in
 * both languages, never a 5xx, and nothing may be written. Every POST route is also sent its
 * Idempotency-Key again with another request: 422, and nothing more written.
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
/** What makes text unprintable: controls, a lone surrogate, the replacement character, direction controls. */
const unprintable = fc.constantFrom(
  '\u0000',
  '\u0007',
  '\u001b',
  '\u007f',
  '\u0085',
  '\ud800',
  '\udfff',
  '\ufffd',
  '\u202e',
  '\u2066',
  '\u200f',
  '\u061c',
  '\n',
);

type Body = Record<string, unknown>;
type DateRule = { path: string; rule: 'date_past' | 'date_planned' };

function outside(rule: DateRule['rule']) {
  const today = todayInOslo();
  const after = rule === 'date_past' ? addDays(today, 1) : addDays(today, PLANNING_DAYS + 1);
  return fc.constantFrom('0000-01-01', '1900-01-01', '1918-01-01', '1999-12-31', after, '9999-12-31');
}

/** `entries.0.count` → the value there; `set` returns a copy with it replaced (or removed). */
function setAt(body: unknown, path: string, value: unknown, remove = false): unknown {
  const [head = '', ...rest] = path.split('.');
  const copy: Record<string, unknown> | unknown[] = Array.isArray(body) ? [...body] : { ...(body as Body) };
  const here = copy as Record<string, unknown>;
  if (rest.length === 0) {
    if (remove) delete here[head];
    else here[head] = value;
  } else {
    here[head] = setAt(here[head], rest.join('.'), value, remove);
  }
  return copy;
}

function getAt(body: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown>)?.[k], body);
}

type WriteRoute = {
  name: string;
  method: 'POST' | 'PUT';
  path: (centre: string) => Promise<string>;
  valid: Body;
  /** Dotted paths. */
  integers: readonly string[];
  strings: readonly string[];
  required: readonly string[];
  /** Objects unknown fields are slipped into ('' is the body itself). */
  objects: readonly string[];
  dates: readonly DateRule[];
  texts: readonly string[];
  /** Another valid request on the same route for the reused-key check (POST only). */
  other?: (centre: string) => Promise<{ path: string; body: Body }>;
  claims: (centre: string) => Claims;
  target: (centre: string) => Promise<unknown[]>;
};

function malformed(r: WriteRoute) {
  const wrongType = [
    ...r.integers.map((p) => notInteger.map((v) => ({ body: setAt(r.valid, p, v), field: p }))),
    ...r.strings.map((p) => notString.map((v) => ({ body: setAt(r.valid, p, v), field: p }))),
  ];
  return fc.oneof(
    fc
      .oneof(fc.string(), fc.integer(), fc.constant(null), fc.array(fc.jsonValue(), { maxLength: 3 }))
      .map((body) => ({ body, field: '(body)' })),
    fc.oneof(...wrongType),
    fc.constantFrom(...r.required).map((p) => ({ body: setAt(r.valid, p, undefined, true), field: p })),
    fc.tuple(fc.constantFrom(...r.objects), fc.string({ minLength: 1, maxLength: 12 })).chain(([at, key]) => {
      const known = Object.keys((at ? getAt(r.valid, at) : r.valid) as Body);
      const name =
        known.includes(key) || key === '__proto__' || key.includes('.')
          ? `x${key.replaceAll('.', '')}_`
          : key;
      const field = at ? `${at}.${name}` : name;
      return fc.constant({ body: setAt(r.valid, field, 'x'), field });
    }),
    ...(r.dates.length
      ? [
          fc
            .constantFrom(...r.dates)
            .chain((d) =>
              outside(d.rule).map((v) => ({ body: setAt(r.valid, d.path, v), field: d.path, rule: d.rule })),
            ),
        ]
      : []),
    ...(r.texts.length
      ? [
          fc.tuple(fc.constantFrom(...r.texts), unprintable, fc.nat()).map(([p, bad, at]) => {
            const text = String(getAt(r.valid, p));
            const i = 1 + (at % Math.max(1, text.length - 1));
            return {
              body: setAt(r.valid, p, text.slice(0, i) + bad + text.slice(i)),
              field: p,
              rule: 'printable',
            };
          }),
        ]
      : []),
  );
}

const staff = (centre: string) => claimsFor('staff', centre);
const malformedCentreId = uniqueCentreId('malformed');
const participantDates: DateRule[] = [{ path: 'startDate', rule: 'date_planned' }];

const writeRoutes: WriteRoute[] = [
  {
    name: 'create participant',
    method: 'POST',
    path: async (c) => `/api/centres/${c}/participants`,
    valid: participantBody(),
    integers: ['birthYear'],
    strings: ['displayName', 'gender', 'startDate', 'referralSource'],
    required: ['displayName', 'birthYear', 'startDate', 'referralSource'],
    objects: [''],
    dates: participantDates,
    texts: ['displayName'],
    other: async (c) => ({
      path: `/api/centres/${c}/participants`,
      body: participantBody({ displayName: 'Noen andre' }),
    }),
    claims: staff,
    target: centrePartition,
  },
  {
    name: 'update participant',
    method: 'PUT',
    path: async (c) => `/api/centres/${c}/participants/${(await createParticipant(c)).id}`,
    valid: participantBody({ version: 1 }),
    integers: ['birthYear', 'version'],
    strings: ['displayName', 'gender', 'startDate', 'referralSource'],
    required: ['displayName', 'birthYear', 'startDate', 'referralSource', 'version'],
    objects: [''],
    dates: participantDates,
    texts: ['displayName'],
    claims: staff,
    target: centrePartition,
  },
  {
    name: 'end participation',
    method: 'POST',
    path: async (c) => `/api/centres/${c}/participants/${(await createParticipant(c)).id}/end`,
    valid: { endDate: '2024-12-31', outcome: 'treatment', version: 1 },
    integers: ['version'],
    strings: ['endDate', 'outcome'],
    required: ['endDate', 'outcome', 'version'],
    objects: [''],
    dates: [{ path: 'endDate', rule: 'date_past' }],
    texts: [],
    other: async (c) => ({
      path: `/api/centres/${c}/participants/${(await createParticipant(c)).id}/end`,
      body: { endDate: '2024-12-31', outcome: 'treatment', version: 1 },
    }),
    claims: staff,
    target: centrePartition,
  },
  {
    name: 'record activities',
    method: 'POST',
    path: async (c) => `/api/centres/${c}/activities`,
    valid: visitBody(),
    integers: ['entries.0.count'],
    strings: ['date', 'entries.0.kind'],
    required: ['date', 'entries', 'entries.0.kind', 'entries.0.count'],
    objects: ['', 'entries.0'],
    dates: [{ path: 'date', rule: 'date_past' }],
    texts: [],
    other: async (c) => ({ path: `/api/centres/${c}/activities`, body: visitBody({ date: '2024-03-06' }) }),
    claims: staff,
    target: centrePartition,
  },
  {
    name: 'create centre',
    method: 'POST',
    path: async () => '/api/admin/centres',
    valid: { id: malformedCentreId, name: 'CRUX Test', town: 'Testby' },
    integers: [],
    strings: ['id', 'name', 'town'],
    required: ['id', 'name', 'town'],
    objects: [''],
    dates: [],
    texts: ['name', 'town'],
    other: async () => ({
      path: '/api/admin/centres',
      body: { id: uniqueCentreId('other'), name: 'CRUX Annen', town: 'Annenby' },
    }),
    claims: () => claimsFor('admin'),
    // The registry is shared with tests running alongside; only this id could be written by these bodies.
    target: async () => (await partition('CENTRES')).filter((item) => item.SK === malformedCentreId),
  },
];

describe('malformed bodies on every write route', () => {
  it.each(writeRoutes)('$name: 400 naming the field and the rule, nothing written', async (route) => {
    const centre = uniqueCentreId('fuzz');
    const path = await route.path(centre);
    const before = await route.target(centre);
    await fc.assert(
      fc.asyncProperty(malformed(route), async (wrong) => {
        const { body, field } = wrong;
        const answer = await call({ method: route.method, path, claims: route.claims(centre), body });
        expect(answer.status, JSON.stringify(body)).toBe(400);
        expect(answer.body.error.code).toBe('validation');
        const fields = answer.body.error.fields as {
          field: string;
          rule: string;
          message: { nb: string; en: string };
        }[];
        expect(fields.length).toBeGreaterThan(0);
        for (const f of fields) {
          expect(f.rule).toMatch(/^[a-z0-9_]+$/);
          expect(f.message.nb.length).toBeGreaterThan(0);
          expect(f.message.en.length).toBeGreaterThan(0);
        }
        if (field !== '(body)') expect(fields.map((f) => f.field)).toContain(field);
        if ('rule' in wrong)
          expect(fields).toContainEqual(expect.objectContaining({ field, rule: wrong.rule }));
      }),
      { numRuns: 60 },
    );
    expect(await route.target(centre)).toEqual(before);
  });

  it.each(writeRoutes.filter((r) => r.other))(
    '$name: a reused Idempotency-Key with another request is 422, nothing more written',
    async (route) => {
      const centre = uniqueCentreId('reuse');
      const claims = route.claims(centre);
      const key = randomUUID();
      const first = await call({
        method: route.method,
        path: await route.path(centre),
        claims,
        body: route.valid,
        idempotencyKey: key,
      });
      expect(first.status, JSON.stringify(first.body)).toBeLessThan(300);
      const other = await (route.other as NonNullable<WriteRoute['other']>)(centre);
      const before = await route.target(centre);
      const reused = await call({
        method: route.method,
        path: other.path,
        claims,
        body: other.body,
        idempotencyKey: key,
      });
      expect(reused.status).toBe(422);
      expect(reused.body.error.code).toBe('idempotency_key_reused');
      expect(await route.target(centre)).toEqual(before);
    },
  );

  it('refuses a body that is not JSON, not declared as JSON, or not UTF-8, with a 4xx', async () => {
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
    const latin1 = await call({
      method: 'POST',
      path: `/api/centres/${centre}/participants`,
      claims: staff(centre),
      rawBytes: Buffer.from(JSON.stringify(participantBody({ displayName: 'Åse' })), 'latin1'),
    });
    expect(latin1.status).toBe(400);
    expect(latin1.body.error.fields[0]).toMatchObject({ field: '(body)', rule: 'utf8' });
    const huge = await call({
      method: 'POST',
      path,
      claims: staff(centre),
      body: { ...visitBody(), pad: 'x'.repeat(70_000) },
    });
    expect(huge.status).toBe(413);
    expect(await centrePartition(centre)).toEqual([]);
  });

  it('welcomes emoji and right-to-left scripts, and stores names in one Unicode form', async () => {
    const centre = uniqueCentreId('text');
    for (const [sent, stored] of [
      ['👩‍👩‍👧 Nora', '👩‍👩‍👧 Nora'],
      ['مريم', 'مريم'],
      ['A\u030Ase', 'Åse'],
    ]) {
      const answer = await call({
        method: 'POST',
        path: `/api/centres/${centre}/participants`,
        claims: staff(centre),
        body: participantBody({ displayName: sent }),
      });
      expect(answer.status).toBe(201);
      expect(answer.body.displayName).toBe(stored);
    }
  });
});
