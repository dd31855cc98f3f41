import { randomUUID } from 'node:crypto';
import { startingCatalogue } from '@crux/domain/catalogue/starting';
import { runFiguresJob } from '@crux/functions/figures-job/handler';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, claimsFor, functionsReady } from '../api/call';
import { createParticipant } from '../api/fixtures';
import { figuresTable, seeder } from '../figures/seed';

/**
 * The catalogue end to end, in a table of this file's own (the catalogue is the foundation's, one per
 * table): what every role reads, the admin's changes and their history, and a kind added by the admin
 * registered, counted and shown without a restart or a deploy.
 */
let ctx: Awaited<ReturnType<typeof figuresTable>>;
const centre = 'katalog-a';
const admin = claimsFor('admin');
const staff = claimsFor('staff', centre);
const now = new Date();
const today = now.toISOString().slice(0, 10);
const year = Number(today.slice(0, 4));

const homeVisit = {
  id: 'home_visit',
  name: { nb: 'Hjemmebesøk', en: 'Home visits' },
  section: 'centre_activity',
  order: 80,
  status: 'active',
  counts: 'sum',
  participant: 'may',
};

async function catalogue() {
  const answer = await call({ method: 'GET', path: '/api/catalogue', claims: staff });
  expect(answer.status).toBe(200);
  return answer.body;
}

async function change(body: Record<string, unknown>, base?: unknown) {
  const current = base ?? (await catalogue()).catalogue;
  return call({
    method: 'POST',
    path: '/api/admin/catalogue/changes',
    claims: admin,
    body: { base: current, change: { version: (current as { version: number }).version, ...body } },
  });
}

const save = (entries: unknown[], date = today) =>
  call({ method: 'POST', path: `/api/centres/${centre}/activities`, claims: staff, body: { date, entries } });

beforeAll(async () => {
  ctx = await figuresTable();
  await functionsReady();
  process.env.TABLE_NAME = ctx.table;
  await seeder(ctx.doc, ctx.table).centre(centre, 'CRUX Katalog');
}, 60_000);

describe('the catalogue', () => {
  it('is the starting catalogue until the admin changes it, and every role reads it', async () => {
    for (const role of ['staff', 'leader', 'volunteer'] as const) {
      const answer = await call({ method: 'GET', path: '/api/catalogue', claims: claimsFor(role, centre) });
      expect(answer.body.catalogue).toEqual(startingCatalogue);
    }
    for (const role of ['headoffice', 'network', 'admin'] as const) {
      expect((await call({ method: 'GET', path: '/api/catalogue', claims: claimsFor(role) })).status).toBe(
        200,
      );
    }
  });

  it('a kind the admin adds is registered in I dag, counted by the job and shown to every audience, with no restart', async () => {
    const before = await save([{ kind: 'home_visit', count: 2 }]);
    expect(before.status).toBe(400);
    expect(before.body.error.fields).toEqual([
      expect.objectContaining({ field: 'entries.0.kind', rule: 'unknown_type' }),
    ]);

    const added = await change({ op: 'add', list: 'activityKinds', entry: homeVisit });
    expect(added.status).toBe(200);
    expect(added.body.catalogue.version).toBe(startingCatalogue.version + 1);
    expect(added.body.catalogue.activityKinds).toContainEqual(homeVisit);

    const saved = await save([
      { kind: 'home_visit', count: 3 },
      { kind: 'visit', count: 5 },
    ]);
    expect(saved.status).toBe(201);
    await runFiguresJob({ client: ctx.doc, tableName: ctx.table, now });
    const own = await call({ method: 'GET', path: `/api/centres/${centre}/figures/${year}`, claims: staff });
    expect(own.body.figures['kind.home_visit']).toBe(3);
    const hq = await call({
      method: 'GET',
      path: `/api/headoffice/figures/${year}`,
      claims: claimsFor('headoffice'),
    });
    expect(hq.body.total.figures['kind.home_visit']).toBe(3);
    const net = await call({
      method: 'GET',
      path: `/api/network/figures/${year}`,
      claims: claimsFor('network'),
    });
    // Three is under five: the network sees that it is hidden, never the number.
    expect(net.body.total.figures['kind.home_visit']).toEqual({ suppressed: 'small' });
  });

  it('keeps every change: who, when, and the entry before and after', async () => {
    const history = await call({ method: 'GET', path: '/api/admin/catalogue/history', claims: admin });
    expect(history.status).toBe(200);
    expect(history.body.items[0]).toMatchObject({
      version: startingCatalogue.version + 1,
      who: admin.sub,
      before: null,
      after: homeVisit,
      change: { op: 'add', list: 'activityKinds' },
    });
    expect(Date.parse(history.body.items[0].when)).toBeGreaterThan(0);
  });

  it('a retired kind leaves registration; what was counted under it stays', async () => {
    const retired = await change({
      op: 'update',
      list: 'activityKinds',
      id: 'home_visit',
      patch: { status: 'retired' },
    });
    expect(retired.status).toBe(200);
    const refused = await save([{ kind: 'home_visit', count: 1 }]);
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields).toEqual([
      expect.objectContaining({ field: 'entries.0.kind', rule: 'retired' }),
    ]);
    await runFiguresJob({ client: ctx.doc, tableName: ctx.table, now });
    const own = await call({ method: 'GET', path: `/api/centres/${centre}/figures/${year}`, claims: staff });
    expect(own.body.figures['kind.home_visit']).toBe(3);
  });

  it('refuses to change what a kind counts, or to remove it, once something is counted under it', async () => {
    const counts = await change({
      op: 'update',
      list: 'activityKinds',
      id: 'home_visit',
      patch: { counts: 'persons' },
    });
    expect(counts.status).toBe(400);
    expect(counts.body.error.fields).toEqual([
      expect.objectContaining({ field: 'change.patch.counts', rule: 'counting_locked' }),
    ]);
    const removed = await change({ op: 'remove', list: 'activityKinds', id: 'home_visit' });
    expect(removed.status).toBe(400);
    expect(removed.body.error.fields).toEqual([
      expect.objectContaining({ field: 'change.id', rule: 'has_history' }),
    ]);
    // A kind nothing was registered under may go.
    const slip = { ...homeVisit, id: 'slip', name: { nb: 'Feilskrevet', en: 'Misspelt' } };
    expect((await change({ op: 'add', list: 'activityKinds', entry: slip })).status).toBe(200);
    expect((await change({ op: 'remove', list: 'activityKinds', id: 'slip' })).status).toBe(200);
  });

  it('a change made on an older catalogue is a conflict carrying the catalogue as it is, never applied', async () => {
    const old = (await catalogue()).catalogue;
    expect(
      (await change({ op: 'update', list: 'activityKinds', id: 'visit', patch: { order: 11 } }, old)).status,
    ).toBe(200);
    const late = await change(
      { op: 'update', list: 'activityKinds', id: 'visit', patch: { order: 12 } },
      old,
    );
    expect(late.status).toBe(409);
    expect(
      late.body.error.current.catalogue.activityKinds.find((k: { id: string }) => k.id === 'visit').order,
    ).toBe(11);
  });

  it('checks a save against each kind’s participant rule, naming the entry', async () => {
    const p = await createParticipant(centre, { startDate: '2024-01-10' });
    const trip = await save([{ kind: 'cabin_trip', count: 1 }]);
    expect(trip.body.error.fields).toEqual([
      expect.objectContaining({ field: 'entries.0.participantId', rule: 'participant_required' }),
    ]);
    const food = await save([
      { kind: 'visit', count: 1 },
      { kind: 'food_bag', count: 1, participantId: p.id },
    ]);
    expect(food.body.error.fields).toEqual([
      expect.objectContaining({ field: 'entries.1.participantId', rule: 'participant_not_allowed' }),
    ]);
    expect((await save([{ kind: 'cabin_trip', count: 1, participantId: p.id }])).status).toBe(201);
  });

  it('refuses a base that is not a catalogue, and a change of an unknown shape, naming the field', async () => {
    const noBase = await call({
      method: 'POST',
      path: '/api/admin/catalogue/changes',
      claims: admin,
      body: { change: {} },
    });
    expect(noBase.status).toBe(400);
    expect(noBase.body.error.fields).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'base' })]),
    );
    const odd = await change({ op: 'paint', list: 'activityKinds' });
    expect(odd.status).toBe(400);
    expect(odd.body.error.fields[0].field).toBe('change.op');
  });

  it('a retried change is applied once and answered the same; its key on another change is 422', async () => {
    const current = (await catalogue()).catalogue;
    const key = randomUUID();
    const body = (patch: Record<string, unknown>) => ({
      base: current,
      change: { op: 'update', list: 'activityKinds', id: 'visit', version: current.version, patch },
    });
    const send = (b: unknown) =>
      call({
        method: 'POST',
        path: '/api/admin/catalogue/changes',
        claims: admin,
        body: b,
        idempotencyKey: key,
      });
    const history = async () =>
      (await call({ method: 'GET', path: '/api/admin/catalogue/history', claims: admin })).body.items;
    const before = (await history()).length;
    const first = await send(body({ order: 13 }));
    expect(first.status).toBe(200);
    expect(await send(body({ order: 13 }))).toEqual(first);
    const reused = await send(body({ order: 14 }));
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe('idempotency_key_reused');
    expect(await history()).toHaveLength(before + 1);
    expect((await catalogue()).catalogue).toEqual(first.body.catalogue);
  });
});
