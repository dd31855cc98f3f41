import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { runFiguresJob } from '@crux/functions/figures-job/handler';
import { localCredentials, localRegion } from '@crux/local/dynamodb';
import { createDocumentClient } from '@crux/store/client';
import { DIRTY } from '@crux/store/keys';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { figureSnapshot, figuresTable, seeder, seedHistory } from './seed';

const now = new Date('2025-03-15T12:00:00Z');
const centres = ['crash-a', 'crash-b', 'crash-c'];
const writeCommands = new Set([
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'BatchWriteItemCommand',
  'TransactWriteItemsCommand',
]);

async function seedScenario(ctx: Awaited<ReturnType<typeof figuresTable>>): Promise<void> {
  const seed = seeder(ctx.doc, ctx.table);
  for (const c of centres) {
    await seed.centre(c);
    await seedHistory(ctx.doc, ctx.table, c, [2024]);
    await seed.participant(c, 'open', '2024-10-01');
    const ended = await seed.participant(c, 'ended', '2025-01-10');
    await seed.end(c, ended, '2025-02-20');
    await seed.activity(c, '2025-02-14', 'visit', 4);
    await seed.activity(c, '2025-03-02', 'contact_point', 9);
  }
}

/** A client that dies after `writes` write requests: every later write fails, as if the process had gone. */
function crashingClient(writes: number) {
  const doc = createDocumentClient({
    endpoint: inject('dynamoEndpoint'),
    region: localRegion,
    credentials: localCredentials,
  });
  let seen = 0;
  doc.middlewareStack.add(
    (next, context) => async (args) => {
      if (writeCommands.has(context.commandName ?? '') && ++seen > writes) throw new Error('injected crash');
      return next(args);
    },
    { step: 'initialize', name: 'injectCrash' },
  );
  return doc;
}

describe('figures job: a crash half-way and a rerun', () => {
  let reference: Record<string, unknown>;
  let writes = 0;

  beforeAll(async () => {
    const ctx = await figuresTable();
    await seedScenario(ctx);
    const summary = await runFiguresJob({ client: ctx.doc, tableName: ctx.table, now });
    writes = Object.entries(summary.requests.byCommand)
      .filter(([command]) => writeCommands.has(command))
      .reduce((n, [, count]) => n + count, 0);
    reference = await figureSnapshot(ctx.doc, ctx.table);
  }, 60_000);

  it('the uninterrupted run has enough writes to crash in the middle of', () => {
    expect(writes).toBeGreaterThan(40);
    expect(Object.keys(reference).length).toBeGreaterThan(100);
  });

  // After the lease only; during the figure batches; during the marker clearing; at the very end.
  const crashPoints = (total: number) => [1, 3, 6, Math.floor(total / 2), total - 2];

  it('converges to the uninterrupted run’s figures, wherever it crashed', async () => {
    for (const after of crashPoints(writes)) {
      const ctx = await figuresTable();
      await seedScenario(ctx);
      const started = Date.now();
      await expect(
        runFiguresJob({ client: crashingClient(after), tableName: ctx.table, now }),
      ).rejects.toThrow('injected crash');
      // A minute after the run died (on the runs' clock, which starts at `now`): its lease has expired.
      const aMinuteAfter = new Date(now.getTime() + (Date.now() - started) + 61_000);
      const rerun = await runFiguresJob({ client: ctx.doc, tableName: ctx.table, now: aMinuteAfter });
      expect(rerun.status, `crash after ${after} writes`).toBe('done');
      expect(await figureSnapshot(ctx.doc, ctx.table), `crash after ${after} writes`).toEqual(reference);
      const dirty = await ctx.doc.send(
        new QueryCommand({
          TableName: ctx.table,
          IndexName: 'GSI2',
          KeyConditionExpression: 'GSI2PK = :d',
          ExpressionAttributeValues: { ':d': DIRTY },
        }),
      );
      expect(dirty.Items ?? [], `crash after ${after} writes`).toEqual([]);
    }
  }, 120_000);

  it('a run that fails on a passing error frees its lease, so a retry need not wait', async () => {
    const ctx = await figuresTable();
    await seedScenario(ctx);
    const doc = createDocumentClient({
      endpoint: inject('dynamoEndpoint'),
      region: localRegion,
      credentials: localCredentials,
    });
    let batches = 0;
    doc.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === 'BatchWriteItemCommand' && ++batches === 2)
          throw new Error('passing failure');
        return next(args);
      },
      { step: 'initialize', name: 'failOnce' },
    );
    await expect(runFiguresJob({ client: doc, tableName: ctx.table, now })).rejects.toThrow(
      'passing failure',
    );
    const retry = await runFiguresJob({ client: ctx.doc, tableName: ctx.table, now });
    expect(retry.status).toBe('done');
    expect(await figureSnapshot(ctx.doc, ctx.table)).toEqual(reference);
  }, 60_000);
});
