import { randomBytes, randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { startingCatalogue } from '@crux/domain/catalogue/starting';
import { directCaller } from '@crux/local/direct-call';
import { localCredentials, localRegion } from '@crux/local/dynamodb';
import { activitiesRepo } from '@crux/store/activities-repo';
import { centresRepo } from '@crux/store/centres-repo';
import { ensureTable } from '@crux/store/create-table';
import { hoursRepo } from '@crux/store/hours-repo';
import { participantsRepo } from '@crux/store/participants-repo';
import { spansRepo } from '@crux/store/spans-repo';
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
    /** A participation from `startDate` (ended on `endDate` if given); its id. */
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
      return id;
    },
    /** An entry of the kind given (the starting catalogue's first by default), naming the participant it must. */
    async activity(table: string, centre: string, date: string, kind = 'visit', participantId?: string) {
      const scope = issueTenantScope(centre, 'staff', 'bench');
      await activitiesRepo(doc, table, scope).record(
        { date, entries: [{ kind, count: 2, ...(participantId ? { participantId } : {}) }] },
        randomUUID,
        now,
        idem(),
      );
    },
    /** A VTO measure and a community-sentence order from `startDate` to `endDate`, and hours on the order. */
    async spans(table: string, centre: string, participantId: string, startDate: string, endDate: string) {
      const scope = issueTenantScope(centre, 'staff', 'bench');
      const spans = spansRepo(doc, table, scope);
      const span = { startDate, endDate };
      const orderId = randomUUID();
      const outcomes: { kind: string }[] = [
        await spans.add('measures', participantId, randomUUID(), { type: 'vto', ...span }, now, idem()),
        await spans.add(
          'orders',
          participantId,
          orderId,
          { type: 'community_sentence', ...span },
          now,
          idem(),
        ),
      ];
      const hours = hoursRepo(doc, table, scope);
      for (const date of [startDate, endDate])
        outcomes.push(await hours.log(participantId, orderId, randomUUID(), { date, hours: 3 }, now, idem()));
      const refused = outcomes.find((o) => o.kind !== 'written');
      if (refused) throw new Error(`bench seed refused: ${JSON.stringify(refused)}`);
    },
  };
}

/** Every kind of the starting catalogue, in turn, with a participant where the kind must name one. */
function kindsInTurn(): (i: number) => { kind: string; needsParticipant: boolean } {
  const kinds = startingCatalogue.activityKinds.filter((k) => k.status === 'active');
  return (i) => {
    const k = kinds[i % kinds.length] as (typeof kinds)[number];
    return { kind: k.id, needsParticipant: k.participant === 'must' };
  };
}

/** Head-office year figures for 2, 20 and 200 centres: the API answers each with one DynamoDB query. */
export async function benchHeadOfficeScale(): Promise<Figure> {
  const s = await seed();
  const { runFiguresJob } = await import('@crux/functions/figures-job/handler');
  const caller = directCaller();
  await caller.ready();
  // The head-office function's own client (its `request` profile), not the seed's `batch` one: a probe
  // on another client counts nothing, and 0 would read as fewer requests than the target.
  const { documentClient } = await import('@crux/functions/runtime/dynamo');
  const p = probe(documentClient());
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
 * The figures job after 100 new records a centre (participants, measures, orders, hours and entries of
 * every kind), over one year of history and over ten: its DynamoDB request count must not grow with it.
 */
export async function benchJobIncremental(): Promise<Figure> {
  const s = await seed();
  const { runFiguresJob } = await import('@crux/functions/figures-job/handler');
  const centres = ['inc-a', 'inc-b'];
  const kinds = kindsInTurn();
  const cost: Record<string, number> = {};
  for (const years of [1, 10]) {
    progress(`figures job after 100 new records over ${years} year(s) of history`);
    const table = await freshTable();
    // 100 records a centre: 5 participants, each with a measure, an order and 2 days of hours on it
    // (20 records), and 80 entries of every kind in turn.
    const hundred = async (c: string, y: number, month: number) => {
      const mm = String(month).padStart(2, '0');
      const people: string[] = [];
      for (let i = 0; i < 5; i++) {
        const id = await s.participant(table, c, `${y}-${mm}-0${i + 1}`);
        await s.spans(table, c, id, `${y}-${mm}-0${i + 1}`, `${y}-${mm}-2${i}`);
        people.push(id);
      }
      for (let i = 0; i < 80; i++) {
        const { kind, needsParticipant } = kinds(i);
        const date = `${y}-${mm}-${String((i % 14) + 10).padStart(2, '0')}`;
        await s.activity(table, c, date, kind, needsParticipant ? people[i % people.length] : undefined);
      }
    };
    for (const c of centres) {
      await s.centre(table, c);
      for (let y = 2024 - years + 1; y <= 2024; y++) await hundred(c, y, 3);
    }
    await runFiguresJob({ client: s.doc, tableName: table, now: NOW });
    for (const c of centres) await hundred(c, 2025, 5);
    const run = await runFiguresJob({ client: s.doc, tableName: table, now: NOW });
    cost[`${years}x history`] = run.requests.total;
  }
  const [one, ten] = [cost['1x history'], cost['10x history']] as [number, number];
  // Issue 10: the network's audit runs over every published year, reading each year's head-office and
  // network items (two queries a year). That grows with the years published, not with the records.
  const auditReads = 2 * (10 - 1);
  return {
    id: 'job.incremental',
    label:
      'Figures job after 100 new records: DynamoDB requests with 1× and 10× the stored history (10× less the network audit’s 2 queries per extra published year)',
    value: `${one} / ${ten - auditReads}`,
    unit: 'requests',
    target: 'equal',
    pass: one === ten - auditReads,
    detail: { ...cost, networkAuditReadsOf10YearsBeyond1: auditReads },
  };
}
