import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { uniqueCentreId } from '../setup/dynamo';
import { call, claimsFor } from './call';
import { createParticipant, participantBody } from './fixtures';
import { centrePartition } from './snapshot';

const base = (centre: string) => `/api/centres/${centre}/participants`;

describe('participants', () => {
  it('creates, reads and lists a participant, paged by cursor', async () => {
    const centre = uniqueCentreId();
    const staff = claimsFor('staff', centre);
    const created = await call({
      method: 'POST',
      path: base(centre),
      claims: staff,
      body: participantBody(),
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...participantBody(), version: 1 });
    expect(created.body).not.toHaveProperty('PK');

    const read = await call({ method: 'GET', path: `${base(centre)}/${created.body.id}`, claims: staff });
    expect({ status: read.status, body: read.body }).toEqual({ status: 200, body: created.body });

    for (let i = 0; i < 4; i++) await createParticipant(centre, { displayName: `Person ${i}` });
    const seen = new Set<string>();
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await call({
        method: 'GET',
        path: base(centre),
        claims: staff,
        query: { limit: '2', ...(cursor ? { cursor } : {}) },
      });
      expect(page.status).toBe(200);
      for (const p of page.body.items) seen.add(p.id);
      cursor = page.body.nextCursor;
      pages++;
    } while (cursor);
    expect(seen.size).toBe(5);
    expect(pages).toBeGreaterThanOrEqual(3);
  });

  it('finds participants by part of the name, without regard to accents or case', async () => {
    const centre = uniqueCentreId();
    await createParticipant(centre, { displayName: 'Åse Østby' });
    await createParticipant(centre, { displayName: 'Per Hansen' });
    const found = await call({
      method: 'GET',
      path: base(centre),
      claims: claimsFor('leader', centre),
      query: { q: 'ostb', limit: '100' },
    });
    expect(found.body.items.map((p: { displayName: string }) => p.displayName)).toEqual(['Åse Østby']);
  });

  it('refuses a cursor that was not made by the API', async () => {
    const centre = uniqueCentreId();
    const forged = Buffer.from('C#other#P#x').toString('base64url');
    const answer = await call({
      method: 'GET',
      path: base(centre),
      claims: claimsFor('staff', centre),
      query: { cursor: forged },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.fields[0]).toMatchObject({ field: 'cursor', rule: 'cursor' });
  });

  it('updates with optimistic locking: a stale version gets 409 and the current participant', async () => {
    const centre = uniqueCentreId();
    const p = await createParticipant(centre);
    const path = `${base(centre)}/${p.id}`;
    const first = await call({
      method: 'PUT',
      path,
      claims: claimsFor('staff', centre),
      body: participantBody({ displayName: 'Kari N.', version: 1 }),
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ displayName: 'Kari N.', version: 2 });

    const stale = await call({
      method: 'PUT',
      path,
      claims: claimsFor('leader', centre),
      body: participantBody({ displayName: 'Kari Olsen', version: 1 }),
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('conflict');
    expect(stale.body.error.current).toMatchObject({ displayName: 'Kari N.', version: 2 });
    expect(stale.body.error.message.nb).toMatch(/endret/);

    const after = await call({ method: 'GET', path, claims: claimsFor('staff', centre) });
    expect(after.body.displayName).toBe('Kari N.');
  });

  it('two concurrent edits of the same version: exactly one wins, the other gets 409', async () => {
    const centre = uniqueCentreId();
    const p = await createParticipant(centre);
    const path = `${base(centre)}/${p.id}`;
    const answers = await Promise.all(
      ['A', 'B', 'C'].map((n) =>
        call({
          method: 'PUT',
          path,
          claims: claimsFor('staff', centre),
          body: participantBody({ displayName: n, version: 1 }),
        }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409]);
  });

  it('ends a participation with its outcome; a retry answers the same and writes nothing more', async () => {
    const centre = uniqueCentreId();
    const p = await createParticipant(centre);
    const path = `${base(centre)}/${p.id}/end`;
    const key = randomUUID();
    const body = { endDate: '2024-09-30', outcome: 'treatment', version: 1 };
    const staff = claimsFor('staff', centre);
    const ended = await call({ method: 'POST', path, claims: staff, body, idempotencyKey: key });
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ endDate: '2024-09-30', outcome: 'treatment', version: 2 });
    const before = await centrePartition(centre);

    const retried = await call({ method: 'POST', path, claims: staff, body, idempotencyKey: key });
    expect(retried).toEqual(ended);
    expect(await centrePartition(centre)).toEqual(before);

    const again = await call({
      method: 'POST',
      path,
      claims: claimsFor('staff', centre),
      body: { ...body, version: 2 },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.current.outcome).toBe('treatment');
  });

  it('refuses an end date before the start, naming the field', async () => {
    const centre = uniqueCentreId();
    const p = await createParticipant(centre, { startDate: '2024-05-01' });
    const answer = await call({
      method: 'POST',
      path: `${base(centre)}/${p.id}/end`,
      claims: claimsFor('staff', centre),
      body: { endDate: '2024-04-30', outcome: 'other', version: 1 },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.fields).toEqual([
      expect.objectContaining({ field: 'endDate', rule: 'before_start' }),
    ]);
  });

  it('a retried create with the same key makes one participant; the same key with another body is refused', async () => {
    const centre = uniqueCentreId();
    const key = randomUUID();
    const claims = claimsFor('staff', centre);
    const first = await call({
      method: 'POST',
      path: base(centre),
      claims,
      body: participantBody(),
      idempotencyKey: key,
    });
    const retry = await call({
      method: 'POST',
      path: base(centre),
      claims,
      body: participantBody(),
      idempotencyKey: key,
    });
    expect(retry).toEqual(first);
    const list = await call({ method: 'GET', path: base(centre), claims });
    expect(list.body.items).toHaveLength(1);

    const reused = await call({
      method: 'POST',
      path: base(centre),
      claims,
      body: participantBody({ displayName: 'Other' }),
      idempotencyKey: key,
    });
    expect(reused.status).toBe(422);
    expect((await call({ method: 'GET', path: base(centre), claims })).body.items).toHaveLength(1);
  });

  it('an Idempotency-Key belongs to one request: the same key on another participant is refused', async () => {
    const centre = uniqueCentreId();
    const staff = claimsFor('staff', centre);
    const a = await createParticipant(centre);
    const b = await createParticipant(centre);
    const key = randomUUID();
    const body = { endDate: '2024-09-30', outcome: 'treatment', version: 1 };
    const endA = await call({
      method: 'POST',
      path: `${base(centre)}/${a.id}/end`,
      claims: staff,
      body,
      idempotencyKey: key,
    });
    expect(endA.status).toBe(200);
    const before = await centrePartition(centre);
    const endB = await call({
      method: 'POST',
      path: `${base(centre)}/${b.id}/end`,
      claims: staff,
      body,
      idempotencyKey: key,
    });
    expect(endB.status).toBe(422);
    expect(endB.body.error.code).toBe('idempotency_key_reused');
    expect(await centrePartition(centre)).toEqual(before);
    // The same key on another route altogether is refused too.
    const create = await call({
      method: 'POST',
      path: base(centre),
      claims: staff,
      body: participantBody(),
      idempotencyKey: key,
    });
    expect(create.status).toBe(422);
    expect(await centrePartition(centre)).toEqual(before);
  });

  it('refuses a POST without an Idempotency-Key', async () => {
    const centre = uniqueCentreId();
    const answer = await call({
      method: 'POST',
      path: base(centre),
      claims: claimsFor('staff', centre),
      body: participantBody(),
      idempotencyKey: null,
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.fields[0].field).toBe('Idempotency-Key');
    expect(await centrePartition(centre)).toEqual([]);
  });

  it('answers 404 for an unknown or malformed participant id', async () => {
    const centre = uniqueCentreId();
    const claims = claimsFor('staff', centre);
    expect((await call({ method: 'GET', path: `${base(centre)}/${randomUUID()}`, claims })).status).toBe(404);
    expect((await call({ method: 'GET', path: `${base(centre)}/not-an-id`, claims })).status).toBe(404);
    const put = await call({
      method: 'PUT',
      path: `${base(centre)}/${randomUUID()}`,
      claims,
      body: participantBody({ version: 1 }),
    });
    expect(put.status).toBe(404);
    expect(await centrePartition(centre)).toEqual([]);
  });
});
