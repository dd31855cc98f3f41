import { randomUUID } from 'node:crypto';
import { functionModule } from '@crux/api/audience-functions';
import { httpApiEvent } from '@crux/api/event';
import { IDEMPOTENCY_HEADER } from '@crux/api/headers';
import { matchRoute } from '@crux/api/match';
import { metricNames, metricNamespace } from '@crux/functions/observability/names';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { functionsReady } from '../api/call';
import { uniqueCentreId } from '../setup/dynamo';

// Before any function module loads: the Logger at INFO and Metrics on, as in AWS.
process.env.POWERTOOLS_LOG_LEVEL = 'INFO';
process.env.POWERTOOLS_METRICS_DISABLED = 'false';

type Handler = (e: APIGatewayProxyEventV2, c: Context) => Promise<APIGatewayProxyStructuredResultV2>;

/** Everything the functions write to stdout and stderr while `run` runs, line by line. */
async function captured<T>(run: () => Promise<T>): Promise<{ result: T; lines: string[] }> {
  const chunks: string[] = [];
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  const grab = (chunk: unknown) => {
    chunks.push(String(chunk));
    return true;
  };
  process.stdout.write = grab as typeof process.stdout.write;
  process.stderr.write = grab as typeof process.stderr.write;
  try {
    const result = await run();
    return { result, lines: chunks.join('').split('\n').filter(Boolean) };
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
}

const NAME = `Ingrid Loggtest-${randomUUID().slice(0, 6)}`;
const centre = uniqueCentreId('logs');
let handler: Handler;
let token: (claims: Record<string, unknown>) => Promise<string>;
const subjects = new Set<string>();

beforeAll(async () => {
  const minter = await functionsReady();
  token = (claims) => minter.accessToken(claims);
  handler = ((await import(functionModule('centre'))) as { handler: Handler }).handler;
});

afterEach(() => {
  subjects.clear();
});

/** A request as API Gateway hands it over, by a caller with a real token; its request id is the correlation id. */
async function request(
  role: string,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  body?: unknown,
): Promise<{ event: APIGatewayProxyEventV2; status: number; lines: string[]; answer: unknown }> {
  const sub = `user-${randomUUID()}`;
  subjects.add(sub);
  const match = matchRoute(method, path);
  if (!match) throw new Error(`no route for ${method} ${path}`);
  const headers: Record<string, string> = {
    authorization: `Bearer ${await token({ sub, role, centre })}`,
    'content-type': 'application/json',
  };
  if (method === 'POST') headers[IDEMPOTENCY_HEADER] = randomUUID();
  const event = httpApiEvent(match, {
    method,
    path,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const context = { functionName: 'crux-centre-api', awsRequestId: randomUUID() } as Context;
  const { result, lines } = await captured(() => handler(event, context));
  return { event, status: result.statusCode ?? 200, lines, answer: JSON.parse(result.body ?? 'null') };
}

const participant = {
  displayName: NAME,
  birthYear: 1980,
  startDate: '2025-01-15',
  referralSource: 'nav',
};

/** The keys a request's log line may have: Powertools' Lambda context, then ours; nothing else. */
const allowedKeys = new Set([
  'level',
  'message',
  'timestamp',
  'service',
  'cold_start',
  'function_arn',
  'function_memory_size',
  'function_name',
  'function_request_id',
  'sampling_rate',
  'xray_trace_id',
  'correlation_id',
  'route',
  'audience',
  'role',
  'centre',
  'status',
  'latency_ms',
]);

function expectNothingPersonal(lines: string[]): void {
  for (const line of lines) {
    expect(line).not.toContain(NAME);
    expect(line).not.toContain('Loggtest');
    for (const sub of subjects) expect(line).not.toContain(sub);
  }
}

function requestLine(lines: string[]): Record<string, unknown> {
  const logs = lines
    .map((l) => JSON.parse(l) as Record<string, unknown>)
    .filter((l) => l.message === 'request');
  expect(logs).toHaveLength(1);
  return logs[0] as Record<string, unknown>;
}

/** The embedded-metric-format blobs among the lines: each names its metrics under `_aws`. */
function metricBlobs(lines: string[]): Record<string, unknown>[] {
  return lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => typeof l._aws === 'object');
}

describe('one structured line per request, with its correlation id and nothing personal', () => {
  it('a registration with a name in its body: the line has route, audience, role, centre, status and latency', async () => {
    const { event, status, lines } = await request(
      'staff',
      'POST',
      `/api/centres/${centre}/participants`,
      participant,
    );
    expect(status).toBe(201);
    const line = requestLine(lines);
    expect(line).toMatchObject({
      level: 'INFO',
      service: 'centre',
      correlation_id: event.requestContext.requestId,
      route: 'POST /api/centres/{centreId}/participants',
      audience: 'centre',
      role: 'staff',
      centre,
      status: 201,
      function_name: 'crux-centre-api',
    });
    expect(typeof line.latency_ms).toBe('number');
    expect(typeof line.cold_start).toBe('boolean');
    for (const key of Object.keys(line)) expect(allowedKeys, key).toContain(key);
    expectNothingPersonal(lines);

    const blobs = metricBlobs(lines);
    const counted = blobs.find((b) => metricNames.requests in b);
    expect(counted).toMatchObject({
      service: 'centre',
      [metricNames.requests]: 1,
      [metricNames.serverErrors]: 0,
    });
    const registration = blobs.find((b) => metricNames.registrations in b);
    expect(registration).toMatchObject({
      service: 'centre',
      kind: 'participant',
      [metricNames.registrations]: 1,
    });
    expect(JSON.stringify(registration?._aws)).toContain(metricNamespace);
  });

  it('a refused write (an unknown field beside the name): status 400, counted as refused, still no name', async () => {
    const { event, status, lines } = await request('staff', 'POST', `/api/centres/${centre}/participants`, {
      ...participant,
      nickname: NAME,
    });
    expect(status).toBe(400);
    expect(requestLine(lines)).toMatchObject({ correlation_id: event.requestContext.requestId, status: 400 });
    const refused = metricBlobs(lines).find((b) => metricNames.refused in b);
    expect(refused).toMatchObject({ service: 'centre', status: '400', [metricNames.refused]: 1 });
    expect(metricBlobs(lines).some((b) => metricNames.registrations in b)).toBe(false);
    expectNothingPersonal(lines);
  });

  it('a conflict, whose answer carries the stored participant and its name: the log does not', async () => {
    const created = await request('staff', 'POST', `/api/centres/${centre}/participants`, participant);
    const id = (created.answer as { id: string }).id;
    const path = `/api/centres/${centre}/participants/${id}`;
    await request('staff', 'PUT', path, { ...participant, version: 1 });
    const stale = await request('leader', 'PUT', path, { ...participant, version: 1 });
    expect(stale.status).toBe(409);
    expect(JSON.stringify(stale.answer)).toContain(NAME);
    expect(requestLine(stale.lines)).toMatchObject({ status: 409, role: 'leader', centre });
    expectNothingPersonal([...created.lines, ...stale.lines]);
  });

  it('a caller of the wrong role: 403 with the role and centre from the token, and no other claim', async () => {
    const { status, lines } = await request(
      'volunteer',
      'POST',
      `/api/centres/${centre}/participants`,
      participant,
    );
    expect(status).toBe(403);
    expect(requestLine(lines)).toMatchObject({ status: 403, role: 'volunteer', centre });
    expectNothingPersonal(lines);
  });

  it('no token at all: 401, and the line names no caller', async () => {
    const match = matchRoute('GET', `/api/centres/${centre}/participants`);
    if (!match) throw new Error('no route');
    const event = httpApiEvent(match, { method: 'GET', path: `/api/centres/${centre}/participants` });
    const { result, lines } = await captured(() => handler(event, {} as Context));
    expect(result.statusCode).toBe(401);
    const line = requestLine(lines);
    expect(line).toMatchObject({ status: 401, correlation_id: event.requestContext.requestId });
    expect(line.role).toBeUndefined();
    expect(line.centre).toBeUndefined();
  });
});
