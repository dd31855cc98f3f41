import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { uniqueCentreId } from '../setup/dynamo';
import { type Answer, call, claimsFor } from './call';
import { createParticipant, dirtyMonths, endParticipation, made, participantPath } from './fixtures';
import { centrePartition } from './snapshot';

/**
 * Hours served on a correctional order: logged by day within the order and the participation, listed
 * by range, taken back with who and when kept, each write marking its month for the figures job.
 */
async function setUp() {
  const centre = uniqueCentreId('hours');
  const staff = claimsFor('staff', centre);
  const p = await createParticipant(centre, { startDate: '2024-02-01' });
  const order = await made(centre, `${participantPath(centre, p.id)}/orders`, {
    type: 'community_sentence',
    startDate: '2024-03-01',
    endDate: '2024-10-31',
  });
  const orderPath = (participantId = p.id, orderId = order.id) =>
    `${participantPath(centre, participantId)}/orders/${orderId}`;
  const log = (body: Record<string, unknown>, idempotencyKey?: string, path = orderPath()) =>
    call({
      method: 'POST',
      path: `${path}/hours`,
      claims: staff,
      body,
      ...(idempotencyKey ? { idempotencyKey } : {}),
    });
  const list = async (query: Record<string, string> = {}) =>
    (
      await call({
        method: 'GET',
        path: `/api/centres/${centre}/hours`,
        claims: staff,
        query: { from: '2024-01-01', to: '2024-12-31', ...query },
      })
    ).body.items;
  const remove = (date: string, id: string, participantId = p.id) =>
    call({ method: 'DELETE', path: `${orderPath(participantId)}/hours/${date}/${id}`, claims: staff });
  /** Refused with `status` (and for a 400 the field and rule), and nothing written. */
  const refused = async (send: () => Promise<Answer>, status: number, field?: string, rule?: string) => {
    const before = await centrePartition(centre);
    const answer = await send();
    expect(answer.status, JSON.stringify(answer.body)).toBe(status);
    if (field) expect(answer.body.error.fields).toEqual([expect.objectContaining({ field, rule })]);
    expect(await centrePartition(centre)).toEqual(before);
  };
  return { centre, staff, p, order, orderPath, log, list, remove, refused };
}

describe('hours on an order', () => {
  it('logs hours on a day, lists them by range and by participant, and marks the month', async () => {
    const { centre, p, order, log, list } = await setUp();
    const other = await createParticipant(centre, { startDate: '2024-02-01' });
    const otherOrder = await made(centre, `${participantPath(centre, other.id)}/orders`, {
      type: 'electronic_monitoring',
      startDate: '2024-03-01',
    });
    const logged = await log({ date: '2024-03-01', hours: 2.75 });
    expect(logged.status).toBe(201);
    expect(logged.body).toEqual({
      id: expect.any(String),
      date: '2024-03-01',
      hours: 2.75,
      participantId: p.id,
      orderId: order.id,
      createdAt: expect.any(String),
      createdBy: expect.stringMatching(/^staff-/),
    });
    await log({ date: '2024-10-31', hours: 8 });
    await log(
      { date: '2024-04-02', hours: 1 },
      undefined,
      `${participantPath(centre, other.id)}/orders/${otherOrder.id}`,
    );
    expect((await list()).map((h: { date: string; hours: number }) => [h.date, h.hours])).toEqual([
      ['2024-03-01', 2.75],
      ['2024-04-02', 1],
      ['2024-10-31', 8],
    ]);
    expect(await list({ participantId: p.id })).toHaveLength(2);
    expect(await list({ from: '2024-04-01', to: '2024-10-30' })).toHaveLength(1);
    expect(await dirtyMonths(centre)).toEqual({ '2024-03': 1, '2024-04': 1, '2024-10': 1 });
  });

  it('a retried log counts once; its key on another order or with other hours is 422, nothing written', async () => {
    const { centre, p, log, list } = await setUp();
    const second = await made(centre, `${participantPath(centre, p.id)}/orders`, {
      type: 'fine_serving',
      startDate: '2024-03-01',
    });
    const key = randomUUID();
    const first = await log({ date: '2024-05-06', hours: 3 }, key);
    expect(first.status).toBe(201);
    expect(await log({ date: '2024-05-06', hours: 3 }, key)).toEqual(first);
    expect(await list()).toHaveLength(1);
    const before = await centrePartition(centre);
    for (const reused of [
      await log(
        { date: '2024-05-06', hours: 3 },
        key,
        `${participantPath(centre, p.id)}/orders/${second.id}`,
      ),
      await log({ date: '2024-05-06', hours: 4 }, key),
    ]) {
      expect(reused.status).toBe(422);
      expect(reused.body.error.code).toBe('idempotency_key_reused');
    }
    expect(await centrePartition(centre)).toEqual(before);
  });

  it('refuses a day outside the order or the participation, naming the date, and writes nothing', async () => {
    const { centre, p, log, refused } = await setUp();
    await refused(() => log({ date: '2024-02-29', hours: 1 }), 400, 'date', 'outside_order');
    await refused(() => log({ date: '2024-11-01', hours: 1 }), 400, 'date', 'outside_order');
    await endParticipation(centre, p.id, '2024-06-30');
    // Within the order, after the participation's end.
    await refused(() => log({ date: '2024-07-01', hours: 1 }), 400, 'date', 'outside_order');
    expect((await log({ date: '2024-06-30', hours: 1 })).status).toBe(201);
  });

  it('refuses hours that are not in quarter hours or not between a quarter and a day', async () => {
    const { log, refused } = await setUp();
    await refused(() => log({ date: '2024-05-06', hours: 2.3 }), 400, 'hours', 'quarter_hours');
    await refused(() => log({ date: '2024-05-06', hours: 0 }), 400, 'hours', 'min');
    await refused(() => log({ date: '2024-05-06', hours: 24.25 }), 400, 'hours', 'max');
  });

  it('an order of another participant or centre, or none, is 404 and nothing written', async () => {
    const { centre, order, orderPath, log, refused } = await setUp();
    const other = await createParticipant(centre);
    const foreignCentre = uniqueCentreId('hours');
    const foreign = await createParticipant(foreignCentre);
    const foreignOrder = await made(foreignCentre, `${participantPath(foreignCentre, foreign.id)}/orders`, {
      type: 'community_sentence',
      startDate: '2024-03-01',
    });
    const day = { date: '2024-05-06', hours: 1 };
    await refused(() => log(day, undefined, orderPath(other.id, order.id)), 404);
    await refused(() => log(day, undefined, orderPath(undefined, randomUUID())), 404);
    await refused(() => log(day, undefined, orderPath(foreign.id, foreignOrder.id)), 404);
    await refused(() => log(day, undefined, orderPath(undefined, foreignOrder.id)), 404);
  });

  it('taking a log back keeps who and when, leaves the list, marks the month, and happens once', async () => {
    const { centre, log, list, remove, refused } = await setUp();
    const other = await createParticipant(centre);
    const logged = (await log({ date: '2024-07-15', hours: 5 })).body;
    expect(await dirtyMonths(centre)).toEqual({ '2024-07': 1 });
    await refused(() => remove('2024-07-15', logged.id, other.id), 404);
    await refused(() => remove('2024-07-16', logged.id), 404);

    const removed = await remove('2024-07-15', logged.id);
    expect(removed.status).toBe(204);
    expect(await list()).toEqual([]);
    const kept = (await centrePartition(centre)).find((i) => i.SK === `H#2024-07-15#${logged.id}`);
    expect(kept).toMatchObject({
      ...logged,
      deletedAt: expect.any(String),
      deletedBy: expect.stringMatching(/^staff-/),
    });
    expect(await dirtyMonths(centre)).toEqual({ '2024-07': 2 });
    await refused(() => remove('2024-07-15', logged.id), 404);
  });
});
