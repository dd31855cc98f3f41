import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { runFiguresJob } from '@crux/functions/figures-job/handler';
import { markMonthDirty } from '@crux/store/dirty-markers';
import { centreKeys, DIRTY, headOfficeKeys, networkKeys } from '@crux/store/keys';
import { issueTenantScope } from '@crux/store/tenant-scope';
import { beforeAll, describe, expect, it } from 'vitest';
import { fig, figureSnapshot, figuresTable, headline, seeder } from './seed';

/** Mid-March 2025 in Oslo: March is the current month. */
const now = new Date('2025-03-15T12:00:00Z');
const A = 'alpha';
const B = 'bravo';

describe('figures job against hand-counted figures', () => {
  let ctx: Awaited<ReturnType<typeof figuresTable>>;
  const get = async (key: { PK: string; SK: string }) =>
    (await ctx.doc.send(new GetCommand({ TableName: ctx.table, Key: key, ConsistentRead: true }))).Item;
  const scopeA = issueTenantScope(A, 'job', 'test');
  const scopeB = issueTenantScope(B, 'job', 'test');
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    ctx = await figuresTable();
    const seed = seeder(ctx.doc, ctx.table);
    await seed.centre(A, 'CRUX Alfa');
    await seed.centre(B, 'CRUX Bravo');
    // Centre A: one long-running open participation, one over New Year, one starting on the last day of
    // February, one that ended before 2025.
    ids.p1 = await seed.participant(A, 'p1', '2024-11-10');
    ids.p2 = await seed.participant(A, 'p2', '2024-12-01');
    await seed.end(A, ids.p2, '2025-01-31');
    ids.p3 = await seed.participant(A, 'p3', '2025-02-28');
    ids.p4 = await seed.participant(A, 'p4', '2023-05-01');
    await seed.end(A, ids.p4, '2024-11-30');
    await seed.activity(A, '2024-12-31', 'visit', 5);
    await seed.activity(A, '2025-01-01', 'visit', 3);
    await seed.activity(A, '2025-01-15', 'contact_point', 10);
    await seed.activity(A, '2025-02-28', 'visit', 2);
    await seed.activity(A, '2025-03-01', 'contact_point', 4);
    // Centre B: one participant in January.
    ids.q1 = await seed.participant(B, 'q1', '2025-01-05');
    await seed.activity(B, '2025-01-05', 'visit', 7);
  });

  it('counts months and years by hand, boundaries included', async () => {
    const summary = await runFiguresJob({ client: ctx.doc, tableName: ctx.table, now });
    expect(summary.status).toBe('done');
    expect(summary.currentMonth).toBe('2025-03');
    expect(summary.markers.kept).toBe(0);
    // p4's span reaches back to May 2023.
    expect(summary.years).toEqual([2023, 2024, 2025]);

    const month = async (s: typeof scopeA, m: string) =>
      headline((await get(centreKeys.figuresMonth(s, m)))?.figures);
    const year = async (s: typeof scopeA, y: number) =>
      headline((await get(centreKeys.figuresYear(s, y)))?.figures);
    expect(await month(scopeA, '2024-11')).toEqual(fig(2, 1, 0, 0));
    expect(await month(scopeA, '2024-12')).toEqual(fig(2, 1, 5, 0));
    expect(await month(scopeA, '2025-01')).toEqual(fig(2, 0, 3, 10));
    expect(await month(scopeA, '2025-02')).toEqual(fig(2, 1, 2, 0));
    expect(await month(scopeA, '2025-03')).toEqual(fig(2, 0, 0, 4));
    expect(await year(scopeA, 2023)).toEqual(fig(1, 1, 0, 0));
    expect(await year(scopeA, 2024)).toEqual(fig(3, 2, 5, 0));
    // Distinct people over the year (p1, p2, p3), not the sum of the months (2 + 2 + 2).
    expect(await year(scopeA, 2025)).toEqual(fig(3, 1, 5, 14));
    expect(await month(scopeB, '2025-01')).toEqual(fig(1, 1, 7, 0));
    expect(await month(scopeB, '2025-03')).toEqual(fig(1, 0, 0, 0));
    expect(await year(scopeB, 2025)).toEqual(fig(1, 1, 7, 0));
    expect(await month(scopeB, '2024-12')).toBeUndefined();
  });

  it('publishes head-office rows with the year before, names and the foundation totals', async () => {
    const row = async (centre: string) => {
      const item = await get(headOfficeKeys.year(2025, centre));
      return {
        centre: item?.centre,
        name: item?.name,
        figures: headline(item?.figures),
        previous: headline(item?.previous) ?? null,
      };
    };
    expect(await row(A)).toEqual({
      centre: A,
      name: 'CRUX Alfa',
      figures: fig(3, 1, 5, 14),
      previous: fig(3, 2, 5, 0),
    });
    expect(await row(B)).toMatchObject({ figures: fig(1, 1, 7, 0), previous: null });
    expect(await row('TOTAL')).toMatchObject({ figures: fig(4, 2, 12, 14), previous: fig(3, 2, 5, 0) });
    expect(headline((await get(headOfficeKeys.month(2025, '2025-01', 'TOTAL')))?.figures)).toEqual(
      fig(3, 1, 10, 10),
    );
    expect(headline((await get(headOfficeKeys.month(2025, '2025-03', B)))?.figures)).toEqual(fig(1, 0, 0, 0));
  });

  it('publishes the network year suppressed: small counts and the cells that would give them away', async () => {
    const net = await ctx.doc.send(
      new QueryCommand({
        TableName: ctx.table,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': networkKeys.pk(2025) },
      }),
    );
    const byCentre = Object.fromEntries((net.Items ?? []).map((i) => [i.centre, headline(i.figures)]));
    const small = { suppressed: 'small' };
    const cells = (p: unknown, n: unknown, v: unknown, c: unknown) => ({
      participants: p,
      'participants.new': n,
      'kind.visit': v,
      'kind.contact_point': c,
    });
    expect(byCentre[A]).toEqual(cells(small, small, 5, 14));
    // Alfa's staff know Alfa's 3 and 1: with the total "under 5", Bravo's "under 5" would be exactly 1,
    // so Bravo's participants and new participants are hidden without saying even that.
    const line = { suppressed: 'line' };
    expect(byCentre[B]).toEqual(cells(line, line, 7, 0));
    expect(byCentre.TOTAL).toEqual(cells(small, small, 12, 14));
  });

  it('clears every marker it handled and records the counted months on each participant', async () => {
    const dirty = await ctx.doc.send(
      new QueryCommand({
        TableName: ctx.table,
        IndexName: 'GSI2',
        KeyConditionExpression: 'GSI2PK = :d',
        ExpressionAttributeValues: { ':d': DIRTY },
      }),
    );
    expect(dirty.Items ?? []).toEqual([]);
    expect(await get(centreKeys.participant(scopeA, ids.p1 ?? ''))).toMatchObject({
      countedFrom: '2024-11',
      countedThrough: 'open',
    });
    expect(await get(centreKeys.participant(scopeA, ids.p4 ?? ''))).toMatchObject({
      countedFrom: '2023-05',
      countedThrough: '2024-11',
    });
  });

  it('a rerun with nothing changed writes nothing and changes nothing', async () => {
    const before = await figureSnapshot(ctx.doc, ctx.table);
    const summary = await runFiguresJob({ client: ctx.doc, tableName: ctx.table, now });
    expect(summary.itemsWritten).toBe(0);
    expect(summary.centreYears).toBe(0);
    expect(await figureSnapshot(ctx.doc, ctx.table)).toEqual(before);
  });

  it('recomputes after an end and a new visit, including the months the participant no longer counts in', async () => {
    const seed = seeder(ctx.doc, ctx.table);
    await seed.end(A, ids.p1 ?? '', '2025-02-15');
    await seed.activity(B, '2025-03-10', 'visit', 6);
    const summary = await runFiguresJob({ client: ctx.doc, tableName: ctx.table, now });
    // p1 was counted 2024-11..open: the years of those months are recounted, and only those (+ B's 2025).
    expect(summary.centreYears).toBe(2 + 1);
    expect(headline((await get(centreKeys.figuresMonth(scopeA, '2025-03')))?.figures)).toEqual(
      fig(1, 0, 0, 4),
    );
    expect(headline((await get(centreKeys.figuresMonth(scopeA, '2025-02')))?.figures)).toEqual(
      fig(2, 1, 2, 0),
    );
    expect(headline((await get(centreKeys.figuresYear(scopeA, 2025)))?.figures)).toEqual(fig(3, 1, 5, 14));
    expect(headline((await get(centreKeys.figuresYear(scopeB, 2025)))?.figures)).toEqual(fig(1, 1, 13, 0));
    expect(headline((await get(headOfficeKeys.year(2025, 'TOTAL')))?.figures)).toEqual(fig(4, 2, 18, 14));
    expect(headline((await get(headOfficeKeys.month(2025, '2025-03', 'TOTAL')))?.figures)).toEqual(
      fig(2, 0, 6, 4),
    );
    expect(await get(centreKeys.participant(scopeA, ids.p1 ?? ''))).toMatchObject({
      countedThrough: '2025-02',
    });
  });

  it('a change to last year reaches this year’s `previous`, for the centre and the total', async () => {
    await seeder(ctx.doc, ctx.table).activity(A, '2024-06-10', 'visit', 10);
    const summary = await runFiguresJob({ client: ctx.doc, tableName: ctx.table, now });
    expect(summary.years).toEqual([2024]);
    expect(headline((await get(headOfficeKeys.year(2024, A)))?.figures)).toEqual(fig(3, 2, 15, 0));
    const a2025 = await get(headOfficeKeys.year(2025, A));
    expect([headline(a2025?.figures), headline(a2025?.previous)]).toEqual([
      fig(3, 1, 5, 14),
      fig(3, 2, 15, 0),
    ]);
    expect(headline((await get(headOfficeKeys.year(2025, 'TOTAL')))?.previous)).toEqual(fig(3, 2, 15, 0));
  });

  it('is idempotent: every month marked dirty again and rerun gives the same figures', async () => {
    const before = await figureSnapshot(ctx.doc, ctx.table);
    // Every month each centre has figures for (B has none before 2025).
    const marked: [typeof scopeA, string][] = [
      ...[
        '2023-05',
        '2023-12',
        '2024-01',
        '2024-06',
        '2024-11',
        '2024-12',
        '2025-01',
        '2025-02',
        '2025-03',
      ].map((m) => [scopeA, m] as [typeof scopeA, string]),
      ...['2025-01', '2025-02', '2025-03'].map((m) => [scopeB, m] as [typeof scopeA, string]),
    ];
    for (const [scope, m] of marked) {
      await ctx.doc.send(new TransactWriteCommand({ TransactItems: [markMonthDirty(scope, ctx.table, m)] }));
    }
    const summary = await runFiguresJob({ client: ctx.doc, tableName: ctx.table, now });
    // A's 2023, 2024 and 2025, B's 2025: each year counted whole.
    expect(summary.centreYears).toBe(4);
    expect(await figureSnapshot(ctx.doc, ctx.table)).toEqual(before);
  });

  it('leaves the marker of a centre missing from the registry alone', async () => {
    const stray = issueTenantScope('not-registered', 'job', 'test');
    await ctx.doc.send(
      new TransactWriteCommand({ TransactItems: [markMonthDirty(stray, ctx.table, '2025-03')] }),
    );
    const summary = await runFiguresJob({ client: ctx.doc, tableName: ctx.table, now });
    expect(summary.markers).toMatchObject({ unknownCentre: 1, kept: 1, cleared: 0 });
    expect(await get(centreKeys.figuresMonth(stray, '2025-03'))).toBeUndefined();
    expect(await get(headOfficeKeys.year(2025, 'not-registered'))).toBeUndefined();
  });
});

describe('figures job over a month boundary', () => {
  it('counts an open participation in each new month without any write marking it', async () => {
    const ctx = await figuresTable();
    const seed = seeder(ctx.doc, ctx.table);
    await seed.centre('gamma');
    await seed.participant('gamma', 'g1', '2025-01-20');
    await runFiguresJob({ client: ctx.doc, tableName: ctx.table, now: new Date('2025-01-25T10:00:00Z') });
    // Past midnight in Oslo on 1 February (still 31 January in UTC): February has begun.
    const summary = await runFiguresJob({
      client: ctx.doc,
      tableName: ctx.table,
      now: new Date('2025-01-31T23:30:00Z'),
    });
    expect(summary.currentMonth).toBe('2025-02');
    const scope = issueTenantScope('gamma', 'job', 'test');
    const item = await ctx.doc.send(
      new GetCommand({ TableName: ctx.table, Key: centreKeys.figuresMonth(scope, '2025-02') }),
    );
    expect(headline(item.Item?.figures)).toEqual(fig(1, 0, 0, 0));
  });

  it('a second run while one holds the lease is skipped, not run twice, and says who holds it until when', async () => {
    const ctx = await figuresTable();
    const options = { client: ctx.doc, tableName: ctx.table, now: new Date('2025-05-05T10:00:00Z') };
    const [a, b] = await Promise.all([runFiguresJob(options), runFiguresJob(options)]);
    expect([a.status, b.status].sort()).toEqual(['done', 'skipped_running']);
    const [done, skipped] = a.status === 'done' ? [a, b] : [b, a];
    expect(skipped.heldBy?.runId).toBe(done.runId);
    // The lease is a minute from the holder's start, not a quarter of an hour.
    const until = Date.parse(skipped.heldBy?.leaseUntil ?? '');
    expect(until - Date.parse('2025-05-05T10:00:00Z')).toBeGreaterThanOrEqual(60_000);
    expect(until - Date.parse('2025-05-05T10:00:00Z')).toBeLessThan(90_000);
  });
});
