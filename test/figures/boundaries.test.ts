import { defineFigures } from '@crux/domain/figures/define';
import { figureValue } from '@crux/domain/figures/display';
import { runFiguresJob } from '@crux/functions/figures-job/handler';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Answer, call, claimsFor, functionsReady } from '../api/call';
import { catalogueChange, createParticipant, endParticipation, made, participantPath } from '../api/fixtures';
import { figuresTable, seeder } from './seed';

/**
 * The figure definitions on cases counted by hand at the edges of their periods, written through the API
 * as staff would and counted by the figures job, in a table of this file's own:
 * - A (born 1980, man) from 2024-01-10, open; mentor 2024-01-15 – 2024-05-01 (ends on May's first day),
 *   VTO from 2024-03-31 (March's last day); electronic monitoring, hours 2024-02-05 (5) and 2024-11-30 (1).
 * - B (born 2000, woman: 24 in 2024, 25 in 2025) from 2024-06-01, open; municipal follow-up
 *   2024-12-31 – 2025-01-01; community sentence, hours 2024-06-10 (4), 2024-12-31 (3.5), 2025-01-02 (2).
 * - C (born 1990, gender not stated) 2024-04-30 – 2024-04-30, on to treatment.
 * - Entries: cabin trip (counts participants) 2024-03-20 with A and 2024-06-20 with A and B; visits
 *   2024-02-10 (5) and 2024-02-29 (2); contact points 2024-12-31 (4); a kind the admin added and then
 *   retired, 2024-02-15 (4).
 */
const centre = 'grenser';
const staff = claimsFor('staff', centre);
const admin = claimsFor('admin');
const now = new Date('2025-03-15T12:00:00Z');
let ctx: Awaited<ReturnType<typeof figuresTable>>;
const ids = {} as Record<'a' | 'b' | 'c' | 'visit' | 'extra' | 'contact' | 'order' | 'lastHours', string>;

const base = `/api/centres/${centre}`;
const post = (path: string, body: unknown) => made(centre, path, body);
const send = async (answer: Promise<Answer>, status: number) => {
  const a = await answer;
  expect(a.status, JSON.stringify(a.body)).toBe(status);
  return a.body;
};

/** The figures these cases touch, zeros left out, so each month reads as its hand count. */
const touched = [
  'participants',
  'participants.new',
  'participants.age_sum',
  'outcome.treatment',
  'measure.mentor',
  'measure.vto',
  'measure.municipal_follow_up',
  'order.community_sentence.persons',
  'order.community_sentence.hours',
  'order.electronic_monitoring.persons',
  'order.electronic_monitoring.hours',
  'kind.cabin_trip',
  'kind.visit',
  'kind.contact_point',
  'kind.old_kind',
];
const shown = (figures: Record<string, number>) =>
  Object.fromEntries(touched.filter((id) => figures[id]).map((id) => [id, figures[id]]));

async function months(year: number) {
  const answer = await call({ method: 'GET', path: `${base}/figures/${year}/months`, claims: staff });
  return Object.fromEntries(
    answer.body.months.map((m: { month: string; figures: Record<string, number> }) => [
      m.month,
      shown(m.figures),
    ]),
  );
}
async function yearOf(year: number): Promise<Record<string, number>> {
  return (await call({ method: 'GET', path: `${base}/figures/${year}`, claims: staff })).body.figures;
}
const runJob = async () =>
  expect((await runFiguresJob({ client: ctx.doc, tableName: ctx.table, now })).status).toBe('done');

async function changeCatalogue(change: Record<string, unknown>) {
  const { body } = await call({ method: 'GET', path: '/api/catalogue', claims: admin });
  const path = '/api/admin/catalogue/changes';
  const full = { base: body.catalogue, change: { version: body.catalogue.version, ...change } };
  await send(call({ method: 'POST', path, claims: admin, body: full }), 200);
}

beforeAll(async () => {
  ctx = await figuresTable();
  await functionsReady();
  process.env.TABLE_NAME = ctx.table;
  await seeder(ctx.doc, ctx.table).centre(centre, 'CRUX Grenser');
  const added = await catalogueChange('old_kind');
  await send(call({ method: 'POST', path: '/api/admin/catalogue/changes', claims: admin, body: added }), 200);

  ids.a = (await createParticipant(centre, { birthYear: 1980, gender: 'man', startDate: '2024-01-10' })).id;
  ids.b = (await createParticipant(centre, { birthYear: 2000, gender: 'woman', startDate: '2024-06-01' })).id;
  ids.c = (
    await createParticipant(centre, { birthYear: 1990, gender: undefined, startDate: '2024-04-30' })
  ).id;
  const at = (id: string) => participantPath(centre, id);
  await endParticipation(centre, ids.c, '2024-04-30', 'treatment');
  await post(`${at(ids.a)}/measures`, { type: 'mentor', startDate: '2024-01-15', endDate: '2024-05-01' });
  await post(`${at(ids.a)}/measures`, { type: 'vto', startDate: '2024-03-31' });
  await post(`${at(ids.b)}/measures`, {
    type: 'municipal_follow_up',
    startDate: '2024-12-31',
    endDate: '2025-01-01',
  });
  const monitoring = (
    await post(`${at(ids.a)}/orders`, { type: 'electronic_monitoring', startDate: '2024-02-01' })
  ).id;
  ids.order = (await post(`${at(ids.b)}/orders`, { type: 'community_sentence', startDate: '2024-06-01' })).id;
  for (const [date, hours] of [
    ['2024-02-05', 5],
    ['2024-11-30', 1],
  ] as const)
    await post(`${at(ids.a)}/orders/${monitoring}/hours`, { date, hours });
  for (const [date, hours] of [
    ['2024-06-10', 4],
    ['2024-12-31', 3.5],
    ['2025-01-02', 2],
  ] as const) {
    const logged = await post(`${at(ids.b)}/orders/${ids.order}/hours`, { date, hours });
    if (date === '2024-12-31') ids.lastHours = logged.id;
  }

  const save = async (date: string, entries: unknown[]) =>
    (await post(`${base}/activities`, { date, entries })).items;
  await save('2024-03-20', [{ kind: 'cabin_trip', count: 1, participantId: ids.a }]);
  await save('2024-06-20', [
    { kind: 'cabin_trip', count: 1, participantId: ids.a },
    { kind: 'cabin_trip', count: 1, participantId: ids.b },
  ]);
  ids.visit = (await save('2024-02-10', [{ kind: 'visit', count: 5 }]))[0].id;
  ids.extra = (await save('2024-02-29', [{ kind: 'visit', count: 2 }]))[0].id;
  ids.contact = (await save('2024-12-31', [{ kind: 'contact_point', count: 4 }]))[0].id;
  await save('2024-02-15', [{ kind: 'old_kind', count: 4 }]);
  await changeCatalogue({
    op: 'update',
    list: 'activityKinds',
    id: 'old_kind',
    patch: { status: 'retired' },
  });
  await runJob();
}, 90_000);

/** Months of 2024 that only the long-running participations and A's VTO fill. */
const quiet = { participants: 2, 'participants.age_sum': 44 + 24, 'measure.vto': 1 };

describe('figure definitions at the edges of their periods', () => {
  it('counts each month of 2024 as counted by hand', async () => {
    expect(await months(2024)).toEqual({
      '2024-01': { participants: 1, 'participants.new': 1, 'participants.age_sum': 44, 'measure.mentor': 1 },
      '2024-02': {
        participants: 1,
        'participants.age_sum': 44,
        'measure.mentor': 1,
        'order.electronic_monitoring.persons': 1,
        'order.electronic_monitoring.hours': 5,
        'kind.visit': 7,
        'kind.old_kind': 4,
      },
      // VTO starts on March's last day.
      '2024-03': {
        participants: 1,
        'participants.age_sum': 44,
        'measure.mentor': 1,
        'measure.vto': 1,
        'kind.cabin_trip': 1,
      },
      // C starts and ends on April's last day: active, new and gone on to treatment in April, and only then.
      '2024-04': {
        participants: 2,
        'participants.new': 1,
        'participants.age_sum': 44 + 34,
        'outcome.treatment': 1,
        'measure.mentor': 1,
        'measure.vto': 1,
      },
      // The mentor measure ends on May's first day.
      '2024-05': { participants: 1, 'participants.age_sum': 44, 'measure.mentor': 1, 'measure.vto': 1 },
      '2024-06': {
        ...quiet,
        'participants.new': 1,
        'order.community_sentence.persons': 1,
        'order.community_sentence.hours': 4,
        'kind.cabin_trip': 2,
      },
      '2024-07': quiet,
      '2024-08': quiet,
      '2024-09': quiet,
      '2024-10': quiet,
      '2024-11': {
        ...quiet,
        'order.electronic_monitoring.persons': 1,
        'order.electronic_monitoring.hours': 1,
      },
      // Hours dated 31 December and a measure starting that day belong to December and to 2024.
      '2024-12': {
        ...quiet,
        'measure.municipal_follow_up': 1,
        'order.community_sentence.persons': 1,
        'order.community_sentence.hours': 3.5,
        'kind.contact_point': 4,
      },
    });
  });

  it('counts the year from its people: each person once, though named or served in several months', async () => {
    const year = await yearOf(2024);
    expect(shown(year)).toEqual({
      participants: 3,
      'participants.new': 3,
      'participants.age_sum': 44 + 24 + 34,
      'outcome.treatment': 1,
      'measure.mentor': 1,
      'measure.vto': 1,
      'measure.municipal_follow_up': 1,
      'order.community_sentence.persons': 1,
      'order.community_sentence.hours': 7.5,
      'order.electronic_monitoring.persons': 1,
      'order.electronic_monitoring.hours': 6,
      'kind.cabin_trip': 2,
      'kind.visit': 7,
      'kind.contact_point': 4,
      // Retired before the job first ran: its history still counts.
      'kind.old_kind': 4,
    });
    expect([year['participants.woman'], year['participants.man'], year['participants.other']]).toEqual([
      1, 1, 1,
    ]);
  });

  it('takes the age by the period’s year: B is 24 in December 2024 and 25 in January 2025', async () => {
    const next = await months(2025);
    expect(next).toEqual({
      '2025-01': {
        participants: 2,
        'participants.age_sum': 45 + 25,
        'measure.vto': 1,
        // The municipal follow-up measure ends on the year's first day.
        'measure.municipal_follow_up': 1,
        'order.community_sentence.persons': 1,
        'order.community_sentence.hours': 2,
      },
      '2025-02': { participants: 2, 'participants.age_sum': 70, 'measure.vto': 1 },
      '2025-03': { participants: 2, 'participants.age_sum': 70, 'measure.vto': 1 },
    });
    const { catalogue } = (await call({ method: 'GET', path: '/api/catalogue', claims: staff })).body;
    const set = defineFigures(catalogue);
    expect(figureValue(set, 'participants.mean_age', await yearOf(2024))).toBe(34);
    expect(figureValue(set, 'participants.mean_age', await yearOf(2025))).toBe(35);
  });

  it('recounts corrected and deleted entries and hours; a retired kind stays counted', async () => {
    const entry = (date: string, id: string) => `${base}/activities/${date}/${id}`;
    const hours = `${participantPath(centre, ids.b)}/orders/${ids.order}/hours/2024-12-31/${ids.lastHours}`;
    const corrected = (path: string, body: unknown) =>
      send(call({ method: 'PUT', path, claims: staff, body }), 200);
    const deleted = (path: string, query?: Record<string, string>) =>
      send(call({ method: 'DELETE', path, claims: staff, ...(query ? { query } : {}) }), 204);
    await corrected(entry('2024-02-10', ids.visit), { kind: 'visit', count: 9, version: 1 });
    await deleted(entry('2024-02-29', ids.extra), { version: '1' });
    await corrected(entry('2024-12-31', ids.contact), { kind: 'visit', count: 4, version: 1 });
    await deleted(hours);
    await runJob();

    const after = await months(2024);
    expect(after['2024-02']).toMatchObject({ 'kind.visit': 9, 'kind.old_kind': 4 });
    expect(after['2024-12']).toEqual({ ...quiet, 'measure.municipal_follow_up': 1, 'kind.visit': 4 });
    expect(shown(await yearOf(2024))).toMatchObject({
      'order.community_sentence.persons': 1,
      'order.community_sentence.hours': 4,
      'kind.visit': 13,
      'kind.old_kind': 4,
    });
    expect((await yearOf(2024))['kind.contact_point']).toBe(0);
  });
});
