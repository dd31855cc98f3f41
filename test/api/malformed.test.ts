import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { figuresTable } from '../figures/seed';
import { uniqueCentreId } from '../setup/dynamo';
import { call, claimsFor, functionsReady } from './call';
import { participantBody, visitBody } from './fixtures';
import { malformed, type WriteRoute } from './malformed-bodies';
import { centrePartition } from './snapshot';
import { writeRoutes } from './write-routes';

/**
 * Every write route (write-routes.ts) is fed bodies that are wrong in generated ways (malformed-bodies.ts):
 * not an object, a field of the wrong type, a required field missing, an unknown field (at the top and
 * inside nested objects), a date outside the platform's window, text that is not printable. Each must get
 * 400 naming the field and the rule in both languages, never a 5xx, and nothing may be written. Every
 * POST route is also sent its Idempotency-Key again with another request: 422, and nothing more written.
 * In a table of the file's own: the catalogue is one per table, and this file changes it.
 */
const staff = (centre: string) => claimsFor('staff', centre);

beforeAll(async () => {
  const ctx = await figuresTable();
  await functionsReady();
  process.env.TABLE_NAME = ctx.table;
});

describe('malformed bodies on every write route', () => {
  it.each(writeRoutes)(
    '$name: 400 naming the field and the rule, nothing written',
    async (route) => {
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
      // Sixty requests, each also writing its access-log entry on a route on personal data.
    },
    120_000,
  );

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
