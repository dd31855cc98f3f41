import { randomUUID } from 'node:crypto';
import { startingCatalogue } from '@crux/domain/catalogue/starting';
import { runFiguresJob } from '@crux/functions/figures-job/handler';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, claimsFor, functionsReady } from '../api/call';
import { endParticipation } from '../api/fixtures';
import { figureSnapshot, figuresTable, seeder } from '../figures/seed';
import { uniqueCentreId } from '../setup/dynamo';
import { accountsRequest, centreWithRecords, giveAccount, itemsHolding, type Made, poolIn } from './records';

/**
 * The person's rights, each one action of the leader (GDPR Art. 15, 17 and 20, Normen's *innsyn i logg*):
 * "who has read my record", everything held about them, and their erasure, after which the whole table
 * holds neither their name nor any id they were shown, and every figure is as it was. In a table of its
 * own, with the local identity provider's pool in it, so the whole table (their own account included)
 * can be searched and its figures compared.
 */
let ctx: Awaited<ReturnType<typeof figuresTable>>;
const centre = uniqueCentreId('rights');
const name = `Kari Rettighet ${randomUUID().slice(0, 8)}`;
let person: Made;
let pool: ReturnType<typeof poolIn>;
let account: Awaited<ReturnType<typeof giveAccount>>;
/** One leader throughout: a retry is the same caller's. */
const theLeader = claimsFor('leader', centre);
const leader = () => theLeader;
const at = () => `/api/centres/${centre}/participants/${person.participant.id}`;

beforeAll(async () => {
  ctx = await figuresTable();
  await functionsReady();
  process.env.TABLE_NAME = ctx.table;
  pool = poolIn(ctx.doc, ctx.table);
  await seeder(ctx.doc, ctx.table).centre(centre);
  person = await centreWithRecords(centre, { displayName: name });
  // Their own account, given while they take part: in the pool, and in the accounts API's records.
  account = await giveAccount(centre, person.participant.id, leader());
  await centreWithRecords(centre, { displayName: 'Noen Andre' });
  await endParticipation(centre, person.participant.id, '2024-10-31');
});

describe("the person's rights", () => {
  it('"who has read my record": every entry about them, oldest first, who and what', async () => {
    const staff = claimsFor('staff', centre);
    expect((await call({ method: 'GET', path: at(), claims: staff })).status).toBe(200);
    const report = await call({ method: 'GET', path: `${at()}/access-log`, claims: leader() });
    expect(report.status).toBe(200);
    expect(report.body.participant).toEqual({ id: person.participant.id, displayName: name });
    // The report's own request is logged too (beside its read): the rest is what was done before.
    const items = (
      report.body.items as { at: string; subject: string; action: string; via: string }[]
    ).filter((i) => !i.via.endsWith('/access-log'));
    expect(items.map((i) => i.at)).toEqual([...items.map((i) => i.at)].sort());
    expect(items.at(-1)).toMatchObject({ subject: staff.sub, action: 'read', outcome: 'allowed' });
    // Made through the API: the participant, a measure, an order, hours, an entry, their account, the
    // end, the read.
    expect(items.map((i) => i.action)).toEqual([
      'create',
      'create',
      'create',
      'create',
      'create',
      'create',
      'update',
      'read',
    ]);
  });

  it('export: the record, measures, orders, hours, entries and the log about them, as JSON', async () => {
    const answer = await call({ method: 'GET', path: `${at()}/export`, claims: leader() });
    expect(answer.status).toBe(200);
    const held = answer.body;
    expect(held.participant).toMatchObject({
      id: person.participant.id,
      displayName: name,
      endDate: '2024-10-31',
    });
    expect(Object.keys(held.participant.measures)).toEqual([person.measureId]);
    expect(Object.keys(held.participant.orders)).toEqual([person.orderId]);
    expect(held.records.hours).toMatchObject([{ id: person.hours.id, hours: 2.5 }]);
    expect(held.records.entry).toMatchObject([{ id: person.entry.id, participantId: person.participant.id }]);
    // Each catalogue code with the catalogue's name beside it, bokmål and English.
    const nameIn = (list: readonly { id: string; name: unknown }[], id: string) =>
      list.find((e) => e.id === id)?.name;
    const c = startingCatalogue;
    expect(held.participant.measures[person.measureId]).toMatchObject({
      type: 'vto',
      typeName: nameIn(c.measureTypes, 'vto'),
    });
    expect(held.participant.orders[person.orderId]).toMatchObject({
      type: 'community_sentence',
      typeName: nameIn(c.orderTypes, 'community_sentence'),
    });
    expect(held.records.entry[0]).toMatchObject({
      kind: 'cabin_trip',
      kindName: nameIn(c.activityKinds, 'cabin_trip'),
    });
    expect(held.accessLog.length).toBeGreaterThan(5);
    // Nothing of anyone else, and none of the table's own keys.
    expect(JSON.stringify(held)).not.toMatch(/Noen Andre|"PK"|"GSI/);
  });

  it('erasure: nothing of the person left anywhere in the table, every figure as it was', async () => {
    await runFiguresJob({ client: ctx.doc, tableName: ctx.table });
    const before = await figureSnapshot(ctx.doc, ctx.table);

    // Before: the account signs in, its sessions are honoured, its request's answer is remembered.
    const password = pool.invitations.find((i) => i.to === account.email)?.temporaryPassword ?? '';
    expect(await pool.users.checkPassword(account.email, password)).toMatchObject({ kind: 'ok' });
    expect(await pool.users.stillValid(account.id, Date.now())).toMatchObject({ sub: account.id });
    expect(await accountsRequest(ctx.doc, ctx.table, account.request)).toMatchObject({ status: 201 });

    const key = randomUUID();
    const erase = () =>
      call({
        method: 'POST',
        path: `${at()}/erasure`,
        claims: leader(),
        body: { version: 2 },
        idempotencyKey: key,
      });
    const erased = await erase();
    expect(erased.status, JSON.stringify(erased.body)).toBe(200);
    expect(erased.body).toEqual({ erased: true });
    // A retry is answered the same and erases nothing twice.
    expect(await erase()).toMatchObject({ status: 200, body: { erased: true } });

    const ids = [person.participant.id, person.measureId, person.orderId, person.hours.id, person.entry.id];
    expect(await itemsHolding(ctx.doc, ctx.table, [name, account.email, account.id, ...ids])).toEqual([]);
    // Their own account is gone: no sign-in with its password, no session or refresh token honoured,
    // and the accounts API no longer remembers the answer that carried it.
    expect(await pool.users.checkPassword(account.email, password)).toEqual({ kind: 'wrong' });
    expect(await pool.users.stillValid(account.id, Date.now())).toBeUndefined();
    expect(await accountsRequest(ctx.doc, ctx.table, account.request)).toBeUndefined();
    expect((await call({ method: 'GET', path: at(), claims: leader() })).status).toBe(404);

    await runFiguresJob({ client: ctx.doc, tableName: ctx.table });
    expect(await figureSnapshot(ctx.doc, ctx.table)).toEqual(before);

    // The log keeps the erasure itself, and the person who brings their id still gets the report.
    const report = await call({ method: 'GET', path: `${at()}/access-log`, claims: leader() });
    expect(report.body.participant).toEqual({ id: person.participant.id });
    const erasures = (report.body.items as { action: string; code?: string; subject: string }[]).filter(
      (i) => i.action === 'erase',
    );
    // The erasure and its retry, by the leader; the retry changed nothing, which the entry shows no code for.
    expect(erasures).toHaveLength(2);
    expect(erasures[0]).toMatchObject({ subject: theLeader.sub, outcome: 'allowed' });
    expect(erasures[0]?.code).toBeUndefined();
  });

  it('erasure against a version no longer current is a conflict, and erases nothing', async () => {
    const other = await centreWithRecords(centre, { displayName: 'Versjon Person' });
    const path = `/api/centres/${centre}/participants/${other.participant.id}/erasure`;
    const stale = await call({ method: 'POST', path, claims: leader(), body: { version: 7 } });
    expect(stale.status).toBe(409);
    expect((await itemsHolding(ctx.doc, ctx.table, ['Versjon Person'])).length).toBeGreaterThan(0);
  });
});
