import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { uniqueCentreId } from '../setup/dynamo';
import { call, claimsFor } from './call';
import { createParticipant, visitBody } from './fixtures';
import { centrePartition } from './snapshot';

const base = (centre: string) => `/api/centres/${centre}/activities`;

describe('activity register', () => {
  it('records visits and contact points and lists them by date range, both ends included', async () => {
    const centre = uniqueCentreId();
    const staff = claimsFor('staff', centre);
    const p = await createParticipant(centre);
    const saves = [
      visitBody({ date: '2024-02-29', count: 1 }),
      visitBody({ date: '2024-03-01', count: 4, participantId: p.id }),
      { date: '2024-03-31', entries: [{ kind: 'contact_point', count: 12 }] },
      visitBody({ date: '2024-04-01', count: 2 }),
    ];
    for (const body of saves) {
      const answer = await call({ method: 'POST', path: base(centre), claims: staff, body });
      expect(answer.status).toBe(201);
      expect(answer.body.items).toEqual([expect.objectContaining({ date: body.date, ...body.entries[0] })]);
    }
    const march = await call({
      method: 'GET',
      path: base(centre),
      claims: staff,
      query: { from: '2024-03-01', to: '2024-03-31' },
    });
    expect(march.status).toBe(200);
    expect(march.body.items.map((e: { date: string; count: number }) => [e.date, e.count])).toEqual([
      ['2024-03-01', 4],
      ['2024-03-31', 12],
    ]);
  });

  it('one save carries every kind of the day: one entry each, in one request', async () => {
    const centre = uniqueCentreId();
    const staff = claimsFor('staff', centre);
    const body = {
      date: '2024-05-02',
      entries: [
        { kind: 'visit', count: 7 },
        { kind: 'contact_point', count: 3 },
      ],
    };
    const answer = await call({ method: 'POST', path: base(centre), claims: staff, body });
    expect(answer.status).toBe(201);
    expect(answer.body.items.map((e: { kind: string; count: number }) => [e.kind, e.count])).toEqual([
      ['visit', 7],
      ['contact_point', 3],
    ]);
    const day = await call({
      method: 'GET',
      path: base(centre),
      claims: staff,
      query: { from: '2024-05-02', to: '2024-05-02' },
    });
    expect(day.body.items).toHaveLength(2);
  });

  it('a page cursor outside a new range is a 400 naming the cursor, not a 500', async () => {
    const centre = uniqueCentreId();
    const staff = claimsFor('staff', centre);
    for (const date of ['2025-02-03', '2025-03-04', '2025-04-05', '2025-07-08', '2025-09-10', '2025-11-12']) {
      await call({ method: 'POST', path: base(centre), claims: staff, body: visitBody({ date }) });
    }
    const first = await call({
      method: 'GET',
      path: base(centre),
      claims: staff,
      query: { from: '2025-01-01', to: '2025-12-31', limit: '5' },
    });
    expect(first.body.nextCursor).toEqual(expect.any(String));
    for (const query of [
      { from: '2025-12-01', to: '2025-12-31' },
      { from: '2025-01-01', to: '2025-01-31' },
    ]) {
      const stale = await call({
        method: 'GET',
        path: base(centre),
        claims: staff,
        query: { ...query, cursor: first.body.nextCursor },
      });
      expect(stale.status).toBe(400);
      expect(stale.body.error.fields).toEqual([expect.objectContaining({ field: 'cursor', rule: 'cursor' })]);
    }
    const next = await call({
      method: 'GET',
      path: base(centre),
      claims: staff,
      query: { from: '2025-06-01', to: '2025-12-31', cursor: first.body.nextCursor },
    });
    expect(next.status).toBe(200);
  });

  it('lists at most a year at a time', async () => {
    const centre = uniqueCentreId();
    const answer = await call({
      method: 'GET',
      path: base(centre),
      claims: claimsFor('staff', centre),
      query: { from: '2024-01-01', to: '2025-01-01' },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.fields).toEqual([
      expect.objectContaining({ field: 'to', rule: 'range_too_long' }),
    ]);
  });

  it('marks the month stale for the figures job in the same write', async () => {
    const centre = uniqueCentreId();
    await call({
      method: 'POST',
      path: base(centre),
      claims: claimsFor('staff', centre),
      body: visitBody({ date: '2024-06-10' }),
    });
    await call({
      method: 'POST',
      path: base(centre),
      claims: claimsFor('leader', centre),
      body: visitBody({ date: '2024-06-11' }),
    });
    const markers = (await centrePartition(centre)).filter((i) => String(i.SK).startsWith('DIRTY#'));
    expect(markers).toEqual([
      expect.objectContaining({
        SK: 'DIRTY#2024-06',
        GSI2PK: 'DIRTY',
        GSI2SK: `${centre}#M#2024-06`,
        seq: 2,
      }),
    ]);
  });

  it('a retried registration counts once', async () => {
    const centre = uniqueCentreId();
    const staff = claimsFor('staff', centre);
    const key = randomUUID();
    const answers = await Promise.all(
      [1, 2, 3].map(() =>
        call({ method: 'POST', path: base(centre), claims: staff, body: visitBody(), idempotencyKey: key }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    for (const a of answers) expect(a.body).toEqual(answers[0]?.body);
    const list = await call({
      method: 'GET',
      path: base(centre),
      claims: staff,
      query: { from: '2024-01-01', to: '2024-12-31' },
    });
    expect(list.body.items).toHaveLength(1);
  });

  it('refuses a participant of another centre or one that does not exist, writing nothing', async () => {
    const centre = uniqueCentreId();
    const other = uniqueCentreId();
    const foreign = await createParticipant(other);
    const before = await centrePartition(centre);
    for (const participantId of [foreign.id, randomUUID()]) {
      const answer = await call({
        method: 'POST',
        path: base(centre),
        claims: claimsFor('staff', centre),
        body: visitBody({ participantId }),
      });
      expect(answer.status).toBe(400);
      expect(answer.body.error.fields).toEqual([
        expect.objectContaining({ field: 'entries.0.participantId', rule: 'unknown_participant' }),
      ]);
    }
    expect(await centrePartition(centre)).toEqual(before);
  });

  it('refuses a date in the future and a range that ends before it starts', async () => {
    const centre = uniqueCentreId();
    const staff = claimsFor('staff', centre);
    const future = await call({
      method: 'POST',
      path: base(centre),
      claims: staff,
      body: visitBody({ date: '2099-01-01' }),
    });
    expect(future.status).toBe(400);
    expect(future.body.error.fields[0]).toMatchObject({ field: 'date', rule: 'date_past' });
    const range = await call({
      method: 'GET',
      path: base(centre),
      claims: staff,
      query: { from: '2024-03-02', to: '2024-03-01' },
    });
    expect(range.status).toBe(400);
    expect(range.body.error.fields[0]).toMatchObject({ field: 'to', rule: 'before_start' });
    const missing = await call({ method: 'GET', path: base(centre), claims: staff });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['from', 'to']);
    expect(await centrePartition(centre)).toEqual([]);
  });
});

describe('admin: centres', () => {
  it('creates a centre that needs no code change, and lists it; the same id twice is a conflict', async () => {
    const admin = claimsFor('admin');
    const id = uniqueCentreId('ny');
    const body = { id, name: 'CRUX Ny by', town: 'Ny by' };
    const key = randomUUID();
    const created = await call({
      method: 'POST',
      path: '/api/admin/centres',
      claims: admin,
      body,
      idempotencyKey: key,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject(body);
    const retried = await call({
      method: 'POST',
      path: '/api/admin/centres',
      claims: admin,
      body,
      idempotencyKey: key,
    });
    expect(retried).toEqual(created);
    const again = await call({ method: 'POST', path: '/api/admin/centres', claims: admin, body });
    expect(again.status).toBe(409);
    expect(again.body.error.fields[0]).toMatchObject({ field: 'id', rule: 'unique' });
    const list = await call({ method: 'GET', path: '/api/admin/centres', claims: admin });
    expect(list.body.items).toContainEqual(created.body);

    const staff = claimsFor('staff', id);
    const visit = await call({ method: 'POST', path: base(id), claims: staff, body: visitBody() });
    expect(visit.status).toBe(201);
  });

  it('an Idempotency-Key belongs to one request: the same key for another centre is refused', async () => {
    const admin = claimsFor('admin');
    const key = randomUUID();
    const x = { id: uniqueCentreId('x'), name: 'CRUX X', town: 'X-by' };
    const y = { id: uniqueCentreId('y'), name: 'CRUX Y', town: 'Y-by' };
    const first = await call({
      method: 'POST',
      path: '/api/admin/centres',
      claims: admin,
      body: x,
      idempotencyKey: key,
    });
    expect(first.status).toBe(201);
    const second = await call({
      method: 'POST',
      path: '/api/admin/centres',
      claims: admin,
      body: y,
      idempotencyKey: key,
    });
    expect(second.status).toBe(422);
    expect(second.body.error.code).toBe('idempotency_key_reused');
    const list = await call({ method: 'GET', path: '/api/admin/centres', claims: admin });
    expect(list.body.items.map((c: { id: string }) => c.id)).not.toContain(y.id);
  });

  it('refuses an id that is not a slug, naming the field', async () => {
    const answer = await call({
      method: 'POST',
      path: '/api/admin/centres',
      claims: claimsFor('admin'),
      body: { id: 'Øvre Eiker#1', name: 'X', town: 'Hokksund', extra: 1 },
    });
    expect(answer.status).toBe(400);
    const fields = answer.body.error.fields.map(
      (f: { field: string; rule: string }) => `${f.field}:${f.rule}`,
    );
    expect(fields).toEqual(expect.arrayContaining(['id:format', 'name:min_length', 'extra:unknown_field']));
  });
});
