import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { runFiguresJob } from '@crux/functions/figures-job/handler';
import { centreKeys } from '@crux/store/keys';
import type { RequestCounts } from '@crux/store/request-counter';
import { issueTenantScope } from '@crux/store/tenant-scope';
import { describe, expect, it } from 'vitest';
import { fig, figuresTable, headline, seeder, seedHistory } from './seed';

const now = new Date('2025-06-15T12:00:00Z');
const centres = ['inc-a', 'inc-b'];

/**
 * A table with `years` of history for two centres, the job run over it, then 100 new records in the
 * current month (per centre 5 participants and 45 activity entries), and the job run again. Returns
 * what the second run cost.
 */
async function costOfNewRecords(years: number[]): Promise<{ requests: RequestCounts; june: unknown }> {
  const ctx = await figuresTable();
  const seed = seeder(ctx.doc, ctx.table);
  for (const c of centres) {
    await seed.centre(c);
    await seedHistory(ctx.doc, ctx.table, c, years);
  }
  const first = await runFiguresJob({ client: ctx.doc, tableName: ctx.table, now });
  expect(first.markers.kept).toBe(0);

  for (const c of centres) {
    for (let i = 0; i < 5; i++) await seed.participant(c, `new-${i}`, `2025-06-0${i + 1}`);
    for (let i = 0; i < 45; i++)
      await seed.activity(c, `2025-06-${String((i % 14) + 1).padStart(2, '0')}`, 'visit', 2);
  }
  const second = await runFiguresJob({ client: ctx.doc, tableName: ctx.table, now });
  const june = await ctx.doc.send(
    new GetCommand({
      TableName: ctx.table,
      Key: centreKeys.figuresMonth(issueTenantScope('inc-a', 'job', 'test'), '2025-06'),
    }),
  );
  return { requests: second.requests, june: headline(june.Item?.figures) };
}

describe('figures job is incremental', () => {
  it('100 new records cost the same requests over 1 year of history as over 10, but the network’s reads', async () => {
    const one = await costOfNewRecords([2024]);
    const ten = await costOfNewRecords([2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]);
    // The history's participations all ended before 2025: June counts only the new people.
    expect(one.june).toEqual(fig(5, 5, 90, 0));
    expect(ten.june).toEqual(one.june);
    // The network's publication protects every published year as one set (issue 10): it reads each
    // year's head-office and network rows, two queries a year, and writes only the rows that changed.
    const extra = 2 * (11 - 2);
    const { QueryCommand: q1, ...others1 } = one.requests.byCommand;
    const { QueryCommand: q10, ...others10 } = ten.requests.byCommand;
    expect(others10).toEqual(others1);
    expect(q10).toBe((q1 ?? 0) + extra);
    expect(ten.requests.total).toBe(one.requests.total + extra);
    // And what it is: about one request per changed participant and marker, not per stored record.
    expect(one.requests.total).toBeLessThan(60);
  }, 120_000);
});
