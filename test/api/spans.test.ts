import { randomUUID } from 'node:crypto';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { centreKeys } from '@crux/store/keys';
import { issueTenantScope } from '@crux/store/tenant-scope';
import { describe, expect, it } from 'vitest';
import { testStore, testTableName, uniqueCentreId } from '../setup/dynamo';
import { type Answer, call, claimsFor } from './call';
import { createParticipant, endParticipation, participantPath, race } from './fixtures';
import { centrePartition } from './snapshot';

/**
 * Measures (work training, own measures) and correctional orders on a participant: the same rules for
 * both, so every case runs for each. Each refusal is checked against the partition: nothing written.
 */
const lists = [
  { list: 'measures', type: 'vto', other: 'mentor', foreign: 'community_sentence' },
  { list: 'orders', type: 'community_sentence', other: 'fine_serving', foreign: 'vto' },
] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A centre with one participant (started 2024-02-01) and the helpers to work on its spans. */
async function setUp(list: 'measures' | 'orders') {
  const centre = uniqueCentreId('spans');
  const staff = claimsFor('staff', centre);
  const p = await createParticipant(centre);
  const page = participantPath(centre, p.id);
  const spans = `${page}/${list}`;
  const post = (body: Record<string, unknown>, idempotencyKey?: string, path = spans) =>
    call({ method: 'POST', path, claims: staff, body, ...(idempotencyKey ? { idempotencyKey } : {}) });
  const put = (id: string, body: Record<string, unknown>) =>
    call({ method: 'PUT', path: `${spans}/${id}`, claims: staff, body });
  const stored = async () => (await call({ method: 'GET', path: page, claims: staff })).body[list];
  /** Refused with 400 naming `field` and `rule`, and nothing written. */
  const refused = async (send: () => Promise<Answer>, field: string, rule: string) => {
    const before = await centrePartition(centre);
    const answer = await send();
    expect(answer.status, JSON.stringify(answer.body)).toBe(400);
    expect(answer.body.error.fields).toEqual([expect.objectContaining({ field, rule })]);
    expect(await centrePartition(centre)).toEqual(before);
  };
  return { centre, staff, p, page, spans, post, put, stored, refused };
}

describe.each(lists)('$list on a participant', ({ list, type, other, foreign }) => {
  it('starts one within the participation, shown on the participant’s page and marked for the job', async () => {
    const { centre, p, post, stored } = await setUp(list);
    // As if the job had counted the participant: the span's own write must mark it again.
    await testStore().send(
      new UpdateCommand({
        TableName: testTableName(),
        Key: centreKeys.participant(issueTenantScope(centre, 'job', 'test'), p.id),
        UpdateExpression: 'REMOVE GSI2PK, GSI2SK',
      }),
    );
    const answer = await post({ type, startDate: '2024-02-01', endDate: '2024-12-31' });
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({
      id: expect.stringMatching(UUID),
      type,
      startDate: '2024-02-01',
      endDate: '2024-12-31',
      version: 1,
      createdAt: expect.any(String),
      updatedAt: answer.body.createdAt,
    });
    expect(await stored()).toEqual({ [answer.body.id]: answer.body });
    const item = (await centrePartition(centre)).find((i) => i.SK === `P#${p.id}`);
    expect(item).toMatchObject({ GSI2PK: 'DIRTY', GSI2SK: `${centre}#P#${p.id}` });
  });

  it('is corrected against the version shown; a stale version is 409 with what is stored', async () => {
    const { centre, post, put, stored } = await setUp(list);
    const started = (await post({ type, startDate: '2024-03-01' })).body;
    const ended = await put(started.id, { type, startDate: '2024-03-01', endDate: '2024-06-30', version: 1 });
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ id: started.id, endDate: '2024-06-30', version: 2 });
    // The created time stays; the correction sets what it names.
    expect((await stored())[started.id]).toEqual({
      ...started,
      endDate: '2024-06-30',
      version: 2,
      updatedAt: ended.body.updatedAt,
    });

    const before = await centrePartition(centre);
    const stale = await put(started.id, { type: other, startDate: '2024-03-01', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('conflict');
    expect(stale.body.error.current).toEqual((await stored())[started.id]);
    expect(await centrePartition(centre)).toEqual(before);

    // An end taken back: the span is open again.
    const reopened = await put(started.id, { type, startDate: '2024-03-01', version: 2 });
    expect(reopened.status).toBe(200);
    expect((await stored())[started.id]).not.toHaveProperty('endDate');
  });

  it('two corrections of the same version at once: one is stored, the other is 409, none overwritten', async () => {
    const { post, put, stored } = await setUp(list);
    const started = (await post({ type, startDate: '2024-03-01' })).body;
    const [won, lost] = await race(
      () => put(started.id, { type, startDate: '2024-03-01', endDate: '2024-05-31', version: 1 }),
      () => put(started.id, { type, startDate: '2024-03-01', endDate: '2024-09-30', version: 1 }),
    );
    expect([won.status, lost.status]).toEqual([200, 409]);
    const now = (await stored())[started.id];
    expect(now).toMatchObject({ endDate: won.body.endDate, version: 2 });
    expect(lost.body.error.current).toEqual(now);
  });

  it('a retried start is stored once; its key on another participant or with another body is 422', async () => {
    const { centre, post, stored } = await setUp(list);
    const key = randomUUID();
    const body = { type, startDate: '2024-04-01' };
    const first = await post(body, key);
    expect(first.status).toBe(201);
    expect(await post(body, key)).toEqual(first);
    expect(Object.keys(await stored())).toEqual([first.body.id]);

    const someoneElse = await createParticipant(centre);
    const before = await centrePartition(centre);
    for (const reused of [
      await post(body, key, `${participantPath(centre, someoneElse.id)}/${list}`),
      await post({ type: other, startDate: '2024-04-01' }, key),
    ]) {
      expect(reused.status).toBe(422);
      expect(reused.body.error.code).toBe('idempotency_key_reused');
    }
    expect(await centrePartition(centre)).toEqual(before);
  });

  it('refuses a span outside the participation, naming the field, and writes nothing', async () => {
    const { centre, p, post, put, refused } = await setUp(list);
    await refused(() => post({ type, startDate: '2024-01-31' }), 'startDate', 'outside_participation');
    const open = (await post({ type, startDate: '2024-02-01' })).body;
    await refused(
      () => put(open.id, { type, startDate: '2024-01-31', version: 1 }),
      'startDate',
      'outside_participation',
    );

    await endParticipation(centre, p.id, '2024-08-31');
    // An ended participation takes no open span, and none that ends after it.
    await refused(() => post({ type, startDate: '2024-03-01' }), 'startDate', 'outside_participation');
    await refused(
      () => post({ type, startDate: '2024-03-01', endDate: '2024-09-01' }),
      'startDate',
      'outside_participation',
    );
    await refused(
      () => put(open.id, { type, startDate: '2024-02-01', version: 1 }),
      'startDate',
      'outside_participation',
    );
    // Its first and last day are within.
    expect((await post({ type, startDate: '2024-02-01', endDate: '2024-08-31' })).status).toBe(201);
    expect(
      (await put(open.id, { type, startDate: '2024-08-31', endDate: '2024-08-31', version: 1 })).status,
    ).toBe(200);
  });

  it('refuses an end before the start, and a type that is not of this list, naming the field', async () => {
    const { post, refused } = await setUp(list);
    await refused(
      () => post({ type, startDate: '2024-05-02', endDate: '2024-05-01' }),
      'endDate',
      'before_start',
    );
    await refused(() => post({ type: 'no_such_type', startDate: '2024-05-01' }), 'type', 'unknown_type');
    await refused(() => post({ type: foreign, startDate: '2024-05-01' }), 'type', 'unknown_type');
  });

  it('a participant of another centre, or a span that does not exist, is 404 and nothing written', async () => {
    const { centre, post, put } = await setUp(list);
    const elsewhere = await createParticipant(uniqueCentreId('spans'));
    const before = await centrePartition(centre);
    for (const answer of [
      await post(
        { type, startDate: '2024-03-01' },
        undefined,
        `${participantPath(centre, elsewhere.id)}/${list}`,
      ),
      await post(
        { type, startDate: '2024-03-01' },
        undefined,
        `${participantPath(centre, randomUUID())}/${list}`,
      ),
      await put(randomUUID(), { type, startDate: '2024-03-01', version: 1 }),
    ]) {
      expect(answer.status).toBe(404);
      expect(answer.body.error.code).toBe('not_found');
    }
    expect(await centrePartition(centre)).toEqual(before);
  });
});
