import { randomBytes, randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { directCaller } from '@crux/local/direct-call';
import { localCredentials, localRegion } from '@crux/local/dynamodb';
import { activitiesRepo } from '@crux/store/activities-repo';
import { centresRepo } from '@crux/store/centres-repo';
import { ensureTable } from '@crux/store/create-table';
import { participantsRepo } from '@crux/store/participants-repo';
import { issueTenantScope } from '@crux/store/tenant-scope';
import { probe } from './dynamo-probe';
import { type Figure, progress } from './measure';

const NOW = new Date('2025-06-15T12:00:00Z');

export async function freshTable(): Promise<string> {
  const table = `bench-${randomBytes(4).toString('hex')}`;
  const client = new DynamoDBClient({
    endpoint: process.env.DYNAMODB_ENDPOINT,
    region: localRegion,
    credentials: localCredentials,
  });
  await ensureTable(client, table);
  client.destroy();
  return table;
}

/** Records written through the store's repositories: the same writes, and dirty markers, the API makes. */
export async function seed() {
  const { documentClient } = await import('@crux/functions/runtime/dynamo');
  const doc = documentClient('batch');
  const now = NOW.toISOString();
  const idem = () => ({ subject: 'bench', key: randomUUID(), requestHash: 'bench' });
  return {
    doc,
    async centre(table: string, id: string) {
      await centresRepo(doc, table).create({ id, name: `CRUX ${id}`, town: 'Benchby' }, now, idem());
    },
    async participant(table: string, centre: string, startDate: string, endDate?: string) {
      const scope = issueTenantScope(centre, 'staff', 'bench');
      const repo = participantsRepo(doc, table, scope);
      const id = randomUUID();
      await repo.create(
        id,
        { displayName: 'Deltaker', birthYear: 1980, startDate, referralSource: 'nav' },
        now,
        idem(),
      );
      if (endDate) await repo.end(id, { endDate, outcome: 'stable_life', version: 1 }, now, idem());
    },
    async activity(table: string, centre: string, date: string) {
      const scope = issueTenantScope(centre, 'staff', 'bench');
      await activitiesRepo(doc, table, scope).record(
        { date, entries: [{ kind: 'visit', count: 2 }] },
        randomUUID,
        now,
        idem(),
      );
    },
  };
}

/** Head-office year figures for 2, 20 and 200 centres: the API answers each with one DynamoDB query. */
export async function benchHeadOfficeScale(): Promise<Figure> {
  const s = await seed();
  const { runFiguresJob } = await import('@crux/functions/figures-job/handler');
  const caller = directCaller();
  await caller.ready();
  const p = probe(s.doc);
  const counts: Record<string, number> = {};
  for (const n of [2, 20, 200]) {
    progress(`head office with ${n} centres`);
    const table = await freshTable();
    for (let i = 0; i < n; i++) {
      const centre = `c${String(i).padStart(3, '0')}`;
      await s.centre(table, centre);
      await s.participant(table, centre, '2025-02-01');
      await s.activity(table, centre, '2025-03-03');
    }
    await runFiguresJob({ client: s.doc, tableName: table, now: NOW });
    process.env.TABLE_NAME = table;
    const token = await (await caller.ready()).accessToken({ role: 'headoffice' });
    p.reset();
    const answer = await caller.call({
      method: 'GET',
      path: '/api/headoffice/figures/2025',
      claims: undefined,
      token,
    });
    const centres = (answer.body as { centres: unknown[] }).centres.length;
    if (answer.status !== 200 || centres !== n)
      throw new Error(`head office answered ${answer.status} with ${centres} centres`);
    counts[`${n} centres`] = p.requests();
  }
  return {
    id: 'headoffice.year-queries',
    label: 'Head-office year figures: DynamoDB requests for 2, 20 and 200 centres',
    value: Math.max(...Object.values(counts)),
    unit: 'requests',
    target: '1 query each',
    pass: Object.values(counts).every((c) => c === 1),
    detail: counts,
  };
}

/**
 * The figures job after 100 new records (per centre: 5 participants and 45 activity entries), over
 * one year of history and over ten: its DynamoDB request count must not grow with the history.
 */
export async function benchJobIncremental(): Promise<Figure> {
  const s = await seed();
  const { runFiguresJob } = await import('@crux/functions/figures-job/handler');
  const centres = ['inc-a', 'inc-b'];
  const cost: Record<string, number> = {};
  for (const years of [1, 10]) {
    progress(`figures job after 100 new records over ${years} year(s) of history`);
    const table = await freshTable();
    for (const c of centres) {
      await s.centre(table, c);
      for (let y = 2024 - years + 1; y <= 2024; y++) {
        for (let i = 0; i < 12; i++)
          await s.participant(table, c, `${y}-${String(i + 1).padStart(2, '0')}-01`, `${y}-12-20`);
        for (let i = 0; i < 60; i++)
          await s.activity(table, c, `${y}-${String((i % 12) + 1).padStart(2, '0')}-10`);
      }
    }
    await runFiguresJob({ client: s.doc, tableName: table, now: NOW });
    for (const c of centres) {
      for (let i = 0; i < 5; i++) await s.participant(table, c, `2025-06-0${i + 1}`);
      for (let i = 0; i < 45; i++)
        await s.activity(table, c, `2025-06-${String((i % 14) + 1).padStart(2, '0')}`);
    }
    const run = await runFiguresJob({ client: s.doc, tableName: table, now: NOW });
    cost[`${years}x history`] = run.requests.total;
  }
  const [one, ten] = [cost['1x history'], cost['10x history']];
  return {
    id: 'job.incremental',
    label: 'Figures job after 100 new records: DynamoDB requests with 1× and 10× the stored history',
    value: `${one} / ${ten}`,
    unit: 'requests',
    target: 'equal',
    pass: one === ten,
    detail: cost,
  };
}
