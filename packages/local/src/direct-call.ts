import { randomUUID } from 'node:crypto';
import { functionModule } from '@crux/api/audience-functions';
import type { Audience } from '@crux/api/audiences';
import { httpApiEvent } from '@crux/api/event';
import { IDEMPOTENCY_HEADER } from '@crux/api/headers';
import { matchRoute } from '@crux/api/match';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { type TokenMinter, tokenMinter } from './idp/access-tokens';

export type DirectCall = {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  /** The caller's claims, signed into an access token; undefined (and no `token`) sends none. */
  claims: Record<string, unknown> | undefined;
  /** Sent as the bearer token as it is, instead of one signed for `claims`. */
  token?: string;
  body?: unknown;
  /** Sent as is, for tests of malformed JSON. */
  rawBody?: string;
  /** Bytes sent as they are (base64 in the event, as API Gateway passes what is not UTF-8 text). */
  rawBytes?: Buffer;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  /** A POST gets a fresh key unless one is given; null sends none. */
  idempotencyKey?: string | null;
  /** API Gateway's id of the request, when a test follows it (into the access log). */
  requestId?: string;
};

/** `body` is the parsed JSON of a JSON answer, the text of any other; `bytes` are what came, as sent. */
// biome-ignore lint/suspicious/noExplicitAny: callers read answers field by field and check each one
export type DirectAnswer = { status: number; body: any; headers: Record<string, string>; bytes: Buffer };

type Handler = (
  event: APIGatewayProxyEventV2,
  context: unknown,
) => Promise<APIGatewayProxyStructuredResultV2>;

/**
 * Calls the real functions in this process with the event API Gateway would build — the route matched
 * once here, as API Gateway does — and a real access token signed by a key of the caller's own (see
 * access-tokens.ts). For the tests and the benchmark, which measure and check the functions without the
 * HTTP server around them. `prepare` sets the environment the functions read, before the first loads.
 */
export function directCaller(prepare: () => void = () => {}) {
  const handlers = new Map<Audience, Handler>();
  let minter: Promise<TokenMinter> | undefined;

  /** Sets the environment once, and hands back the minter that signs this caller's tokens. */
  function ready(): Promise<TokenMinter> {
    minter ??= tokenMinter().then((m) => {
      prepare();
      Object.assign(process.env, m.env);
      return m;
    });
    return minter;
  }

  async function handlerFor(audience: Audience): Promise<Handler> {
    const cached = handlers.get(audience);
    if (cached) return cached;
    await ready();
    const handler = ((await import(functionModule(audience))) as { handler: Handler }).handler;
    handlers.set(audience, handler);
    return handler;
  }

  async function call(c: DirectCall): Promise<DirectAnswer> {
    const match = matchRoute(c.method, c.path);
    if (!match) throw new Error(`no route for ${c.method} ${c.path}`);
    const handler = await handlerFor(match.route.audience);
    const headers: Record<string, string> = { ...(c.headers ?? {}) };
    const body =
      c.rawBytes?.toString('base64') ??
      c.rawBody ??
      (c.body === undefined ? undefined : JSON.stringify(c.body));
    if (body !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
    if (c.method === 'POST' && c.idempotencyKey !== null)
      headers[IDEMPOTENCY_HEADER] = c.idempotencyKey ?? randomUUID();
    const token = c.token ?? (c.claims ? await (await ready()).accessToken(c.claims) : undefined);
    if (token !== undefined) headers.authorization = `Bearer ${token}`;
    const event = httpApiEvent(match, {
      method: c.method,
      path: c.path,
      query: c.query,
      headers,
      body,
      ...(c.rawBytes ? { isBase64Encoded: true } : {}),
      ...(c.requestId ? { requestId: c.requestId } : {}),
    });
    const result = await handler(event, {});
    const answerHeaders = Object.fromEntries(
      Object.entries(result.headers ?? {}).map(([k, v]) => [k, String(v)]),
    );
    const bytes = Buffer.from(result.body ?? '', result.isBase64Encoded ? 'base64' : 'utf8');
    const json = (answerHeaders['content-type'] ?? 'application/json').includes('json');
    const text = bytes.toString('utf8');
    return {
      status: result.statusCode ?? 200,
      body: bytes.length === 0 ? undefined : json ? JSON.parse(text) : text,
      headers: answerHeaders,
      bytes,
    };
  }

  return { ready, call };
}
