import { randomUUID } from 'node:crypto';
import type { Audience } from '@crux/api/audiences';
import { matchRoute } from '@crux/api/match';
import { routeKey, routes } from '@crux/api/routes';
import { isCentreRole, type Role } from '@crux/domain/roles';
import { directCaller } from '@crux/local/direct-call';
import { capacityMeter } from './capacity';
import { probe } from './dynamo-probe';
import { meterLogs } from './log-meter';
import type { Figure } from './measure';
import { median, progress, round } from './measure';
import { centreScenarios } from './scenarios/centre';
import { platformScenarios } from './scenarios/platform';
import { recordScenarios } from './scenarios/records';
import type { ScenarioContext, Step } from './scenarios/scenario';

const WARMUP = 10;
const RUNS = 60;

const caller = directCaller();
const tokens = new Map<string, string>();

/** One token per caller, signed before the timing starts: its verification is part of what is timed. */
async function tokenOf(role: Role, centre?: string): Promise<string> {
  const id = `${role}:${centre ?? ''}`;
  let token = tokens.get(id);
  if (!token) {
    token = await (await caller.ready()).accessToken({
      sub: `bench-${role}`,
      role,
      ...(centre ? { centre } : {}),
    });
    tokens.set(id, token);
  }
  return token;
}

async function send(token: string, step: Step) {
  const answer = await caller.call({ ...step, claims: undefined, token });
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
 * For every route: DynamoDB requests per call, and the warm handler's latency against the time its own
 * DynamoDB requests took (median of RUNS calls after WARMUP); and what a call costs (RouteCost).
 */
export async function benchApi(year: number): Promise<{ figures: Figure[]; costs: RouteCost[] }> {
  await caller.ready();
  const { documentClient } = await import('@crux/functions/runtime/dynamo');
  const p = probe(documentClient());
  const capacity = capacityMeter(documentClient());
  const logs = meterLogs();
  const centre = `bench-${randomUUID().slice(0, 8)}`;
  const context: ScenarioContext = {
    year,
    centre,
    base: `/api/centres/${centre}`,
    send: async (role, step) => send(await tokenOf(role, isCentreRole(role) ? centre : undefined), step),
  };
  const scenarios = [
    ...(await centreScenarios(context)),
    ...(await recordScenarios(context)),
    ...(await platformScenarios(context)),
  ];

  const rows: { route: string; requests: number; handlerMs: number; dynamoMs: number; ratio: number }[] = [];
  const costs: RouteCost[] = [];
  for (const s of scenarios) {
    const first = await s.next();
    const route = matchRoute(first.method, first.path)?.routeKey;
    if (!route) throw new Error(`bench: no route for ${first.method} ${first.path}`);
    progress(`API ${route}`);
    const totals: number[] = [];
    const sends: number[] = [];
    const requests = new Set<number>();
    const reads: number[] = [];
    const writes: number[] = [];
    const logBytes: number[] = [];
    const token = await tokenOf(s.role, isCentreRole(s.role) ? centre : undefined);
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const step = i === 0 ? first : await s.next();
      p.reset();
      capacity.reset();
      logs.reset();
      const started = performance.now();
      await send(token, step);
      const elapsed = performance.now() - started;
      if (i < WARMUP) continue;
      totals.push(elapsed);
      sends.push(p.sendMs());
      requests.add(p.requests());
      reads.push(capacity.readUnits());
      writes.push(capacity.writeUnits());
      logBytes.push(logs.bytes());
    }
    const handlerMs = median(totals);
    const dynamoMs = median(sends);
    rows.push({
      route,
      requests: Math.max(...requests),
      handlerMs: round(handlerMs),
      dynamoMs: round(dynamoMs),
      ratio: round(handlerMs / dynamoMs),
    });
    costs.push({
      routeKey: route,
      audience: s.audience,
      requests: Math.max(...requests),
      readUnits: median(reads),
      writeUnits: median(writes),
      handlerMs: round(handlerMs),
      logBytes: median(logBytes),
    });
  }
  const benched = new Set(rows.map((r) => r.route));
  const unbenched = routes.map(routeKey).filter((key) => !benched.has(key));
  const figures: Figure[] = [
    {
      id: 'api.routes-benched',
      label: 'Routes of the route table measured below',
      value: benched.size,
      unit: `of ${routes.length}`,
      target: 'every route',
      pass: unbenched.length === 0,
      ...(unbenched.length ? { detail: { missing: unbenched.join(', ') } } : {}),
    },
    {
      id: 'api.requests-per-route',
      label: 'DynamoDB requests per call, every route (most seen in any call)',
      value: Math.max(...rows.map((r) => r.requests)),
      unit: 'requests',
      target: '1 per read route, 1 per write route',
      pass: rows.every((r) => r.requests === 1),
      detail: Object.fromEntries(rows.map((r) => [r.route, r.requests])),
    },
    {
      id: 'api.warm-latency',
      label: 'Warm handler latency ÷ its own DynamoDB requests (worst route, medians)',
      value: Math.max(...rows.map((r) => r.ratio)),
      unit: '×',
      target: '≤ 1.2× on every route',
      pass: rows.every((r) => r.ratio <= 1.2),
      detail: Object.fromEntries(
        rows.map((r) => [r.route, { handlerMs: r.handlerMs, dynamoMs: r.dynamoMs, ratio: r.ratio }]),
      ),
    },
  ];
  return { figures, costs };
}
