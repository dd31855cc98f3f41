import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { figuresTable } from '../figures/seed';
import { type Answer, call, claimsFor, functionsReady } from './call';
import { createParticipant, made, participantPath } from './fixtures';
import { centrePartition, partition } from './snapshot';

/**
 * Every write that names something of the catalogue, refused when the catalogue says no: an unknown or
 * retired kind or type, a participant where the kind takes none or none where it must name one. The
 * catalogue is the foundation's, one per table, so this file retires entries in a table of its own.
 * Each refusal names the field and writes nothing, in the centre or the catalogue.
 */
const centre = 'katalog-nei';
const staff = claimsFor('staff', centre);
const leader = claimsFor('leader', centre);
const admin = claimsFor('admin');
const base = `/api/centres/${centre}`;
let person: string;
let measure: string;
let order: string;
let entry: { date: string; id: string };

const entryOf = (id: string, name: string, over: Record<string, unknown> = {}) => ({
  id,
  name: { nb: name, en: name },
  order: 500,
  status: 'active',
  ...over,
});

/** The admin's change, made on the catalogue as it is now. */
async function change(body: Record<string, unknown>) {
  const { catalogue } = (await call({ method: 'GET', path: '/api/catalogue', claims: admin })).body;
  const answer = await call({
    method: 'POST',
    path: '/api/admin/catalogue/changes',
    claims: admin,
    body: { base: catalogue, change: { version: catalogue.version, ...body } },
  });
  if (answer.status !== 200) throw new Error(JSON.stringify(answer.body));
}

beforeAll(async () => {
  const ctx = await figuresTable();
  await functionsReady();
  process.env.TABLE_NAME = ctx.table;
  const kind = (id: string, over: Record<string, unknown>) =>
    entryOf(id, id, { section: 'centre_activity', counts: 'sum', participant: 'may', ...over });
  await change({ op: 'add', list: 'activityKinds', entry: kind('old_kind', {}) });
  await change({
    op: 'add',
    list: 'activityKinds',
    entry: kind('walk', { counts: 'participants', participant: 'must' }),
  });
  await change({ op: 'add', list: 'activityKinds', entry: kind('flyer', { participant: 'mustNot' }) });
  await change({
    op: 'add',
    list: 'measureTypes',
    entry: entryOf('old_measure', 'old', { section: 'work_training' }),
  });
  await change({
    op: 'add',
    list: 'orderTypes',
    entry: entryOf('old_order', 'old', { section: 'correctional' }),
  });
  for (const [list, id] of [
    ['activityKinds', 'old_kind'],
    ['measureTypes', 'old_measure'],
    ['orderTypes', 'old_order'],
  ]) {
    await change({ op: 'update', list, id, patch: { status: 'retired' } });
  }
  person = (await createParticipant(centre, { startDate: '2024-01-02' })).id;
  const page = participantPath(centre, person);
  measure = (await made(centre, `${page}/measures`, { type: 'vto', startDate: '2024-02-01' })).id;
  order = (await made(centre, `${page}/orders`, { type: 'fine_serving', startDate: '2024-02-01' })).id;
  [entry] = (
    await made(centre, `${base}/activities`, { date: '2024-03-05', entries: [{ kind: 'visit', count: 2 }] })
  ).items;
}, 60_000);

const save = (entries: Record<string, unknown>[]) =>
  call({ method: 'POST', path: `${base}/activities`, claims: staff, body: { date: '2024-03-06', entries } });
const correct = (item: Record<string, unknown>) =>
  call({
    method: 'PUT',
    path: `${base}/activities/${entry.date}/${entry.id}`,
    claims: staff,
    body: { ...item, version: 1 },
  });
const span = (list: 'measures' | 'orders', type: string, id?: string) =>
  call({
    method: id ? 'PUT' : 'POST',
    path: `${participantPath(centre, person)}/${list}${id ? `/${id}` : ''}`,
    claims: staff,
    body: { type, startDate: '2024-04-01', ...(id ? { version: 1 } : {}) },
  });
const importing = (record: Record<string, unknown>) =>
  call({ method: 'POST', path: `${base}/imports`, claims: leader, body: { records: [record] } });
const imported = (spans: Record<string, unknown>) =>
  importing({
    type: 'participant',
    id: randomUUID(),
    body: { displayName: 'Ny', birthYear: 1990, startDate: '2024-01-02', referralSource: 'self' },
    ...spans,
  });

const cases: [string, () => Promise<Answer>, string, string][] = [
  [
    'a save of a retired kind',
    () =>
      save([
        { kind: 'visit', count: 1 },
        { kind: 'old_kind', count: 1 },
      ]),
    'entries.1.kind',
    'retired',
  ],
  [
    'a save of an unknown kind',
    () => save([{ kind: 'no_such_kind', count: 1 }]),
    'entries.0.kind',
    'unknown_type',
  ],
  [
    'a save of a kind that must name a participant',
    () => save([{ kind: 'walk', count: 1 }]),
    'entries.0.participantId',
    'participant_required',
  ],
  [
    'a save of a kind that names nobody, naming someone',
    () => save([{ kind: 'flyer', count: 1, participantId: person }]),
    'entries.0.participantId',
    'participant_not_allowed',
  ],
  ['a correction to a retired kind', () => correct({ kind: 'old_kind', count: 1 }), 'kind', 'retired'],
  [
    'a correction to a kind that must name a participant',
    () => correct({ kind: 'walk', count: 1 }),
    'participantId',
    'participant_required',
  ],
  ['a measure of a retired type', () => span('measures', 'old_measure'), 'type', 'retired'],
  [
    'a measure corrected to a retired type',
    () => span('measures', 'old_measure', measure),
    'type',
    'retired',
  ],
  ['an order of a retired type', () => span('orders', 'old_order'), 'type', 'retired'],
  ['an order corrected to a retired type', () => span('orders', 'old_order', order), 'type', 'retired'],
  ['an order of an unknown type', () => span('orders', 'no_such_type'), 'type', 'unknown_type'],
  [
    'a retired kind shown on I dag',
    () =>
      call({
        method: 'PUT',
        path: `${base}/settings`,
        claims: leader,
        body: { todayKinds: ['visit', 'old_kind'], version: 0 },
      }),
    'todayKinds.1',
    'unknown_type',
  ],
  [
    'an import of a retired kind',
    () => importing({ type: 'entry', date: '2024-03-06', kind: 'old_kind', count: 1 }),
    'records.0.kind',
    'retired',
  ],
  [
    'an import of a kind that must name a participant',
    () => importing({ type: 'entry', date: '2024-03-06', kind: 'walk', count: 1 }),
    'records.0.participantId',
    'participant_required',
  ],
  [
    'an import of a measure of a retired type',
    () => imported({ measures: [{ id: randomUUID(), type: 'old_measure', startDate: '2024-02-01' }] }),
    'records.0.measures.0.type',
    'retired',
  ],
  [
    'an import of an order of a retired type',
    () => imported({ orders: [{ id: randomUUID(), type: 'old_order', startDate: '2024-02-01' }] }),
    'records.0.orders.0.type',
    'retired',
  ],
];

describe('writes the catalogue refuses', () => {
  it.each(cases)('refuses %s, naming the field, writing nothing', async (_what, send, field, rule) => {
    const before = [await centrePartition(centre), await partition('CATALOGUE')];
    const answer = await send();
    expect(answer.status, JSON.stringify(answer.body)).toBe(400);
    expect(answer.body.error.fields).toEqual([expect.objectContaining({ field, rule })]);
    expect([await centrePartition(centre), await partition('CATALOGUE')]).toEqual(before);
  });

  it('takes what the admin-added kinds allow, so each refusal above was for its rule', async () => {
    expect((await save([{ kind: 'walk', count: 1, participantId: person }])).status).toBe(201);
    expect((await save([{ kind: 'flyer', count: 40 }])).status).toBe(201);
    expect((await correct({ kind: 'walk', count: 1, participantId: person })).status).toBe(200);
    expect((await span('measures', 'mentor')).status).toBe(201);
    expect((await span('orders', 'community_sentence')).status).toBe(201);
  });
});
