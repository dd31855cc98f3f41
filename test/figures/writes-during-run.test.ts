import { runFiguresJob } from '@crux/functions/figures-job/handler';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, claimsFor, functionsReady } from '../api/call';
import { createParticipant, made, participantPath } from '../api/fixtures';
import { testStore } from '../setup/dynamo';
import { figuresTable, seeder } from './seed';

/**
 * A write that lands while the figures job runs, between its reading a participant and its clearing
 * that participant's marker, must not be lost: the next run counts it. The job's own client runs the
 * write at exactly that moment, so the interleaving is the same on every run.
 */
const centre = 'samtidig';
const staff = claimsFor('staff', centre);
const now = new Date('2025-03-15T12:00:00Z');
let ctx: Awaited<ReturnType<typeof figuresTable>>;

beforeAll(async () => {
  ctx = await figuresTable();
  await functionsReady();
  process.env.TABLE_NAME = ctx.table;
  await seeder(ctx.doc, ctx.table).centre(centre);
}, 60_000);

/** A job whose client first runs `write` when it is about to clear a participant's marker. */
async function runWith(write: () => Promise<unknown>) {
  const client = testStore();
  let fired = false;
  client.middlewareStack.add(
    (next) => async (args) => {
      const input = args.input as { UpdateExpression?: string };
      if (!fired && input.UpdateExpression?.includes('countedFrom')) {
        fired = true;
        await write();
      }
      return next(args);
    },
    { step: 'initialize', name: 'writeDuringRun' },
  );
  const summary = await runFiguresJob({ client, tableName: ctx.table, now });
  expect(fired).toBe(true);
  return summary;
}

/** March 2024's figures as the centre reads them. */
async function march(): Promise<Record<string, number>> {
  const answer = await call({
    method: 'GET',
    path: `/api/centres/${centre}/figures/2024/months`,
    claims: staff,
  });
  return answer.body.months.find((m: { month: string }) => m.month === '2024-03').figures;
}

describe('writes during a figures run', () => {
  it('a measure started while the job runs is counted by the next run', async () => {
    const p = await createParticipant(centre, { startDate: '2024-01-10' });
    const measure = { type: 'vto', startDate: '2024-02-01', endDate: '2024-04-30' };
    await runWith(() => made(centre, `${participantPath(centre, p.id)}/measures`, measure));
    await runFiguresJob({ client: ctx.doc, tableName: ctx.table, now });
    expect((await march())['measure.vto']).toBe(1);
  });

  it('an order’s type corrected while the job runs is counted by the next run', async () => {
    const p = await createParticipant(centre, { startDate: '2024-01-10' });
    const at = `${participantPath(centre, p.id)}/orders`;
    const order = await made(centre, at, { type: 'community_sentence', startDate: '2024-02-01' });
    await made(centre, `${at}/${order.id}/hours`, { date: '2024-03-05', hours: 3 });
    const corrected = { type: 'fine_serving', startDate: '2024-02-01', version: 1 };
    await runWith(async () => {
      const answer = await call({ method: 'PUT', path: `${at}/${order.id}`, claims: staff, body: corrected });
      expect(answer.status).toBe(200);
    });
    await runFiguresJob({ client: ctx.doc, tableName: ctx.table, now });
    const figures = await march();
    expect([figures['order.community_sentence.persons'], figures['order.fine_serving.persons']]).toEqual([
      0, 1,
    ]);
    expect(figures['order.fine_serving.hours']).toBe(3);
  });
});
