import { randomUUID } from 'node:crypto';
import { type Audience, isTokenless } from '@crux/api/audiences';
import { matchRoute } from '@crux/api/match';
import type { Route } from '@crux/api/routes';
import { isCentreRole, type Role } from '@crux/domain/roles';
import { type AccountDirectory, useAccountDirectory } from '@crux/functions/accounts/directory';
import { directCaller } from '@crux/local/direct-call';
import { localAccountDirectory } from '@crux/local/idp/account-directory';
import { createDocumentClient } from '@crux/store/client';
import { localUsersRepo } from '@crux/store/local-users-repo';
import { type ApiRow, routeFigures } from './api-figures';
import { capacityMeter } from './capacity';
import { busyMs, probe, type Sent } from './dynamo-probe';
import { issueFigures } from './issue-figures';
import { meterLogs } from './log-meter';
import type { Figure } from './measure';
import { median, progress, round } from './measure';
import { accountScenarios } from './scenarios/accounts';
import { centreScenarios } from './scenarios/centre';
import { platformScenarios } from './scenarios/platform';
import { privacyScenarios } from './scenarios/privacy';
import { recordScenarios } from './scenarios/records';
import { registerScenarios } from './scenarios/registers';
import type { Caller, Scenario, ScenarioContext, Step } from './scenarios/scenario';
import { surveyScenarios } from './scenarios/survey';
import { wheelScenarios } from './scenarios/wheel';

/** Timed calls per route (fewer with BENCH_API_RUNS, for a quick look; medians need the full count). */
const RUNS = Number(process.env.BENCH_API_RUNS) || 60;
const WARMUP = Math.min(10, RUNS);

const caller = directCaller();
const tokens = new Map<string, { token: string; signedAt: number }>();
/** The minter's tokens live 10 minutes (access-tokens.ts) and the whole run takes longer: re-signed well before. */
const TOKEN_REUSE_MS = 5 * 60_000;

/** One token per caller, signed before the timing starts: its verification is part of what is timed. */
async function tokenOf({ role, participant }: Caller, centre: string): Promise<string> {
  const id = `${role}:${participant ?? ''}`;
  const held = tokens.get(id);
  if (held && performance.now() - held.signedAt < TOKEN_REUSE_MS) return held.token;
  const token = await (await caller.ready()).accessToken({
    sub: `bench-${role}${participant ? `-${participant}` : ''}`,
    role,
    ...(isCentreRole(role) ? { centre } : {}),
    ...(participant ? { participant } : {}),
  });
  tokens.set(id, { token, signedAt: performance.now() });
  return token;
}

/** The route a request is for, by the route table: its audience (and so its function) comes from there. */
function routeOf(step: Step): Route {
  const route = matchRoute(step.method, step.path)?.route;
  if (!route) throw new Error(`bench: no route for ${step.method} ${step.path}`);
  return route;
}

async function send(token: string | undefined, step: Step) {
  const answer = await caller.call({ ...step, claims: undefined, ...(token ? { token } : {}) });
  if (answer.status >= 300)
    throw new Error(`${step.method} ${step.path}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** What one call of a route costs, measured: the cost model (cost.ts) prices it. */
export type RouteCost = {
  routeKey: string;
  audience: Audience;
  requests: number;
  /** Medians per call: request units DynamoDB reports, the handler's time, the bytes it logs. */
  readUnits: number;
  writeUnits: number;
  handlerMs: number;
  logBytes: number;
};

/**
 * The accounts functions' user pool: the local identity provider's, in the same DynamoDB Local but
 * through a client of its own, so that its calls (Cognito's admin API in AWS) are counted apart.
 * Its time is the time each of its calls is under way, from the handler's call to its answer: the
 * local pool does in this process what Cognito does behind its API (hashing the new account's
 * temporary password, its own DynamoDB requests), so all of that is the user-pool request the call
 * stands for, as Cognito's round trip would be in AWS; none of it is the handler's own work.
 */
function installUserPool(): { requests(): number; sent(): readonly Sent[]; reset(): void } {
  const client = createDocumentClient({ endpoint: process.env.DYNAMODB_ENDPOINT, profile: 'request' });
  const tableRequests = probe(client);
  let sent: Sent[] = [];
  const local = localAccountDirectory(localUsersRepo(client, process.env.TABLE_NAME ?? ''), () => {});
  const timed = <K extends keyof AccountDirectory>(name: K): AccountDirectory[K] =>
    (async (...args: unknown[]) => {
      const start = performance.now();
      try {
        return await (local[name] as (...a: unknown[]) => Promise<unknown>)(...args);
      } finally {
        sent.push({ command: `UserPool.${name}`, start, end: performance.now() });
      }
    }) as AccountDirectory[K];
  useAccountDirectory({
    list: timed('list'),
    get: timed('get'),
    findByEmail: timed('findByEmail'),
    create: timed('create'),
    setActive: timed('setActive'),
    remove: timed('remove'),
  });
  return {
    requests: () => tableRequests.requests(),
    sent: () => sent,
    reset() {
      tableRequests.reset();
      sent = [];
    },
  };
}

/**
 * For every route of the route table: DynamoDB requests per call, and the warm handler's latency against
 * the time its own requests took (median of RUNS calls after WARMUP); and what a call costs (RouteCost).
 * The rows also carry each call's requests, for the issues' figures (api-figures.ts).
 */
export async function benchApi(
  year: number,
): Promise<{ figures: Figure[]; costs: RouteCost[]; rows: ApiRow[] }> {
  await caller.ready();
  const { documentClient } = await import('@crux/functions/runtime/dynamo');
  const { runFiguresJob } = await import('@crux/functions/figures-job/handler');
  const p = probe(documentClient());
  const pool = installUserPool();
  const capacity = capacityMeter(documentClient());
  const logs = meterLogs();
  const centre = `bench-${randomUUID().slice(0, 8)}`;
  const context: ScenarioContext = {
    year,
    centre,
    base: `/api/centres/${centre}`,
    send: async (who, step) => {
      const c = typeof who === 'string' ? { role: who as Role } : who;
      return send(c ? await tokenOf(c, centre) : undefined, step);
    },
  };
  // The centre in the registry, as the admin makes it, so the figures job counts it.
  await context.send('admin', {
    method: 'POST',
    path: '/api/admin/centres',
    body: { id: centre, name: 'CRUX Bench', town: 'Benchby' },
  });
  const runJob = async () => {
    await runFiguresJob({ client: documentClient('batch'), tableName: process.env.TABLE_NAME ?? '' });
  };
  const survey = await surveyScenarios(context, runJob);
  const scenarios: Scenario[] = [
    ...(await centreScenarios(context)),
    ...(await recordScenarios(context)),
    ...(await wheelScenarios(context)),
    ...(await registerScenarios(context)),
    ...(await privacyScenarios(context)),
    ...(await accountScenarios(context)),
    ...survey.scenarios,
    ...(await platformScenarios(context)),
  ];

  const rows: ApiRow[] = [];
  const costs: RouteCost[] = [];
  for (const s of scenarios) {
    const first = await s.next();
    const route = routeOf(first);
    const key = `${route.method} ${route.path}`;
    progress(`API ${key}`);
    if (isTokenless(route.audience) !== !s.caller)
      throw new Error(`bench: ${key} called with the wrong token`);
    const token = s.caller ? await tokenOf(s.caller, centre) : undefined;
    const totals: number[] = [];
    const dynamoMs: number[] = [];
    const calls: Sent[][] = [];
    const requests = new Set<number>();
    const poolCalls = new Set<number>();
    const reads: number[] = [];
    const writes: number[] = [];
    const logBytes: number[] = [];
    let commands: Record<string, number> = {};
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const step = i === 0 ? first : await s.next();
      p.reset();
      pool.reset();
      capacity.reset();
      logs.reset();
      const started = performance.now();
      await send(token, step);
      const elapsed = performance.now() - started;
      if (i < WARMUP) continue;
      totals.push(elapsed);
      dynamoMs.push(busyMs([...p.sent(), ...pool.sent()]));
      calls.push([...p.sent()]);
      // The operations of the call with the most requests, which the figure reports.
      if (p.requests() >= Math.max(0, ...requests)) commands = p.byCommand();
      requests.add(p.requests());
      poolCalls.add(pool.requests());
      reads.push(capacity.readUnits());
      writes.push(capacity.writeUnits());
      logBytes.push(logs.bytes());
    }
    const handlerMs = median(totals);
    rows.push({
      route,
      key,
      path: first.path,
      requests: Math.max(...requests),
      poolCalls: Math.max(...poolCalls),
      commands,
      calls,
      handlerMs: round(handlerMs),
      dynamoMs: round(median(dynamoMs)),
      ratio: round(handlerMs / median(dynamoMs)),
      ...(s.needs ? { needs: s.needs } : {}),
    });
    costs.push({
      routeKey: key,
      audience: route.audience,
      requests: Math.max(...requests),
      readUnits: median(reads),
      writeUnits: median(writes),
      handlerMs: round(handlerMs),
      logBytes: median(logBytes),
    });
  }
  const issues = await issueFigures(rows, context, {
    counted: survey.counted,
    runJob,
    probe: p,
  });
  return { figures: [...routeFigures(rows), ...issues], costs, rows };
}
