import { randomUUID } from 'node:crypto';
import type { Audience } from '@crux/api/audiences';
import { matchRoute } from '@crux/api/match';
import type { Role } from '@crux/domain/roles';
import { type DirectCall, directCaller } from '@crux/local/direct-call';
import { capacityMeter } from './capacity';
import { probe } from './dynamo-probe';
import { meterLogs } from './log-meter';
import type { Figure } from './measure';
import { median, progress, round } from './measure';

type Step = Omit<DirectCall, 'claims' | 'token'>;
type Scenario = { route: string; audience: Audience; role: Role; next: () => Promise<Step> };

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
  const staff = await tokenOf('staff', centre);
  const base = `/api/centres/${centre}`;
  const participant = (i: number) => ({
    displayName: `Deltaker ${i}`,
    birthYear: 1980,
    startDate: `${year}-01-15`,
    referralSource: 'nav',
  });
  const create = () => send(staff, { method: 'POST', path: `${base}/participants`, body: participant(0) });
  for (let i = 0; i < 30; i++) await create();
  for (let i = 0; i < 40; i++) {
    await send(staff, {
      method: 'POST',
      path: `${base}/activities`,
      body: {
        date: `${year}-02-${String((i % 28) + 1).padStart(2, '0')}`,
        entries: [{ kind: 'visit', count: 2 }],
      },
    });
  }
  const editable = await create();
  let version = editable.version as number;

  const scenarios: Scenario[] = [
    {
      route: 'GET participants',
      audience: 'centre',
      role: 'staff',
      next: async () => ({ method: 'GET', path: `${base}/participants`, query: { limit: '25' } }),
    },
    {
      route: 'POST participants',
      audience: 'centre',
      role: 'staff',
      next: async () => ({ method: 'POST', path: `${base}/participants`, body: participant(1) }),
    },
    {
      route: 'GET participant',
      audience: 'centre',
      role: 'staff',
      next: async () => ({ method: 'GET', path: `${base}/participants/${editable.id}` }),
    },
    {
      route: 'PUT participant',
      audience: 'centre',
      role: 'staff',
      next: async () => ({
        method: 'PUT',
        path: `${base}/participants/${editable.id}`,
        body: { ...participant(2), version: version++ },
      }),
    },
    {
      route: 'POST participant end',
      audience: 'centre',
      role: 'staff',
      next: async () => {
        const fresh = await create();
        return {
          method: 'POST',
          path: `${base}/participants/${fresh.id}/end`,
          body: { endDate: `${year}-06-30`, outcome: 'treatment', version: 1 },
        };
      },
    },
    {
      route: 'GET activities',
      audience: 'centre',
      role: 'staff',
      next: async () => ({
        method: 'GET',
        path: `${base}/activities`,
        query: { from: `${year}-02-01`, to: `${year}-02-29` },
      }),
    },
    {
      route: 'POST activities',
      audience: 'centre',
      role: 'staff',
      next: async () => ({
        method: 'POST',
        path: `${base}/activities`,
        body: {
          date: `${year}-03-01`,
          entries: [
            { kind: 'visit', count: 3 },
            { kind: 'contact_point', count: 1 },
          ],
        },
      }),
    },
    {
      route: 'GET centre figures',
      audience: 'centre',
      role: 'staff',
      next: async () => ({ method: 'GET', path: `${base}/figures/${year}` }),
    },
    {
      route: 'GET centre months',
      audience: 'centre',
      role: 'staff',
      next: async () => ({ method: 'GET', path: `${base}/figures/${year}/months` }),
    },
    {
      route: 'GET admin centres',
      audience: 'admin',
      role: 'admin',
      next: async () => ({ method: 'GET', path: '/api/admin/centres' }),
    },
    {
      route: 'POST admin centres',
      audience: 'admin',
      role: 'admin',
      next: async () => ({
        method: 'POST',
        path: '/api/admin/centres',
        body: { id: `b-${randomUUID().slice(0, 8)}`, name: 'CRUX Bench', town: 'Benchby' },
      }),
    },
    {
      route: 'GET headoffice figures',
      audience: 'headoffice',
      role: 'headoffice',
      next: async () => ({ method: 'GET', path: `/api/headoffice/figures/${year}` }),
    },
    {
      route: 'GET headoffice months',
      audience: 'headoffice',
      role: 'headoffice',
      next: async () => ({ method: 'GET', path: `/api/headoffice/figures/${year}/months` }),
    },
    {
      route: 'GET network figures',
      audience: 'network',
      role: 'network',
      next: async () => ({ method: 'GET', path: `/api/network/figures/${year}` }),
    },
  ];

  const rows: { route: string; requests: number; handlerMs: number; dynamoMs: number; ratio: number }[] = [];
  const costs: RouteCost[] = [];
  for (const s of scenarios) {
    progress(`API ${s.route}`);
    const totals: number[] = [];
    const sends: number[] = [];
    const requests = new Set<number>();
    const reads: number[] = [];
    const writes: number[] = [];
    const logBytes: number[] = [];
    let key = '';
    const token = await tokenOf(s.role, s.audience === 'centre' ? centre : undefined);
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const step = await s.next();
      key = matchRoute(step.method, step.path)?.routeKey ?? s.route;
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
      route: s.route,
      requests: Math.max(...requests),
      handlerMs: round(handlerMs),
      dynamoMs: round(dynamoMs),
      ratio: round(handlerMs / dynamoMs),
    });
    costs.push({
      routeKey: key,
      audience: s.audience,
      requests: Math.max(...requests),
      readUnits: median(reads),
      writeUnits: median(writes),
      handlerMs: round(handlerMs),
      logBytes: median(logBytes),
    });
  }
  const figures: Figure[] = [
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
