import { randomUUID } from 'node:crypto';
import { surveyShareId } from '@crux/domain/survey/figures';
import { beforeAll, describe, expect, it } from 'vitest';
import { figuresTable, seeder } from '../figures/seed';
import { call, claimsFor, functionsReady } from './call';
import { partition } from './snapshot';
import {
  answer,
  closeRound,
  makeCodes,
  openRound,
  publishDraft,
  roundsPath,
  saveDraft,
} from './survey-fixtures';

/**
 * The participant survey end to end through the real functions, in a table of this file's own (the
 * figures job reads every marker of its table): the questionnaire's draft, comments and publishing;
 * one-time codes that answer once; answers that keep nothing of who gave them; results counted by the
 * job, "not applicable" apart from the base, nothing shown under 5.
 */
const EIKER = 'sv-eiker';
const HUSET = 'sv-huset';
let ctx: Awaited<ReturnType<typeof figuresTable>>;
let version: number;

const leader = (centre = EIKER) => claimsFor('leader', centre);
const answersOf = (centre: string, round: string) => partition(`C#${centre}#SURVEY#${round}`);
const surveyOf = (centre: string) => partition(`C#${centre}#SURVEY`);
const questionnaire = '/api/headoffice/survey/questionnaire';

async function runJob() {
  const { runFiguresJob } = await import('@crux/functions/figures-job/handler');
  return runFiguresJob({ client: ctx.doc, tableName: ctx.table, now: new Date('2025-02-10T09:00:00Z') });
}

beforeAll(async () => {
  ctx = await figuresTable();
  await functionsReady();
  process.env.TABLE_NAME = ctx.table;
  const seed = seeder(ctx.doc, ctx.table);
  await seed.centre(EIKER, 'CRUX Øvre Eiker');
  await seed.centre(HUSET, 'CRUX Huset');
}, 60_000);

describe('the questionnaire', () => {
  it('is drafted by the head office, commented on by the network, then published and never changed', async () => {
    const start = await call({ method: 'GET', path: questionnaire, claims: claimsFor('headoffice') });
    expect(start.status).toBe(200);
    expect(start.body.draft.revision).toBe(0);
    expect(start.body.published).toEqual([]);

    const saved = await saveDraft();
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.revision).toBe(1);

    // A save against the revision read before is a conflict, never an overwrite.
    const stale = await call({
      method: 'PUT',
      path: `${questionnaire}/draft`,
      claims: claimsFor('headoffice'),
      body: { revision: 0, questionnaire: start.body.draft.questionnaire },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current.revision).toBe(1);

    const network = await call({
      method: 'GET',
      path: '/api/network/survey/questionnaire',
      claims: claimsFor('network'),
    });
    expect(network.body.draft.version).toBe(1);
    const comment = await call({
      method: 'POST',
      path: '/api/network/survey/questionnaire/comments',
      claims: claimsFor('network'),
      body: { version: 1, question: 'housing', text: 'Mange har ordnet bolig: husk «ikke aktuelt».' },
    });
    expect(comment.status, JSON.stringify(comment.body)).toBe(201);
    const read = await call({ method: 'GET', path: questionnaire, claims: claimsFor('headoffice') });
    expect(read.body.comments.map((c: { text: string }) => c.text)).toEqual([
      'Mange har ordnet bolig: husk «ikke aktuelt».',
    ]);

    const published = await publishDraft();
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    expect(published.body.version).toBe(1);
    version = published.body.version;

    // Publishing the same draft again is stale: version 1 is written once, and the draft has moved on.
    const again = await call({
      method: 'POST',
      path: `${questionnaire}/publish`,
      claims: claimsFor('headoffice'),
      body: { version: 1, revision: 1, questionnaire: read.body.draft.questionnaire },
    });
    expect(again.status).toBe(409);
    const late = await call({
      method: 'POST',
      path: '/api/network/survey/questionnaire/comments',
      claims: claimsFor('network'),
      body: { version: 1, text: 'For sent.' },
    });
    expect(late.status).toBe(409);
    const catalogue = await call({
      method: 'GET',
      path: '/api/catalogue/survey',
      claims: claimsFor('volunteer', EIKER),
    });
    expect(catalogue.body.published.map((p: { version: number }) => p.version)).toEqual([1]);
  });

  it('refuses a questionnaire that breaks its rules, naming the field, and saves nothing', async () => {
    const before = await partition('SURVEY');
    const { body } = await call({ method: 'GET', path: questionnaire, claims: claimsFor('headoffice') });
    const q = structuredClone(body.draft.questionnaire);
    q.scales[0].options[0].id = 'not_applicable';
    q.questions[0].section = 'nowhere';
    const refused = await call({
      method: 'PUT',
      path: `${questionnaire}/draft`,
      claims: claimsFor('headoffice'),
      body: { revision: body.draft.revision, questionnaire: q },
    });
    expect(refused.status).toBe(400);
    const rules = refused.body.error.fields.map(
      (f: { field: string; rule: string }) => `${f.field}:${f.rule}`,
    );
    expect(rules).toContain('questionnaire.scales.0.options.0.id:reserved_option');
    expect(rules).toContain('questionnaire.questions.0.section:unknown_section');
    expect(await partition('SURVEY')).toEqual(before);
  });
});

describe('answering with a one-time code', () => {
  let round: string;
  let codes: string[];
  beforeAll(async () => {
    round = (await openRound(EIKER)).id;
    codes = await makeCodes(EIKER, round, 8);
  });

  it('shows the open round and its questionnaire to anyone, without a token', async () => {
    const open = await call({ method: 'GET', path: `/api/answer/${EIKER}`, claims: undefined });
    expect(open.status).toBe(200);
    expect(open.body).toMatchObject({ round, year: 2024, version });
    expect(open.body.questionnaire.questions.length).toBeGreaterThan(4);
    const none = await call({ method: 'GET', path: `/api/answer/${HUSET}`, claims: undefined });
    expect(none.status).toBe(404);
  });

  it('a code answers once, also under ten parallel attempts', async () => {
    const code = codes[0] as string;
    const attempts = await Promise.all(
      Array.from({ length: 10 }, () =>
        answer(EIKER, round, { code, version, answers: { welcome: 'great' } }),
      ),
    );
    const statuses = attempts.map((a) => a.status).sort();
    expect(statuses).toEqual([201, ...Array(9).fill(409)]);
    for (const refused of attempts.filter((a) => a.status === 409))
      expect(refused.body.error.code).toBe('conflict');
    expect((await answersOf(EIKER, round)).length).toBe(1);
  });

  it("refuses a used, unknown or other centre's code, and writes nothing", async () => {
    const hus = await openRound(HUSET);
    const husCode = (await makeCodes(HUSET, hus.id, 1))[0] as string;
    const before = [
      await answersOf(EIKER, round),
      await answersOf(HUSET, hus.id),
      await surveyOf(EIKER),
      await surveyOf(HUSET),
    ];
    const body = (code: string) => ({ code, version, answers: { welcome: 'great' } });

    const used = await answer(EIKER, round, body(codes[0] as string));
    expect(used.status).toBe(409);
    const unknown = await answer(EIKER, round, body('7KQM3XPART'));
    expect(unknown.status).toBe(401);
    expect(unknown.body.error.fields[0].field).toBe('code');
    // Huset's code at Øvre Eiker's round, and at Huset's path with Øvre Eiker's round: no code there.
    expect((await answer(EIKER, round, body(husCode))).status).toBe(401);
    expect((await answer(HUSET, round, body(codes[1] as string))).status).toBe(401);
    // Øvre Eiker's code, at its own centre but another round's path.
    expect((await answer(EIKER, hus.id, body(codes[1] as string))).status).toBe(401);

    expect([
      await answersOf(EIKER, round),
      await answersOf(HUSET, hus.id),
      await surveyOf(EIKER),
      await surveyOf(HUSET),
    ]).toEqual(before);
    // Each of those codes still answers where it belongs.
    expect((await answer(HUSET, hus.id, body(husCode))).status).toBe(201);
    expect((await answer(EIKER, round, body(codes[1] as string))).status).toBe(201);
  });

  it('refuses bad input by its field and rule, and writes nothing', async () => {
    const before = [await answersOf(EIKER, round), await surveyOf(EIKER)];
    const code = codes[2] as string;
    const cases: [unknown, string, string][] = [
      [{ code, version, answers: { nowhere: 'great' } }, 'answers.nowhere', 'unknown_question'],
      [{ code, version, answers: { welcome: 'splendid' } }, 'answers.welcome', 'unknown_option'],
      [{ code: 'short', version, answers: {} }, 'code', 'answer_code'],
      [{ code, version, answers: {}, device: 'iPhone' }, 'device', 'unknown_field'],
      [
        { code, version, answers: { anything_else: 'x'.repeat(1001) } },
        'answers.anything_else',
        'free_text_length',
      ],
      [{ code, version: 999, answers: {} }, 'version', 'unknown_version'],
      [{ code, answers: {} }, 'version', 'required'],
    ];
    for (const [body, field, rule] of cases) {
      const refused = await answer(EIKER, round, body);
      expect(refused.status, JSON.stringify(refused.body)).toBe(400);
      expect(refused.body.error.fields).toContainEqual(expect.objectContaining({ field, rule }));
    }
    const junk = await call({
      method: 'POST',
      path: `/api/answer/${EIKER}/rounds/${round}`,
      claims: undefined,
      rawBody: '{"code":',
      idempotencyKey: null,
    });
    expect(junk.status).toBe(400);
    const badRound = await answer(EIKER, 'not-a-uuid', { code, version, answers: {} });
    expect(badRound.status).toBe(404);
    expect([await answersOf(EIKER, round), await surveyOf(EIKER)]).toEqual(before);
    // The code was never consumed: it still answers.
    expect((await answer(EIKER, round, { code, version, answers: { welcome: 'great' } })).status).toBe(201);
  });

  it('stores nothing that links an answer to a person, a device or a time of day', async () => {
    const code = codes[3] as string;
    const given = await call({
      method: 'POST',
      path: `/api/answer/${EIKER}/rounds/${round}`,
      claims: undefined,
      idempotencyKey: null,
      headers: { 'user-agent': 'Mozilla/5.0 (Linux; Android 9) Tracer', 'x-forwarded-for': '203.0.113.9' },
      body: {
        code: code.toLowerCase(),
        version,
        answers: { welcome: 'very_great', housing: 'not_applicable', anything_else: 'Takk for maten.' },
      },
    });
    expect(given.status, JSON.stringify(given.body)).toBe(201);
    expect(JSON.stringify(given.body)).toBe('{"received":true}');
    const items = await answersOf(EIKER, round);
    for (const item of items) {
      expect(Object.keys(item).sort()).toEqual(
        item.texts ? ['PK', 'SK', 'choices', 'texts'] : ['PK', 'SK', 'choices'],
      );
      expect(String(item.SK)).toMatch(/^A#[0-9a-f-]{36}$/);
      const text = JSON.stringify(item);
      expect(text).not.toMatch(/\d{2}:\d{2}|\d{4}-\d{2}-\d{2}|203\.0\.113|Tracer|Android/);
      for (const c of codes) expect(text.toUpperCase()).not.toContain(c);
    }
    // A code item keeps only that it was used: not when, not which answer.
    const used = (await surveyOf(EIKER)).filter((i) => String(i.SK).includes('#K#') && i.used);
    expect(used.length).toBeGreaterThan(0);
    for (const item of used) expect(Object.keys(item).sort()).toEqual(['PK', 'SK', 'used']);
  });
});

describe('results', () => {
  /** Hand-counted: welcome 3 positive of 5 answered (2 N/A of 7 replied); housing 1 answered, 4 N/A. */
  const given = [
    { welcome: 'very_great', housing: 'not_applicable' },
    { welcome: 'great', housing: 'not_applicable' },
    { welcome: 'great', housing: 'not_applicable' },
    { welcome: 'small', housing: 'not_applicable' },
    { welcome: 'some', housing: 'yes_much' },
    { welcome: 'not_applicable' },
    { welcome: 'not_applicable' },
  ];

  it('counts positive among those the question applies to, after the round closes and the job runs', async () => {
    const round = await openRound(EIKER);
    const codes = await makeCodes(EIKER, round.id, given.length);
    for (const [i, answers] of given.entries())
      expect((await answer(EIKER, round.id, { code: codes[i], version, answers })).status).toBe(201);
    const texts = await call({
      method: 'GET',
      path: `${roundsPath(EIKER)}/${round.id}/texts`,
      claims: leader(),
    });
    expect(texts.status).toBe(409);
    await closeRound(EIKER, round.id);
    const early = await call({
      method: 'GET',
      path: `${roundsPath(EIKER)}/${round.id}/results`,
      claims: leader(),
    });
    expect(early.body.results).toBeNull();
    await runJob();

    const read = await call({
      method: 'GET',
      path: `${roundsPath(EIKER)}/${round.id}/results`,
      claims: claimsFor('staff', EIKER),
    });
    expect(read.status).toBe(200);
    const { results } = read.body;
    expect(results.respondents).toBe(7);
    expect(results.shown).toBe(true);
    const byId = Object.fromEntries(results.questions.map((q: { question: string }) => [q.question, q]));
    // 3 of the 5 it applies to: 60 %, 5 answers; 2 of 7 said "not applicable": 29 %.
    expect(byId.welcome).toEqual({ question: 'welcome', share: 60, answered: 5, notApplicableShare: 29 });
    // Housing was replied to by 5: 1 answered (too few for a share), 4 "not applicable", 80 %.
    expect(byId.housing).toEqual({ question: 'housing', share: null, answered: 1, notApplicableShare: 80 });
    // Nobody replied to economy: nothing at all is shown of it.
    expect(byId.economy).toEqual({
      question: 'economy',
      share: null,
      answered: null,
      notApplicableShare: null,
    });
  });

  it('shows nothing of a round with fewer than 5 answers', async () => {
    const round = await openRound(HUSET, 2025);
    const codes = await makeCodes(HUSET, round.id, 4);
    for (const code of codes)
      expect((await answer(HUSET, round.id, { code, version, answers: { welcome: 'great' } })).status).toBe(
        201,
      );
    await closeRound(HUSET, round.id, 2025);
    await runJob();
    const read = await call({
      method: 'GET',
      path: `${roundsPath(HUSET)}/${round.id}/results`,
      claims: leader(HUSET),
    });
    expect(read.body.results).toEqual({ respondents: 4, shown: false, questions: [] });
    const year = await call({
      method: 'GET',
      path: `/api/centres/${HUSET}/figures/2025`,
      claims: leader(HUSET),
    });
    expect(year.status).toBe(200);
    expect(JSON.stringify(year.body)).not.toContain(surveyShareId('welcome').concat('":'));
  });

  it('reaches the head office by centre and the network only as disclosure allows', async () => {
    const ho = await call({
      method: 'GET',
      path: '/api/headoffice/figures/2024',
      claims: claimsFor('headoffice'),
    });
    expect(ho.status).toBe(200);
    const eiker = ho.body.centres.find((c: { centre: string }) => c.centre === EIKER).figures;
    expect(eiker).toMatchObject({
      'survey.welcome.positive': 3,
      'survey.welcome.answered': 5,
      'survey.housing.answered': 1,
    });
    const net = await call({
      method: 'GET',
      path: '/api/network/figures/2024',
      claims: claimsFor('network'),
    });
    expect(net.status).toBe(200);
    // The network reads the survey's lines (share, answered, not applicable): a count of fewer than 5
    // people is hidden, and with it the share over it; the counts behind a share are not published.
    const seen = net.body.centres.find((c: { centre: string }) => c.centre === EIKER).figures;
    expect(seen['survey.housing.answered']).toEqual({ suppressed: 'small' });
    expect(seen[surveyShareId('housing')]).toMatchObject({ suppressed: expect.any(String) });
    expect(seen['survey.welcome.answered']).toBe(5);
    expect(seen).not.toHaveProperty(['survey.welcome.positive']);
    expect(seen['survey.respondents']).toBe(7);
  });

  it('shows free text to the centre only, after the round has closed, in no order', async () => {
    const rounds = await call({ method: 'GET', path: roundsPath(EIKER), claims: leader() });
    const closed = rounds.body.rounds.filter((r: { status: string }) => r.status === 'closed');
    const texts = await Promise.all(
      closed.map((r: { id: string }) =>
        call({ method: 'GET', path: `${roundsPath(EIKER)}/${r.id}/texts`, claims: leader() }),
      ),
    );
    expect(texts.flatMap((t) => t.body.texts.anything_else ?? [])).toContain('Takk for maten.');
    const ho = await call({
      method: 'GET',
      path: '/api/headoffice/figures/2024',
      claims: claimsFor('headoffice'),
    });
    expect(JSON.stringify(ho.body)).not.toContain('Takk for maten.');
  });
});

it('keeps the key of a retried leader request: codes are made once', async () => {
  const round = await openRound(EIKER, 2025);
  const key = randomUUID();
  const claims = leader();
  const first = await call({
    method: 'POST',
    path: `${roundsPath(EIKER)}/${round.id}/codes`,
    claims,
    body: { count: 3 },
    idempotencyKey: key,
  });
  const retry = await call({
    method: 'POST',
    path: `${roundsPath(EIKER)}/${round.id}/codes`,
    claims,
    body: { count: 3 },
    idempotencyKey: key,
  });
  expect(retry.body).toEqual(first.body);
  const listed = await call({ method: 'GET', path: roundsPath(EIKER), claims: leader() });
  expect(listed.body.rounds.find((r: { id: string }) => r.id === round.id).codes).toEqual({
    made: 3,
    used: 0,
  });
});
