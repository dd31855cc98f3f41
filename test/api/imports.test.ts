import { randomUUID } from 'node:crypto';
import { MAX_IMPORT_RECORDS } from '@crux/domain/import';
import { describe, expect, it } from 'vitest';
import { uniqueCentreId } from '../setup/dynamo';
import { call, claimsFor } from './call';
import { createParticipant, dirtyMonths, participantBody, participantPath } from './fixtures';
import { centrePartition } from './snapshot';

/**
 * Records a centre kept before the platform, brought in by its leader in one request: the one-by-one
 * routes' schemas, catalogue and tenancy, in one transaction. Every refusal names the record and writes
 * nothing.
 */
type Rec = Record<string, unknown>;

/** A participant with a VTO measure and a community sentence, a trip they came on, and hours served. */
const freshIds = () => ({
  person: randomUUID(),
  measure: randomUUID(),
  order: randomUUID(),
  hours: randomUUID(),
});
function batch(ids = freshIds()) {
  const records: Rec[] = [
    {
      type: 'participant',
      id: ids.person,
      body: participantBody({ startDate: '2023-01-10' }),
      end: { endDate: '2023-11-30', outcome: 'treatment' },
      measures: [{ id: ids.measure, type: 'vto', startDate: '2023-02-01', endDate: '2023-06-30' }],
      orders: [{ id: ids.order, type: 'community_sentence', startDate: '2023-03-01', endDate: '2023-09-30' }],
    },
    { type: 'entry', date: '2023-05-12', kind: 'cabin_trip', count: 1, participantId: ids.person },
    { type: 'entry', date: '2023-05-12', kind: 'visit', count: 14 },
    {
      type: 'hours',
      id: ids.hours,
      participantId: ids.person,
      orderId: ids.order,
      date: '2023-03-01',
      hours: 6,
    },
  ];
  return { ids, records };
}

function setUp() {
  const centre = uniqueCentreId('import');
  const leader = claimsFor('leader', centre);
  const send = (records: Rec[], idempotencyKey?: string) =>
    call({
      method: 'POST',
      path: `/api/centres/${centre}/imports`,
      claims: leader,
      body: { records },
      ...(idempotencyKey ? { idempotencyKey } : {}),
    });
  /** Refused with 400 naming `field` and `rule`, and nothing written. */
  const refused = async (records: Rec[], field: string, rule: string) => {
    const before = await centrePartition(centre);
    const answer = await send(records);
    expect(answer.status, JSON.stringify(answer.body)).toBe(400);
    expect(answer.body.error.fields).toContainEqual(expect.objectContaining({ field, rule }));
    expect(await centrePartition(centre)).toEqual(before);
    return answer;
  };
  return { centre, leader, send, refused };
}

/** The participant of the batches the rules are tried on (each in a centre of its own). */
const PERSON = randomUUID();

/** `records` with record `i` changed by `change`. */
const edit = (records: Rec[], i: number, change: (r: Rec) => Rec) =>
  records.map((r, j) => (j === i ? change(r) : r));

describe('imports', () => {
  it('stores the batch as the one-by-one routes would, and marks its months for the figures job', async () => {
    const { centre, send } = setUp();
    const { ids, records } = batch();
    const answer = await send(records);
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    expect(answer.body).toEqual({ imported: { participants: 1, entries: 2, hours: 1 } });

    const staff = claimsFor('staff', centre);
    const person = (await call({ method: 'GET', path: participantPath(centre, ids.person), claims: staff }))
      .body;
    expect(person).toMatchObject({ endDate: '2023-11-30', outcome: 'treatment', version: 1 });
    expect(person.measures[ids.measure]).toMatchObject({ type: 'vto', startDate: '2023-02-01', version: 1 });
    expect(person.orders[ids.order]).toMatchObject({ type: 'community_sentence', endDate: '2023-09-30' });
    const entries = await call({
      method: 'GET',
      path: `/api/centres/${centre}/activities`,
      claims: staff,
      query: { from: '2023-01-01', to: '2023-12-31' },
    });
    expect(entries.body.items.map((e: Rec) => [e.kind, e.count, e.participantId])).toEqual(
      expect.arrayContaining([
        ['cabin_trip', 1, ids.person],
        ['visit', 14, undefined],
      ]),
    );
    const hours = await call({
      method: 'GET',
      path: `/api/centres/${centre}/hours`,
      claims: staff,
      query: { from: '2023-01-01', to: '2023-12-31' },
    });
    expect(hours.body.items).toEqual([
      expect.objectContaining({ id: ids.hours, hours: 6, orderId: ids.order }),
    ]);
    expect(await dirtyMonths(centre)).toEqual({ '2023-03': 1, '2023-05': 1 });
    const item = (await centrePartition(centre)).find((i) => i.SK === `P#${ids.person}`);
    expect(item).toMatchObject({ GSI2PK: 'DIRTY', GSI1SK: `2023-11-30#${ids.person}` });
  });

  it('a retry replays the answer; the key with another batch is 422, and nothing more is written', async () => {
    const { centre, send } = setUp();
    const key = randomUUID();
    const { records } = batch();
    const first = await send(records, key);
    expect(first.status).toBe(201);
    const before = await centrePartition(centre);
    expect(await send(records, key)).toEqual(first);
    const reused = await send(batch().records, key);
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe('idempotency_key_reused');
    expect(await centrePartition(centre)).toEqual(before);
  });

  it('refuses a batch too large for one transaction as a 400, and more records than allowed', async () => {
    const { refused } = setUp();
    // Fifty entries in fifty months: an entry and a month marker each, over DynamoDB's 100 items.
    const spread = Array.from({ length: 50 }, (_, i) => ({
      type: 'entry',
      date: `${2015 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-15`,
      kind: 'visit',
      count: 1,
    }));
    const large = await refused(spread, 'records', 'too_large');
    expect(large.body.error.fields[0].message.en).toMatch(/at most 100/);
    const many = Array.from({ length: MAX_IMPORT_RECORDS + 1 }, () => ({
      type: 'entry',
      date: '2023-05-12',
      kind: 'visit',
      count: 1,
    }));
    await refused(many, 'records', 'max');
  });

  it('refuses an id already stored, or twice in the batch, naming the record', async () => {
    const { send, refused } = setUp();
    const { ids, records } = batch();
    expect((await send(records)).status).toBe(201);
    const again = batch({ ...freshIds(), person: ids.person });
    await refused(again.records, 'records.0.id', 'duplicate_id');
    const twice = batch();
    // DynamoDB in AWS refuses a transaction that writes one item twice with an error of its own: the batch
    // must be refused before it gets there. Two measures under one id would keep only one.
    await refused([...twice.records, { ...twice.records[0] }], 'records.4.id', 'duplicate_id');
    await refused([...twice.records, { ...twice.records[3] }], 'records.4.id', 'duplicate_id');
    const measure = (twice.records[0] as { measures: Rec[] }).measures[0];
    await refused(
      edit(twice.records, 0, (r) => ({ ...r, measures: [measure, { ...measure, type: 'mentor' }] })),
      'records.0.measures.1.id',
      'duplicate_id',
    );
  });

  it('refuses records naming a participant of another centre, writing nothing', async () => {
    const { refused } = setUp();
    const otherCentre = uniqueCentreId('import');
    const stranger = await createParticipant(otherCentre, { startDate: '2023-01-05' });
    const order = await call({
      method: 'POST',
      path: `${participantPath(otherCentre, stranger.id)}/orders`,
      claims: claimsFor('staff', otherCentre),
      body: { type: 'fine_serving', startDate: '2023-02-01' },
    });
    const { records } = batch();
    await refused(
      [
        ...records,
        { type: 'entry', date: '2023-06-01', kind: 'cabin_trip', count: 1, participantId: stranger.id },
      ],
      'records',
      'unknown_participant',
    );
    await refused(
      [
        ...records,
        {
          type: 'hours',
          id: randomUUID(),
          participantId: stranger.id,
          orderId: order.body.id,
          date: '2023-06-01',
          hours: 2,
        },
      ],
      'records',
      'unknown_participant',
    );
  });

  it.each([
    [
      'an end before the start',
      0,
      (r: Rec) => ({ ...r, end: { endDate: '2023-01-09', outcome: 'other' } }),
      'records.0.end.endDate',
      'before_start',
    ],
    [
      'a measure before the participation',
      0,
      (r: Rec) => ({ ...r, measures: [{ id: randomUUID(), type: 'vto', startDate: '2023-01-09' }] }),
      'records.0.measures.0.startDate',
      'outside_participation',
    ],
    [
      'an order ending after the participation',
      0,
      (r: Rec) => ({ ...r, orders: [{ ...(r.orders as Rec[])[0], endDate: '2023-12-01' }] }),
      'records.0.orders.0.startDate',
      'outside_participation',
    ],
    [
      'hours outside their order',
      3,
      (r: Rec) => ({ ...r, date: '2023-10-01' }),
      'records.3.date',
      'outside_order',
    ],
    [
      'hours on an order not in the batch',
      3,
      (r: Rec) => ({ ...r, orderId: randomUUID() }),
      'records.3.orderId',
      'unknown_order',
    ],
    ['an unknown kind', 2, (r: Rec) => ({ ...r, kind: 'no_such_kind' }), 'records.2.kind', 'unknown_type'],
    [
      'an unknown measure type',
      0,
      (r: Rec) => ({ ...r, measures: [{ ...(r.measures as Rec[])[0], type: 'community_sentence' }] }),
      'records.0.measures.0.type',
      'unknown_type',
    ],
    [
      'a kind that must name a participant, naming none',
      1,
      (r: Rec) => ({ ...r, participantId: undefined }),
      'records.1.participantId',
      'participant_required',
    ],
    [
      'a kind that names nobody, naming someone',
      2,
      (r: Rec) => ({ ...r, kind: 'food_bag', participantId: PERSON }),
      'records.2.participantId',
      'participant_not_allowed',
    ],
  ] as const)('refuses %s, naming the record and the rule', async (_what, i, change, field, rule) => {
    const { refused } = setUp();
    await refused(edit(batch({ ...freshIds(), person: PERSON }).records, i, change), field, rule);
  });
});
