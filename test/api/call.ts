import { randomUUID } from 'node:crypto';
import { httpApiEvent } from '@crux/api/event';
import { matchRoute } from '@crux/api/match';
import type { Role } from '@crux/domain/roles';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { applyTestEnv } from '../setup/dynamo';

export type Claims = Record<string, string>;

/** Access-token claims as API Gateway's JWT authorizer hands them to the function (all strings). */
export function claimsFor(role: Role, centre?: string, extra: Claims = {}): Claims {
  return {
    sub: `${role}-${centre ?? 'none'}-${randomUUID()}`,
    token_use: 'access',
    client_id: 'crux-web-test',
    scope: 'openid',
    role,
    ...(centre ? { centre } : {}),
    ...extra,
  };
}

type Handler = (
  event: APIGatewayProxyEventV2WithJWTAuthorizer,
  context: unknown,
) => Promise<APIGatewayProxyStructuredResultV2>;

const handlers = new Map<string, Handler>();

async function handlerFor(fn: string): Promise<Handler> {
  const cached = handlers.get(fn);
  if (cached) return cached;
  applyTestEnv();
  const modules: Record<string, () => Promise<{ handler: unknown }>> = {
    centre: () => import('@crux/functions/centre-api/handler'),
    admin: () => import('@crux/functions/admin-api/handler'),
    headoffice: () => import('@crux/functions/headoffice-api/handler'),
    network: () => import('@crux/functions/network-api/handler'),
  };
  const load = modules[fn];
  if (!load) throw new Error(`no function ${fn}`);
  const handler = (await load()).handler as Handler;
  handlers.set(fn, handler);
  return handler;
}

export type Call = {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  claims: Claims | undefined;
  body?: unknown;
  /** Sent as is, for tests of malformed JSON. */
  rawBody?: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  idempotencyKey?: string | null;
};

// biome-ignore lint/suspicious/noExplicitAny: tests read answers field by field and assert each one
export type Answer = { status: number; body: any };

/**
 * Calls the real handler with the event API Gateway would build for this request after its JWT
 * authorizer accepted the token. Token verification itself is tested through the local emulator.
 */
export async function call(c: Call): Promise<Answer> {
  const match = matchRoute(c.method, c.path);
  if (!match) throw new Error(`no route for ${c.method} ${c.path}`);
  const handler = await handlerFor(match.route.fn);
  const headers: Record<string, string> = { ...(c.headers ?? {}) };
  const body = c.rawBody ?? (c.body === undefined ? undefined : JSON.stringify(c.body));
  if (body !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
  if (c.method === 'POST' && c.idempotencyKey !== null)
    headers['idempotency-key'] = c.idempotencyKey ?? randomUUID();
  const event = httpApiEvent({
    method: c.method,
    path: c.path,
    query: c.query,
    headers,
    body,
    claims: c.claims,
  });
  if (!event) throw new Error(`no route for ${c.method} ${c.path}`);
  const result = await handler(event, {});
  return { status: result.statusCode ?? 200, body: result.body ? JSON.parse(result.body) : undefined };
}
