import { randomUUID } from 'node:crypto';
import { httpApiEvent } from '@crux/api/event';
import { probe } from './dynamo-probe';
import type { Figure } from './measure';
import { median, progress, round } from './measure';

type Handler = (event: unknown, context: unknown) => Promise<{ statusCode?: number; body?: string }>;
type Step = { method: string; path: string; query?: Record<string, string>; body?: unknown };
type Scenario = {
  route: string;
  fn: 'centre' | 'admin' | 'headoffice' | 'network';
  claims: Record<string, string>;
  next: () => Promise<Step>;
};

const WARMUP = 10;
const RUNS = 60;

const claims = (role: string, centre?: string) => ({
  sub: `bench-${role}`,
  token_use: 'access',
  client_id: 'bench',
  role,
  ...(centre ? { centre } : {}),
});

async function send(handler: Handler, claimsOf: Record<string, string>, step: Step) {
  const body = step.body === undefined ? undefined : JSON.stringify(step.body);
  const headers: Record<string, string> = body ? { 'content-type': 'application/json' } : {};
  if (step.method === 'POST') headers['idempotency-key'] = randomUUID();
  const event = httpApiEvent({
    method: step.method,
    path: step.path,
    query: step.query,
    headers,
    body,
    claims: claimsOf,
  });
  if (!event) throw new Error(`no route for ${step.method} ${step.path}`);
  const answer = await handler(event, {});
  if ((answer.statusCode ?? 500) >= 300)
    throw new Error(`${step.method} ${step.path}: ${answer.statusCode} ${answer.body}`);
  return JSON.parse(answer.body ?? 'null');
}

/**
 * For every route: DynamoDB requests per call, and the warm handler's latency against the time its own
 * DynamoDB requests took (median of RUNS calls after WARMUP).
 */
export async function benchApi(year: number): Promise<Figure[]> {
  const { documentClient } = await import('@crux/functions/runtime/dynamo');
  const handlers = {
    centre: (await import('@crux/functions/centre-api/handler')).handler as unknown as Handler,
    admin: (await import('@crux/functions/admin-api/handler')).handler as unknown as Handler,
    headoffice: (await import('@crux/functions/headoffice-api/handler')).handler as unknown as Handler,
    network: (await import('@crux/functions/network-api/handler')).handler as unknown as Handler,
  };
  const p = probe(documentClient());
  const centre = `bench-${randomUUID().slice(0, 8)}`;
  const staff = claims('staff', centre);
  const base = `/api/centres/${centre}`;
  const participant = (i: number) => ({
    displayName: `Deltaker ${i}`,
    birthYear: 1980,
    startDate: `${year}-01-15`,
    referralSource: 'nav',
  });
  const create = () =>
    send(handlers.centre, staff, { method: 'POST', path: `${base}/participants`, body: participant(0) });
  for (let i = 0; i < 30; i++) await create();
  for (let i = 0; i < 40; i++) {
    await send(handlers.centre, staff, {
      method: 'POST',
      path: `${base}/activities`,
      body: { date: `${year}-02-${String((i % 28) + 1).padStart(2, '0')}`, kind: 'visit', count: 2 },
    });
  }
  const editable = await create();
  let version = editable.version as number;

  const scenarios: Scenario[] = [
    {
      route: 'GET participants',
      fn: 'centre',
      claims: staff,
      next: async () => ({ method: 'GET', path: `${base}/participants`, query: { limit: '25' } }),
    },
    {
      route: 'POST participants',
      fn: 'centre',
      claims: staff,
      next: async () => ({ method: 'POST', path: `${base}/participants`, body: participant(1) }),
    },
    {
      route: 'GET participant',
      fn: 'centre',
      claims: staff,
      next: async () => ({ method: 'GET', path: `${base}/participants/${editable.id}` }),
    },
    {
      route: 'PUT participant',
      fn: 'centre',
      claims: staff,
      next: async () => ({
        method: 'PUT',
        path: `${base}/participants/${editable.id}`,
        body: { ...participant(2), version: version++ },
      }),
    },
    {
      route: 'POST participant end',
      fn: 'centre',
      claims: staff,
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
      fn: 'centre',
      claims: staff,
      next: async () => ({
        method: 'GET',
        path: `${base}/activities`,
        query: { from: `${year}-02-01`, to: `${year}-02-29` },
      }),
    },
    {
      route: 'POST activities',
      fn: 'centre',
      claims: staff,
      next: async () => ({
        method: 'POST',
        path: `${base}/activities`,
        body: { date: `${year}-03-01`, kind: 'contact_point', count: 1 },
      }),
    },
    {
      route: 'GET admin centres',
      fn: 'admin',
      claims: claims('admin'),
      next: async () => ({ method: 'GET', path: '/api/admin/centres' }),
    },
    {
      route: 'POST admin centres',
      fn: 'admin',
      claims: claims('admin'),
      next: async () => ({
        method: 'POST',
        path: '/api/admin/centres',
        body: { id: `b-${randomUUID().slice(0, 8)}`, name: 'CRUX Bench', town: 'Benchby' },
      }),
    },
    {
      route: 'GET headoffice figures',
      fn: 'headoffice',
      claims: claims('headoffice'),
      next: async () => ({ method: 'GET', path: `/api/headoffice/figures/${year}` }),
    },
    {
      route: 'GET headoffice months',
      fn: 'headoffice',
      claims: claims('headoffice'),
      next: async () => ({ method: 'GET', path: `/api/headoffice/figures/${year}/months` }),
    },
    {
      route: 'GET network figures',
      fn: 'network',
      claims: claims('network'),
      next: async () => ({ method: 'GET', path: `/api/network/figures/${year}` }),
    },
  ];

  const rows: { route: string; requests: number; handlerMs: number; dynamoMs: number; ratio: number }[] = [];
  for (const s of scenarios) {
    progress(`API ${s.route}`);
    const totals: number[] = [];
    const sends: number[] = [];
    const requests = new Set<number>();
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const step = await s.next();
      p.reset();
      const started = performance.now();
      await send(handlers[s.fn], s.claims, step);
      const elapsed = performance.now() - started;
      if (i < WARMUP) continue;
      totals.push(elapsed);
      sends.push(p.sendMs());
      requests.add(p.requests());
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
  }
  return [
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
}
