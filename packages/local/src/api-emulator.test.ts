import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import type { Audience } from '@crux/api/audiences';
import {
  internalError,
  outcomeUnknown,
  payloadTooLarge,
  RETRY_AFTER_SECONDS,
  requestTimeout,
  unavailable,
} from '@crux/api/errors';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHandler, createApiEmulator } from './api-emulator';
import { BODY_IDLE_MS } from './http';

/**
 * The emulator with a function that records what it was given: the event must be the payload-2.0
 * event API Gateway builds, and the answer must go back as the function shaped it.
 */
const seen: { fn: Audience; event: APIGatewayProxyEventV2; context: Context }[] = [];
let server: Server;
let base: string;
let reply: Awaited<ReturnType<ApiHandler>> = { statusCode: 200, body: '{}' };
/** The functions' timeout in this emulator: short, so the test of running out of it is quick. */
const TIMEOUT_MS = 1_500;

beforeAll(async () => {
  const handle = createApiEmulator({
    bodyLimit: 1024,
    timeoutMs: TIMEOUT_MS,
    loadHandler: async (fn) => async (event, context) => {
      seen.push({ fn, event, context });
      if (event.rawPath.endsWith('/boom')) throw new Error('the function crashed');
      if (event.rawPath.includes('/slow')) await new Promise((r) => setTimeout(r, TIMEOUT_MS * 3));
      return reply;
    },
  });
  server = createServer((req, res) => void handle(req, res, new URL(req.url ?? '/', 'http://127.0.0.1')));
  await new Promise<void>((resolve) => server.listen({ port: 0, host: '127.0.0.1' }, resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const auth = () => ({ authorization: 'Bearer a.b.c' });

describe('the API emulator', () => {
  it('builds the payload-2.0 event API Gateway would, for the route’s function', async () => {
    seen.length = 0;
    const answer = await fetch(
      `${base}/api/centres/tromso/activities?from=2025-01-01&to=2025-01-31&x=1&x=2`,
      {
        method: 'POST',
        headers: {
          ...auth(),
          'Content-Type': 'application/json',
          'Idempotency-Key': 'abcdefgh12',
          cookie: 'a=1; b=2',
        },
        body: '{"kind":"visit"}',
      },
    );
    expect(answer.status).toBe(200);
    const [{ fn, event, context }] = seen as [(typeof seen)[number]];
    expect(fn).toBe('centre');
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'POST /api/centres/{centreId}/activities',
      rawPath: '/api/centres/tromso/activities',
      pathParameters: { centreId: 'tromso' },
      queryStringParameters: { from: '2025-01-01', to: '2025-01-31', x: '1,2' },
      body: '{"kind":"visit"}',
      isBase64Encoded: false,
      cookies: ['a=1', 'b=2'],
    });
    expect(event.headers).toMatchObject({
      'content-type': 'application/json',
      'idempotency-key': 'abcdefgh12',
    });
    expect(event.headers.cookie).toBeUndefined();
    expect(event.requestContext.http).toMatchObject({
      method: 'POST',
      path: '/api/centres/tromso/activities',
      sourceIp: '127.0.0.1',
    });
    // The function verifies the token itself, as it does in AWS: the header reaches it as sent.
    expect(event.headers.authorization).toBe('Bearer a.b.c');
    expect(context.getRemainingTimeInMillis()).toBeGreaterThan(0);
  });

  it('sends the function’s answer back as it shaped it', async () => {
    reply = {
      statusCode: 409,
      headers: { 'X-Thing': 'yes', 'content-type': 'application/json' },
      body: '{"error":1}',
    };
    const answer = await fetch(`${base}/api/admin/centres`, { headers: auth() });
    expect(answer.status).toBe(409);
    expect(answer.headers.get('x-thing')).toBe('yes');
    expect(await answer.json()).toEqual({ error: 1 });
    reply = { statusCode: 200, body: '{}' };
  });

  it('answers an unknown route 404 without invoking a function, like API Gateway', async () => {
    for (const [method, path] of [
      ['GET', '/api/nothing'],
      ['DELETE', '/api/admin/centres'],
      ['GET', '/api/centres/tromso/participants/'],
    ] as const) {
      const answer = await fetch(`${base}${path}`, { method });
      expect(answer.status, `${method} ${path}`).toBe(404);
      expect(await answer.json()).toEqual({ message: 'Not Found' });
    }
  });

  it('hands a body that is not valid UTF-8 on as base64, so the function sees the bytes that came', async () => {
    seen.length = 0;
    await fetch(`${base}/api/admin/centres`, {
      method: 'POST',
      headers: { ...auth(), 'content-type': 'application/json' },
      body: Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d]),
    });
    const [{ event }] = seen as [(typeof seen)[number]];
    expect(event.isBase64Encoded).toBe(true);
    expect(Buffer.from(event.body ?? '', 'base64')).toEqual(Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d]));
  });

  it('refuses a body over the limit with 413 in the error shape, without invoking the function', async () => {
    seen.length = 0;
    for (const declared of [true, false]) {
      // Declared in Content-Length, or only found out while a chunked body streams in.
      const pad = JSON.stringify({ pad: 'x'.repeat(2000) });
      const answer = await fetch(`${base}/api/admin/centres`, {
        method: 'POST',
        headers: { ...auth(), 'content-type': 'application/json' },
        body: declared ? pad : new Blob([pad]).stream(),
        ...(declared ? {} : { duplex: 'half' }),
      } as RequestInit);
      expect(answer.status).toBe(413);
      expect(await answer.json()).toEqual({ error: payloadTooLarge() });
    }
    expect(seen).toEqual([]);
  });

  it('answers a body that stops short of its Content-Length with 408 within a few seconds', async () => {
    seen.length = 0;
    const started = Date.now();
    const raw = await rawRequest(
      [
        'POST /api/admin/centres HTTP/1.1',
        `Host: ${new URL(base).host}`,
        'Authorization: Bearer a.b.c',
        'Content-Type: application/json',
        'Content-Length: 100',
        '',
        '{"id":"short',
      ].join('\r\n'),
    );
    expect(Date.now() - started).toBeLessThan(BODY_IDLE_MS + 2_000);
    expect(raw.status).toBe(408);
    expect(JSON.parse(raw.body)).toEqual({ error: requestTimeout() });
    expect(seen).toEqual([]);
  });

  it('turns a crashing function into 500 in the error shape', async () => {
    const answer = await fetch(`${base}/api/centres/tromso/participants/boom`, { headers: auth() });
    expect(answer.status).toBe(500);
    expect(await answer.json()).toEqual({ error: internalError() });
  });

  it('answers a function that runs out of time with 503 and Retry-After: unknown outcome for a write', async () => {
    const started = Date.now();
    const read = await fetch(`${base}/api/centres/tromso/participants/slow`, { headers: auth() });
    expect(read.status).toBe(503);
    expect(read.headers.get('retry-after')).toBe(String(RETRY_AFTER_SECONDS));
    expect(await read.json()).toEqual({ error: unavailable(false) });
    const write = await fetch(`${base}/api/centres/tromso/participants/slow`, {
      method: 'PUT',
      headers: { ...auth(), 'content-type': 'application/json' },
      body: '{}',
    });
    expect(write.status).toBe(503);
    expect(await write.json()).toEqual({ error: outcomeUnknown() });
    expect(Date.now() - started).toBeLessThan(2 * TIMEOUT_MS + 1_000);
  });

  it('answers a path parameter with broken percent-encoding with 400', async () => {
    const answer = await fetch(`${base}/api/centres/%E0%A4%A/participants`, { headers: auth() });
    expect(answer.status).toBe(400);
  });
});

/** A request written byte for byte, to send what fetch never would: a body shorter than it says. */
function rawRequest(text: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(base);
    const socket = connect({ host: hostname, port: Number(port) }, () => socket.write(text));
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => {
      received += chunk;
    });
    socket.on('error', reject);
    socket.on('close', () => {
      const [head = '', body = ''] = received.split('\r\n\r\n');
      resolve({ status: Number(head.split(' ')[1]), body });
    });
    socket.setTimeout(15_000, () => socket.destroy(new Error('no answer')));
  });
}
