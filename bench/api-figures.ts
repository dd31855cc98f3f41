import { type Route, routeKey, routes } from '@crux/api/routes';
import type { Sent } from './dynamo-probe';
import type { Figure } from './measure';

/** One route as the bench measured it (bench/api.ts). */
export type ApiRow = {
  route: Route;
  key: string;
  /** The first request's path, with the bench's records in it. */
  path: string;
  /** The most DynamoDB requests of the table any call made, and calls to the user pool (Cognito). */
  requests: number;
  poolCalls: number;
  commands: Record<string, number>;
  /** The table requests each timed call made. */
  calls: Sent[][];
  handlerMs: number;
  dynamoMs: number;
  ratio: number;
  /** Why the route makes more than one request, as its scenario states. */
  needs?: string;
};

const writeCommands = /^(Put|Update|Delete|TransactWrite|BatchWrite)/;
export const isWrite = (s: Sent) => writeCommands.test(s.command);

/**
 * What issue 11 asks of a route that reads personal data: the read, and its access-log entry written
 * beside it (or, where only the answer names the people, right after it) before the answer goes out.
 * Every other route: one request (issues 9, 12, 14: "one DynamoDB request per route").
 */
export function allowed(route: Route): { requests: number; why?: string } {
  if (route.method === 'GET' && 'personal' in route)
    return { requests: 2, why: '1 read + its access-log write (issue 11)' };
  return { requests: 1 };
}

function countOf(r: ApiRow): string | number {
  const total = r.requests + r.poolCalls;
  const { requests, why } = allowed(r.route);
  const pool = r.poolCalls ? ` (${r.requests} table + ${r.poolCalls} user pool)` : '';
  if (total <= requests) return why ? `${total}: ${why}` : total;
  const commands = Object.entries(r.commands)
    .map(([c, n]) => `${n} ${c.replace(/Command$/, '')}`)
    .join(', ');
  return `${total}${pool} [${commands}], target ${requests}${why ? ` (${why})` : ''}; needs ${r.needs ?? 'no reason stated'}`;
}

/** Every route measured; its requests against what the issues ask; its warm latency against them. */
export function routeFigures(rows: ApiRow[]): Figure[] {
  const benched = new Set(rows.map((r) => r.key));
  const unbenched = routes.map(routeKey).filter((key) => !benched.has(key));
  const over = rows.filter((r) => r.requests + r.poolCalls > allowed(r.route).requests);
  return [
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
      label:
        'Requests per call, every route (DynamoDB, and the user pool where a route calls it; most seen in any call)',
      value: `${rows.length - over.length} of ${rows.length} routes on target`,
      unit: '',
      target:
        '1 per route; a read of personal data 1 + its access-log write beside it (issue 11: 2); the user pool’s calls count',
      pass: over.length === 0,
      detail: Object.fromEntries(rows.map((r) => [r.key, countOf(r)])),
    },
    {
      id: 'api.warm-latency',
      label: 'Warm handler latency ÷ its own requests’ time (DynamoDB and user pool; worst route, medians)',
      value: Math.max(...rows.map((r) => r.ratio)),
      unit: '×',
      target: '≤ 1.2× on every route',
      pass: rows.every((r) => r.ratio <= 1.2),
      detail: {
        measured:
          'handlerMs: the call as the bench makes it, the event built as API Gateway would send it, the warm handler, its answer read back; requestsMs: the time at least one of its requests was under way, a DynamoDB request from the SDK’s send to its answer, a user-pool request (the accounts routes) from the handler’s call to the local pool to its answer, its password hashing included, which Cognito does behind its API in AWS',
        ...Object.fromEntries(
          rows.map((r) => [r.key, { handlerMs: r.handlerMs, requestsMs: r.dynamoMs, ratio: r.ratio }]),
        ),
      },
    },
  ];
}

/** The row of a route, by its key in the route table. */
export function rowOf(rows: ApiRow[], key: string): ApiRow {
  const row = rows.find((r) => r.key === key);
  if (!row) throw new Error(`bench: ${key} was not measured`);
  return row;
}

/** The most read requests (not the log write) any call of a row made. */
export const readsOf = (row: ApiRow) =>
  Math.max(...row.calls.map((c) => c.filter((s) => !isWrite(s)).length));
export const writesOf = (row: ApiRow) => Math.max(...row.calls.map((c) => c.filter(isWrite).length));
