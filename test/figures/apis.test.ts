import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  type Figures,
  type HeadOfficeMonths,
  type HeadOfficeYear,
  type NetworkYear,
  TOTAL,
} from '@crux/domain/figure-set';
import type { Role } from '@crux/domain/roles';
import { putAll } from '@crux/store/batch';
import { figureItems } from '@crux/store/figure-items';
import { countRequests } from '@crux/store/request-counter';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, claimsFor, functionsReady } from '../api/call';
import { fig, figuresTable, headline, seeder } from './seed';

// biome-ignore lint/suspicious/noExplicitAny: answers are read field by field and each one asserted
type Answer = { status: number; body: any };

let ctx: Awaited<ReturnType<typeof figuresTable>>;
/** The functions' own client, loaded after the environment is set. */
let functionsClient: () => DynamoDBDocumentClient;

/** Calls the real handler with a signed access token of the role, as API Gateway would pass it on. */
const get = (path: string, role: Role, query: Record<string, string> = {}): Promise<Answer> =>
  call({ method: 'GET', path, query, claims: claimsFor(role) });

/** The requests one call makes, counted on the functions' own client. */
async function requestsOf(
  call: () => Promise<Answer>,
): Promise<{ answer: Answer; queries: number; total: number }> {
  const counter = countRequests(functionsClient());
  try {
    const answer = await call();
    const { total, byCommand } = counter.counts();
    return { answer, queries: byCommand.QueryCommand ?? 0, total };
  } finally {
    counter.detach();
  }
}

beforeAll(async () => {
  ctx = await figuresTable();
  await functionsReady();
  // This file's own table: the handlers read TABLE_NAME on every call.
  process.env.TABLE_NAME = ctx.table;
  functionsClient = (await import('@crux/functions/runtime/dynamo')).documentClient;

  const seed = seeder(ctx.doc, ctx.table);
  await seed.centre('api-huset', 'CRUX Huset');
  await seed.centre('api-eiker', 'CRUX Øvre Eiker');
  for (let i = 0; i < 7; i++) await seed.participant('api-huset', `h${i}`, `2024-0${(i % 9) + 1}-10`);
  for (let i = 0; i < 6; i++) await seed.participant('api-eiker', `e${i}`, `2025-0${(i % 3) + 1}-02`);
  await seed.activity('api-huset', '2025-02-03', 'visit', 40);
  await seed.activity('api-eiker', '2025-01-20', 'contact_point', 3);
  await seed.activity('api-eiker', '2024-12-20', 'visit', 8);
  const { runFiguresJob } = await import('@crux/functions/figures-job/handler');
  await runFiguresJob({ client: ctx.doc, tableName: ctx.table, now: new Date('2025-03-10T09:00:00Z') });
}, 60_000);

describe('GET /api/headoffice/figures/{year}', () => {
  it('answers every centre beside the year before, and the totals, in one query', async () => {
    const { answer, queries, total } = await requestsOf(() =>
      get('/api/headoffice/figures/2025', 'headoffice'),
    );
    expect(answer.status).toBe(200);
    expect({ queries, total }).toEqual({ queries: 1, total: 1 });
    const body = answer.body as HeadOfficeYear;
    const byCentre = Object.fromEntries(body.centres.map((c) => [c.centre, c]));
    const row = (r: { figures: unknown; previous: unknown } | undefined) => ({
      figures: headline(r?.figures),
      previous: headline(r?.previous) ?? null,
    });
    expect(byCentre['api-huset']).toMatchObject({ centre: 'api-huset', name: 'CRUX Huset' });
    expect(row(byCentre['api-huset'])).toEqual({ figures: fig(7, 0, 40, 0), previous: fig(7, 7, 0, 0) });
    expect(byCentre['api-eiker']).toMatchObject({ centre: 'api-eiker', name: 'CRUX Øvre Eiker' });
    expect(row(byCentre['api-eiker'])).toEqual({ figures: fig(6, 6, 0, 3), previous: fig(0, 0, 8, 0) });
    expect(row(body.total)).toEqual({ figures: fig(13, 6, 40, 3), previous: fig(7, 7, 8, 0) });
    expect(body.computedAt).toBe('2025-03-10T09:00:00.000Z');
  });

  it('answers months, with total rows, in one query', async () => {
    const { answer, queries } = await requestsOf(() =>
      get('/api/headoffice/figures/2025/months', 'headoffice'),
    );
    expect(answer.status).toBe(200);
    expect(queries).toBe(1);
    const body = answer.body as HeadOfficeMonths;
    const row = (month: string, centre: string) =>
      body.months.find((m) => m.month === month && m.centre === centre);
    expect(headline(row('2025-01', TOTAL)?.figures)).toEqual(fig(9, 2, 0, 3));
    expect(row('2025-02', 'api-huset')?.figures['kind.visit']).toBe(40);
  });

  it('a year with nothing computed is empty, not an error', async () => {
    const answer = await get('/api/headoffice/figures/2001', 'headoffice');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ year: 2001, centres: [], computedAt: null });
  });

  it('2, 20 and 200 centres: one query each, for the year and for its months', async () => {
    const f: Figures = fig(45, 22, 3643, 4300);
    for (const [year, n] of [
      [2091, 2],
      [2092, 20],
      [2093, 200],
    ] as const) {
      const items: Record<string, unknown>[] = [];
      for (let i = 0; i < n; i++) {
        const centre = `c${String(i).padStart(3, '0')}`;
        items.push(figureItems.headOfficeYear(year, { centre, name: centre, figures: f, previous: f }, 'x'));
        for (let m = 1; m <= 12; m++) {
          items.push(
            figureItems.headOfficeMonth(year, `${year}-${String(m).padStart(2, '0')}`, centre, f, 'x'),
          );
        }
      }
      await putAll(ctx.doc, ctx.table, items);
      const yearCall = await requestsOf(() => get(`/api/headoffice/figures/${year}`, 'headoffice'));
      expect(yearCall.answer.body.centres).toHaveLength(n);
      expect({ n, total: yearCall.total }).toEqual({ n, total: 1 });
      const monthsCall = await requestsOf(() => get(`/api/headoffice/figures/${year}/months`, 'headoffice'));
      expect(monthsCall.answer.body.months).toHaveLength(n * 12);
      expect({ n, total: monthsCall.total }).toEqual({ n, total: 1 });
    }
  }, 60_000);
});

describe('GET /api/network/figures/{year}', () => {
  it('answers the suppressed year from NET# alone, in one query', async () => {
    const { answer, total } = await requestsOf(() => get('/api/network/figures/2025', 'network'));
    expect(answer.status).toBe(200);
    expect(total).toBe(1);
    const body = answer.body as NetworkYear;
    const byCentre = Object.fromEntries(body.centres.map((c) => [c.centre, headline(c.figures)]));
    // 7 and 6 people are shown; Eiker's 3 contact points and the total 3 are small, and protect each
    // other: Huset's 0 can stay.
    const small = { suppressed: 'small' };
    expect(byCentre['api-huset']).toEqual(fig(7, 0, 40, 0));
    expect(byCentre['api-eiker']).toEqual({ ...fig(6, 6, 0, 0), 'kind.contact_point': small });
    expect(headline(body.total.figures)).toEqual({ ...fig(13, 6, 40, 0), 'kind.contact_point': small });
    expect(JSON.stringify(body)).not.toContain('previous');
  });

  it('fails closed: a NET item holding a small number is never shown', async () => {
    const raw = fig(3, 0, 10, 10);
    await putAll(ctx.doc, ctx.table, [
      figureItems.networkYear(2094, { centre: 'leaky', name: 'Leaky', counts: raw, amounts: {} }, 'x'),
    ]);
    const answer = await get('/api/network/figures/2094', 'network');
    expect(answer.status).toBe(500);
    expect(JSON.stringify(answer.body)).not.toContain('"participants":3');
  });
});

describe('the year in the path', () => {
  const bad = ['abc', '1999', '2101', '20255', '２０２５', '2025.0'];
  for (const path of [
    '/api/headoffice/figures/{y}',
    '/api/headoffice/figures/{y}/months',
    '/api/network/figures/{y}',
  ]) {
    it(`${path}: anything but a year from 2000 to 2100 is a 400 naming the field, in Norwegian and English`, async () => {
      for (const y of bad) {
        const role: Role = path.startsWith('/api/network/') ? 'network' : 'headoffice';
        const answer = await get(path.replace('{y}', encodeURIComponent(y)), role);
        expect({ y, status: answer.status }).toEqual({ y, status: 400 });
        expect(answer.body.error.fields).toEqual([
          {
            field: 'year',
            rule: 'year',
            message: {
              nb: 'Må være et årstall med fire sifre, fra 2000 til 2100.',
              en: 'Must be a four-digit year from 2000 to 2100.',
            },
          },
        ]);
      }
    });
  }

  it('a query parameter the route does not take is refused by name', async () => {
    const answer = await get('/api/headoffice/figures/2025', 'headoffice', { centre: 'api-huset' });
    expect(answer.status).toBe(400);
    expect(answer.body.error.fields).toMatchObject([{ field: 'centre', rule: 'unknown_field' }]);
  });
});

describe('who may read', () => {
  it('the head office reads HQ figures and the network reads NET figures; no one else, either way', async () => {
    expect((await get('/api/headoffice/figures/2025', 'headoffice')).status).toBe(200);
    expect((await get('/api/network/figures/2025', 'network')).status).toBe(200);
    for (const role of ['network', 'admin'] as const) {
      expect((await get('/api/headoffice/figures/2025', role)).status).toBe(403);
      expect((await get('/api/headoffice/figures/2025/months', role)).status).toBe(403);
    }
    for (const role of ['headoffice', 'admin'] as const) {
      expect((await get('/api/network/figures/2025', role)).status).toBe(403);
    }
  });
});
