import { CentreId } from '@crux/domain/centre';
import { participantsRepo } from '@crux/store/participants-repo';
import { issueTenantScope } from '@crux/store/tenant-scope';
import { type ApiRow, isWrite, readsOf, rowOf, writesOf } from './api-figures';
import type { Probe, Sent } from './dynamo-probe';
import { type Figure, median, progress, round } from './measure';
import { newParticipant, type ScenarioContext } from './scenarios/scenario';
import type { CountedRound } from './scenarios/survey';
import { HISTORY } from './scenarios/wheel';

const centreRoute = (rest: string) => `/api/centres/{centreId}${rest}`;
const RUNS = 60;

/**
 * Issue 11: a logged read (a participant opened) against the same read unlogged. The logged read sends
 * the read and its access-log write side by side, so its latency is held against the slower of the two
 * requests, call by call. The same read unlogged is the store's read alone, as the handler makes it
 * (every handler read of a participant is logged). The two are interleaved, so a busy moment on the
 * machine weighs on both alike.
 */
async function loggedRead(rows: ApiRow[], ctx: ScenarioContext, probe: Probe): Promise<Figure> {
  progress('a logged participant read against the same read unlogged');
  const path = rowOf(rows, `GET ${centreRoute('/participants/{participantId}')}`).path;
  const { documentClient, tableName } = await import('@crux/functions/runtime/dynamo');
  const scope = issueTenantScope(CentreId.parse(ctx.centre), 'staff', 'bench');
  const repo = participantsRepo(documentClient(), tableName(), scope);
  const id = path.split('/').at(-1) ?? '';
  const logged: { ms: number; sent: Sent[] }[] = [];
  const unlogged: { ms: number; requests: number }[] = [];
  for (let i = 0; i < RUNS + 10; i++) {
    probe.reset();
    let started = performance.now();
    await ctx.send('staff', { method: 'GET', path });
    const ms = performance.now() - started;
    const sent = [...probe.sent()];
    probe.reset();
    started = performance.now();
    if (!(await repo.get(id))) throw new Error('bench: the participant read unlogged is missing');
    if (i < 10) continue;
    unlogged.push({ ms: performance.now() - started, requests: probe.requests() });
    logged.push({ ms, sent });
  }
  const took = (s: Sent) => s.end - s.start;
  const slower = median(logged.map((l) => Math.max(...l.sent.map(took))));
  const of = (pick: (s: Sent) => boolean) =>
    round(median(logged.map((l) => Math.max(0, ...l.sent.filter(pick).map(took)))));
  const together = logged.filter(({ sent }) => {
    const [read] = sent.filter((s) => !isWrite(s));
    const [write] = sent.filter(isWrite);
    return read && write && write.start < read.end && read.start < write.end;
  }).length;
  const latency = median(logged.map((l) => l.ms));
  const requests = Math.max(...logged.map((l) => l.sent.length));
  const ratio = round(latency / slower);
  return {
    id: 'privacy.logged-read',
    label:
      'Logged personal read (a participant opened) against the same read unlogged: latency ÷ the slower of its two requests (read, access-log write), medians',
    value: ratio,
    unit: '×',
    target: '≤ 1.2× the slower of the two requests, the log written beside the read',
    pass: ratio <= 1.2 && requests === 2 && together === logged.length,
    detail: {
      logged: {
        requests,
        latencyMs: round(latency),
        readMs: of((s) => !isWrite(s)),
        logWriteMs: of(isWrite),
        slowerOfTheTwoMs: round(slower),
        callsWithBothUnderWayTogether: `${together} of ${logged.length}`,
      },
      unlogged: {
        requests: Math.max(...unlogged.map((u) => u.requests)),
        latencyMs: round(median(unlogged.map((u) => u.ms))),
        what: 'the store’s read alone, interleaved with the logged calls (no handler: every handler read of a participant is logged)',
      },
      loggedOverUnlogged: round(latency / median(unlogged.map((u) => u.ms))),
    },
  };
}

/** Issue 12: the wheel conversation recorded once is counted once, from its one write. */
async function conversationCounted(ctx: ScenarioContext, runJob: () => Promise<void>, probe: Probe) {
  const year = ctx.year - 1;
  const made = await newParticipant(ctx, `${year}-01-05`);
  const at = `${ctx.base}/participants/${made.id}`;
  const recorded = 3;
  const requests: number[] = [];
  for (let i = 0; i < recorded; i++) {
    const plan = (await ctx.send('staff', { method: 'GET', path: `${at}/plan` })).plan;
    probe.reset();
    await ctx.send('staff', {
      method: 'POST',
      path: `${at}/conversations`,
      body: {
        date: `${year}-03-0${i + 1}`,
        planVersion: plan?.version ?? 0,
        attendees: ['Kari'],
        scale: { min: 1, max: 10 },
        positions: { participant: { housing: 4 }, staff: { housing: 5 } },
        notes: 'Samtale.',
      },
    });
    requests.push(probe.requests());
  }
  await runJob();
  const figures = await ctx.send('staff', { method: 'GET', path: `${ctx.base}/figures/${year}` });
  return {
    recorded,
    requests: Math.max(...requests),
    counted: Number(figures.figures?.['kind.wheel_conversation'] ?? 0),
  };
}

/** The figures issues 9, 11, 12 and 14 ask of the API, from the routes measured and a few checks. */
export async function issueFigures(
  rows: ApiRow[],
  ctx: ScenarioContext,
  { counted, runJob, probe }: { counted: CountedRound; runJob: () => Promise<void>; probe: Probe },
): Promise<Figure[]> {
  const hour = rowOf(rows, `POST ${centreRoute('/volunteers/{volunteerId}/hours')}`);
  const page = rowOf(rows, `GET ${centreRoute('/participants/{participantId}/plan')}`);
  const save = rowOf(rows, `POST ${centreRoute('/participants/{participantId}/conversations')}`);
  const answer = rowOf(rows, 'POST /api/answer/{centreId}/rounds/{roundId}');
  const results = rowOf(rows, `GET ${centreRoute('/survey/rounds/{roundId}/results')}`);
  progress('a wheel conversation counted by the figures job');
  const conversation = await conversationCounted(ctx, runJob, probe);
  const shown = await ctx.send('staff', {
    method: 'GET',
    path: `${ctx.base}/survey/rounds/${counted.id}/results`,
  });
  const respondents = shown.results?.respondents;
  return [
    {
      id: 'registers.volunteer-hour',
      label: 'A volunteer logs an hour on their own page: DynamoDB requests (issue 9)',
      value: hour.requests,
      unit: 'requests',
      target: '1',
      pass: hour.requests === 1,
      detail: { commands: hour.commands, handlerMs: hour.handlerMs },
    },
    await loggedRead(rows, ctx, probe),
    {
      id: 'wheel.page',
      label: `The participant's page, plan and ${HISTORY} conversations of history: DynamoDB reads (issue 12)`,
      value: readsOf(page),
      unit: 'read requests',
      target: '1 (one item collection), beside its access-log write (issue 11)',
      pass: readsOf(page) === 1 && writesOf(page) === 1,
      detail: { commands: page.commands, handlerMs: page.handlerMs },
    },
    {
      id: 'wheel.conversation-save',
      label:
        'Saving a wheel conversation: DynamoDB requests, and counted by the figures from that write alone (issue 12)',
      value: save.requests,
      unit: 'requests',
      target: '1, counted once as a wheel conversation',
      pass:
        save.requests === 1 && conversation.requests === 1 && conversation.counted === conversation.recorded,
      detail: { commands: save.commands, ...conversation },
    },
    {
      id: 'survey.answer',
      label:
        'One survey answer, the code consumed and the answer written together: DynamoDB requests (issue 14)',
      value: answer.requests,
      unit: 'requests',
      target: '1',
      pass: answer.requests === 1 && writesOf(answer) === 1,
      detail: { commands: answer.commands, handlerMs: answer.handlerMs },
    },
    {
      id: 'survey.results',
      label: "A round's results, from the figures the job wrote: DynamoDB requests (issue 14)",
      value: results.requests,
      unit: 'requests',
      target: '1, the job’s figures',
      pass: results.requests === 1 && respondents === counted.respondents,
      detail: { commands: results.commands, respondents: String(respondents), answered: counted.respondents },
    },
  ];
}
