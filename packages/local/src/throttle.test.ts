import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { routeByKey } from '@crux/api/routes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiEmulator } from './api-emulator';

/**
 * The tokenless answer routes' own throttle (routes.ts), enforced by the local runtime as API Gateway
 * does in AWS: a bucket per route of `burst` requests, refilled at `rate` a second; over it, 429 in
 * the API's error shape, and the function is never called. The clock is the test's, stepped by hand.
 */
let server: Server;
let base: string;
let clock = 0;
let invoked = 0;

beforeAll(async () => {
  const handle = createApiEmulator({
    now: () => clock,
    loadHandler: async () => async () => {
      invoked++;
      return { statusCode: 200, body: '{}' };
    },
  });
  server = createServer((req, res) => void handle(req, res, new URL(req.url ?? '/', 'http://127.0.0.1')));
  await new Promise<void>((resolve) => server.listen({ port: 0, host: '127.0.0.1' }, resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const limitOf = (key: string) => {
  const route = routeByKey.get(key);
  if (!route || !('throttle' in route)) throw new Error(`${key} has no throttle`);
  return route.throttle;
};
const read = () => fetch(`${base}/api/answer/ovre-eiker`);
const statuses = async (n: number, request: () => Promise<Response>) => {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push((await request()).status);
  return out;
};

describe('a route’s own throttle in the local runtime', () => {
  it('lets a burst through, then answers 429 in the error shape without calling the function', async () => {
    const { burst } = limitOf('GET /api/answer/{centreId}');
    invoked = 0;
    expect(await statuses(burst, read)).toEqual(Array(burst).fill(200));
    const refused = await read();
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.headers.get('content-type')).toContain('application/json');
    const { error } = (await refused.json()) as {
      error: { code: string; message: { nb: string; en: string } };
    };
    expect(error.code).toBe('too_many_requests');
    expect(error.message.nb).toMatch(/For mange/);
    expect(invoked).toBe(burst);
  });

  it('refills at the route’s rate: a tenth of a second later, a tenth of its rate gets through', async () => {
    const { rate } = limitOf('GET /api/answer/{centreId}');
    clock += 100;
    expect(await statuses(rate / 10 + 1, read)).toEqual([...Array(rate / 10).fill(200), 429]);
  });

  it('keeps a bucket per route: the answer POST has its own, and routes without a throttle have none', async () => {
    const { burst } = limitOf('POST /api/answer/{centreId}/rounds/{roundId}');
    const answer = () =>
      fetch(`${base}/api/answer/ovre-eiker/rounds/r1`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
    expect(await statuses(burst + 1, answer)).toEqual([...Array(burst).fill(200), 429]);
    const centre = () => fetch(`${base}/api/centres/ovre-eiker/survey/rounds`);
    expect(await statuses(burst * 3, centre)).toEqual(Array(burst * 3).fill(200));
  });
});
