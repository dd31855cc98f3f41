import { randomUUID } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { runFiguresJob } from '@crux/functions/figures-job/handler';
import { countRequests } from '@crux/store/request-counter';
import { beforeAll, describe, expect, it } from 'vitest';
import { figuresTable, seeder } from '../figures/seed';
import { type Claims, call, claimsFor, functionsReady } from './call';
import {
  conversationBody,
  createParticipant,
  openParticipantSignIn,
  ownPlanBody,
  participantClaims,
  participantPath,
  planBody,
} from './fixtures';
import { centrePartition } from './snapshot';

/**
 * Arbeidshjulet through the centre API: the participant's page in one request, a wheel conversation
 * recorded once (a retry included) and counted by the figures job by itself, the change per domain on a
 * hand-counted case, the participant's own writes only while the centre lets them sign in, and stale
 * versions refused. In a table of the file's own, where the figures job runs.
 */
const centre = 'hjulet';
/** The figures' centre: only the conversations of the hand-counted case. */
const counted = 'hjulet-tall';
const staff = claimsFor('staff', centre);
/** One staff member of each centre: a retry is theirs, and their key is looked up under them. */
const staffOf: Record<string, Claims> = { [centre]: staff, [counted]: claimsFor('staff', counted) };
let ctx: Awaited<ReturnType<typeof figuresTable>>;
let functionsClient: () => DynamoDBDocumentClient;

beforeAll(async () => {
  ctx = await figuresTable();
  await functionsReady();
  process.env.TABLE_NAME = ctx.table;
  functionsClient = (await import('@crux/functions/runtime/dynamo')).documentClient;
  await seeder(ctx.doc, ctx.table).centre(centre);
  await seeder(ctx.doc, ctx.table).centre(counted);
}, 60_000);

async function record(id: string, body: Record<string, unknown>, idempotencyKey = randomUUID(), at = centre) {
  return call({
    method: 'POST',
    path: `${participantPath(at, id)}/conversations`,
    claims: staffOf[at],
    body,
    idempotencyKey,
  });
}

const page = (id: string, claims = staff) =>
  call({ method: 'GET', path: `${participantPath(centre, id)}/plan`, claims });

describe('the plan and its conversations', () => {
  it('a conversation moves the plan on, and the page is one request with every conversation', async () => {
    const p = await createParticipant(centre);
    const plan = planBody();
    const written = await call({
      method: 'PUT',
      path: `${participantPath(centre, p.id)}/plan`,
      claims: staff,
      body: plan,
    });
    expect(written.status).toBe(200);
    const positions = { participant: { housing: 6, economy: 5 }, staff: { housing: 5 } };
    const recorded = await record(p.id, conversationBody({ planVersion: 1, positions }));
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    expect(recorded.body.planVersion).toBe(2);

    const counter = countRequests(functionsClient());
    const answer = await page(p.id);
    const { total, byCommand } = counter.counts();
    counter.detach();
    expect(answer.status).toBe(200);
    // One Query reads the page; beside it, its access-log entry (issue 11) is written.
    expect(byCommand.QueryCommand).toBe(1);
    expect(total).toBe(2);
    expect(answer.body.participant.id).toBe(p.id);
    expect(answer.body.plan.positions).toEqual(positions);
    expect(answer.body.plan.goals).toEqual(plan.goals);
    expect(answer.body.conversations.map((c: { id: string }) => c.id)).toEqual([
      recorded.body.conversation.id,
    ]);
  });

  it('a conversation against a plan version no longer shown is 409, and nothing is written', async () => {
    const p = await createParticipant(centre);
    const path = `${participantPath(centre, p.id)}/plan`;
    expect((await call({ method: 'PUT', path, claims: staff, body: planBody() })).status).toBe(200);
    const before = await centrePartition(centre);
    const stale = await record(p.id, conversationBody({ planVersion: 0 }));
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('conflict');
    const again = await call({ method: 'PUT', path, claims: staff, body: planBody() });
    expect(again.status).toBe(409);
    expect(await centrePartition(centre)).toEqual(before);
  });

  it('a conversation before the participation began is refused at its date', async () => {
    const p = await createParticipant(centre, { startDate: '2024-06-01' });
    const answer = await record(p.id, conversationBody({ date: '2024-03-05' }));
    expect(answer.status).toBe(400);
    expect(answer.body.error.fields).toContainEqual(
      expect.objectContaining({ field: 'date', rule: 'outside_participation' }),
    );
  });

  it('a domain the catalogue does not have is refused at its field', async () => {
    const p = await createParticipant(centre);
    const positions = { participant: { housing: 4, spirituality: 5 }, staff: {} };
    const answer = await record(p.id, conversationBody({ positions }));
    expect(answer.status).toBe(400);
    expect(answer.body.error.fields).toContainEqual(
      expect.objectContaining({ field: 'positions.participant.spirituality' }),
    );
  });
});

describe('the participant owns the plan', () => {
  it('writes their own positions and goals and marks a step done only while the centre lets them sign in', async () => {
    const p = await createParticipant(centre);
    const plan = planBody();
    const path = `${participantPath(centre, p.id)}/plan`;
    expect((await call({ method: 'PUT', path, claims: staff, body: plan })).status).toBe(200);
    const own = participantClaims(centre, p.id);
    const body = ownPlanBody({ version: 1 });

    const closed = await call({ method: 'PUT', path: `${path}/own`, claims: own, body });
    expect(closed.status).toBe(403);
    await openParticipantSignIn(centre);
    const open = await call({ method: 'PUT', path: `${path}/own`, claims: own, body });
    expect(open.status, JSON.stringify(open.body)).toBe(200);
    const step = plan.steps[0]?.id;
    const marked = await call({
      method: 'PUT',
      path: `${path}/steps/${step}`,
      claims: own,
      body: { version: 2, done: '2024-03-05' },
    });
    expect(marked.status, JSON.stringify(marked.body)).toBe(200);

    const seen = await page(p.id, own);
    expect(seen.status).toBe(200);
    expect(seen.body.plan.positions).toEqual({ participant: body.positions, staff: plan.positions.staff });
    expect(seen.body.plan.goals).toEqual(body.goals);
    expect(seen.body.plan.steps[0]).toMatchObject({ id: step, done: '2024-03-05' });
    expect(seen.body.plan.updatedByRole).toBe('participant');
  });
});

describe('the figures count the conversations', () => {
  it('each conversation once, a retry included, and the change per domain between the first and last of the year', async () => {
    const up = await createParticipant(counted, { startDate: '2023-01-10' });
    const down = await createParticipant(counted, { startDate: '2023-01-10' });
    const once = await createParticipant(counted, { startDate: '2023-01-10' });
    const on = (id: string, body: Record<string, unknown>, key = randomUUID()) =>
      record(id, body, key, counted);
    const at = (date: string, housing: number, health: number, planVersion: number) =>
      conversationBody({
        date,
        planVersion,
        positions: { participant: { housing, health }, staff: {} },
      });
    // up: housing 3 → 5 → 7 (up), health 5 → 5 (same); down: housing 6 → 2 (down), health only once;
    // once: one conversation, in none of the three.
    expect((await on(up.id, at('2024-02-01', 3, 5, 0))).status).toBe(201);
    expect((await on(up.id, at('2024-05-01', 5, 9, 1))).status).toBe(201);
    const key = randomUUID();
    const last = await on(up.id, at('2024-10-01', 7, 5, 2), key);
    const retried = await on(up.id, at('2024-10-01', 7, 5, 2), key);
    expect(retried.body).toEqual(last.body);
    expect((await on(down.id, at('2024-03-01', 6, 4, 0))).status).toBe(201);
    expect(
      (
        await on(
          down.id,
          conversationBody({
            date: '2024-11-01',
            planVersion: 1,
            positions: { participant: { housing: 2 }, staff: {} },
          }),
        )
      ).status,
    ).toBe(201);
    expect((await on(once.id, at('2024-04-01', 1, 1, 0))).status).toBe(201);

    await runFiguresJob({ client: ctx.doc, tableName: ctx.table, now: new Date('2025-01-15T09:00:00Z') });
    const year = await call({
      method: 'GET',
      path: `/api/centres/${counted}/figures/2024`,
      claims: staffOf[counted],
    });
    expect(year.status).toBe(200);
    const f = year.body.figures as Record<string, number>;
    expect(f['kind.wheel_conversation']).toBe(6);
    expect([f['wheel.housing.up'], f['wheel.housing.same'], f['wheel.housing.down']]).toEqual([1, 0, 1]);
    expect([f['wheel.health.up'], f['wheel.health.same'], f['wheel.health.down']]).toEqual([0, 1, 0]);
    expect([f['wheel.economy.up'], f['wheel.economy.same'], f['wheel.economy.down']]).toEqual([0, 0, 0]);
  });
});
