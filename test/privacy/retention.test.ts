import { randomUUID } from 'node:crypto';
import { runFiguresJob } from '@crux/functions/figures-job/handler';
import { runRetentionJob } from '@crux/functions/retention-job/run';
import { issueLogScope } from '@crux/store/access-log';
import { writeAccessEntry } from '@crux/store/access-log-repo';
import { logRef } from '@crux/store/log-keys';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, claimsFor, functionsReady } from '../api/call';
import { endParticipation } from '../api/fixtures';
import { figureSnapshot, figuresTable, seeder } from '../figures/seed';
import { uniqueCentreId } from '../setup/dynamo';
import {
  accountsRequest,
  centreWithRecords,
  giveAccount,
  itemsHolding,
  logOf,
  type Made,
  poolIn,
} from './records';

/**
 * The retention job with a moved clock, in a table of its own (the job reads every centre's registry
 * entry and every month of the log): with the shipped settings, a participant whose participation ended
 * more than five years ago is anonymised as an erasure would (the figures stay, nothing of the person
 * does, their own account included: the local pool is in the same table), one that ended less is kept
 * to the day; access-log entries older than ten years go, newer stay.
 */
let ctx: Awaited<ReturnType<typeof figuresTable>>;
const centre = uniqueCentreId('keep');
const oldName = `Gammel Deltaker ${randomUUID().slice(0, 8)}`;
const newName = `Ny Deltaker ${randomUUID().slice(0, 8)}`;
let old: Made;
let recent: Made;
let pool: ReturnType<typeof poolIn>;
let oldAccount: Awaited<ReturnType<typeof giveAccount>>;
let recentAccount: Awaited<ReturnType<typeof giveAccount>>;

const job = (at: string) => runRetentionJob({ client: ctx.doc, tableName: ctx.table, now: new Date(at) });
const figures = async () => {
  await runFiguresJob({ client: ctx.doc, tableName: ctx.table });
  return figureSnapshot(ctx.doc, ctx.table);
};

beforeAll(async () => {
  ctx = await figuresTable();
  await functionsReady();
  process.env.TABLE_NAME = ctx.table;
  pool = poolIn(ctx.doc, ctx.table);
  await seeder(ctx.doc, ctx.table).centre(centre);
  old = await centreWithRecords(centre, { year: 2018, displayName: oldName });
  oldAccount = await giveAccount(centre, old.participant.id, claimsFor('staff', centre));
  await endParticipation(centre, old.participant.id, '2019-06-15');
  recent = await centreWithRecords(centre, { year: 2023, displayName: newName });
  recentAccount = await giveAccount(centre, recent.participant.id, claimsFor('staff', centre));
  await endParticipation(centre, recent.participant.id, '2024-05-10');
  // Staff open the old participant's record: an entry that names them by reference.
  const read = await call({
    method: 'GET',
    path: `/api/centres/${centre}/participants/${old.participant.id}`,
    claims: claimsFor('staff', centre),
  });
  expect(read.status).toBe(200);
  // Two entries of long ago, as a centre live for years would hold: one past ten years at the clock below.
  for (const at of ['2015-03-01T10:00:00.000Z', '2015-03-03T10:00:00.000Z']) {
    await writeAccessEntry(
      ctx.doc,
      ctx.table,
      issueLogScope(centre),
      {
        at,
        requestId: randomUUID(),
        subject: 'staff-then',
        role: 'staff',
        via: 'GET /api/centres/{centreId}/participants/{participantId}',
        action: 'read',
        outcome: 'allowed',
        people: { participant: [old.participant.id] },
      },
      randomUUID(),
    );
  }
});

describe('retention: anonymised past the foundation setting, on a moved clock', () => {
  it('keeps a participation that ended five years ago less a day, anonymises it the day after', async () => {
    const figuresBefore = await figures();
    const held = [old.participant.id, oldName, oldAccount.email, oldAccount.id];
    expect(await accountsRequest(ctx.doc, ctx.table, oldAccount.request)).toMatchObject({ status: 201 });

    // Five years after the end on 2019-06-15: kept through 2024-06-15, anonymised from 2024-06-16.
    const early = await job('2024-06-15T12:00:00Z');
    expect(early).toMatchObject({ participantCutoff: '2019-06-15', participantsAnonymised: 0 });
    expect((await itemsHolding(ctx.doc, ctx.table, held)).length).toBeGreaterThan(0);

    const due = await job('2024-06-16T12:00:00Z');
    expect(due).toMatchObject({
      participantCutoff: '2019-06-16',
      participantsAnonymised: 1,
      accountsDeleted: 1,
    });
    // Nothing in the whole table holds the person's name or id, nor those of their records.
    const recordIds = [old.measureId, old.orderId, old.hours.id, old.entry.id];
    expect(await itemsHolding(ctx.doc, ctx.table, [...held, ...recordIds])).toEqual([]);
    // Their own account is gone from the pool, with its sessions, and so is the request that made it.
    expect(await pool.users.bySub(oldAccount.id)).toBeUndefined();
    expect(await pool.users.stillValid(oldAccount.id, Date.now())).toBeUndefined();
    expect(await accountsRequest(ctx.doc, ctx.table, oldAccount.request)).toBeUndefined();
    // The one who ended later is kept whole, their account and its request too.
    expect((await itemsHolding(ctx.doc, ctx.table, [recent.participant.id, newName])).length).toBeGreaterThan(
      3,
    );
    expect(await pool.users.stillValid(recentAccount.id, Date.now())).toMatchObject({
      sub: recentAccount.id,
    });
    expect(await accountsRequest(ctx.doc, ctx.table, recentAccount.request)).toMatchObject({ status: 201 });
    // Every figure of every period, every audience, exactly as before.
    expect(await figures()).toEqual(figuresBefore);

    // The job's erasure is in the centre's log, naming the person by reference only.
    const ref = logRef(centre, 'participant', old.participant.id);
    const erasures = (await logOf(centre)).filter((e) => e.action === 'erase');
    expect(erasures).toMatchObject([
      {
        via: 'retention-job',
        subject: 'retention-job',
        role: 'job',
        outcome: 'allowed',
        requestId: due.runId,
      },
    ]);
    expect(erasures[0]?.people.participant).toEqual([ref]);

    // A rerun finds nothing more to do.
    expect(await job('2024-06-17T12:00:00Z')).toMatchObject({ participantsAnonymised: 0 });
    // Two figures runs, three retention runs and whole-table searches: slow on a busy machine.
  }, 120_000);

  it('deletes access-log entries past ten years and keeps the rest', async () => {
    const days = async () => (await logOf(centre)).map((e) => e.at.slice(0, 10));
    expect(await days()).toContain('2015-03-01');
    // Ten years before 2025-03-02 is 2015-03-02: the entry of the 1st goes, the one of the 3rd stays.
    const run = await job('2025-03-02T12:00:00Z');
    expect(run).toMatchObject({ accessLogCutoff: '2015-03-02', logEntriesDeleted: 1 });
    const left = await days();
    expect(left).not.toContain('2015-03-01');
    expect(left).toContain('2015-03-03');
    expect(left.filter((d) => d > '2020-01-01').length).toBeGreaterThan(2);
    // The next run starts where this one stopped and deletes nothing twice.
    expect(await job('2025-03-02T13:00:00Z')).toMatchObject({ logEntriesDeleted: 0 });
  });
});
