import { notJson, payloadTooLarge, unsupportedMediaType } from '@crux/api/errors';
import { IDEMPOTENCY_HEADER, type RouteDef, type RouteKey, routeKey, routes } from '@crux/api/routes';
import { forbidden, notFound, unauthorized } from '@crux/domain/errors';
import type { Audience, CentreRole } from '@crux/domain/roles';
import { issueTenantScope, type TenantScope } from '@crux/store/tenant-scope';
import middy from '@middy/core';
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { idempotencyKeyMissing } from './errors';
import { answerSafely } from './failure';
import { type Principal, principalFromClaims } from './principal';
import { requestHash } from './request-hash';
import { type ApiResponse, errorResponse } from './response';

export type ApiRequest = {
  route: RouteDef;
  params: Record<string, string>;
  query: Record<string, string>;
  /** The parsed JSON body of a write; undefined for reads. */
  body: unknown;
  principal: Principal;
  /** Present on every POST (required there). */
  idempotencyKey: string | undefined;
  /** Hash of method, path and body: tells a retry from another request under the same key. */
  requestHash: string;
  now: string;
};

/** A request on a centre's route, after the auth layer has bound it to the caller's own centre. */
export type CentreRequest = ApiRequest & { scope: TenantScope };

export type RouteHandler<R extends ApiRequest = ApiRequest> = (request: R) => Promise<ApiResponse>;

const MAX_BODY_BYTES = 64 * 1024;
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,128}$/;

type Event = APIGatewayProxyEventV2WithJWTAuthorizer;

function parseBody(event: Event): { ok: true; body: unknown } | { ok: false; response: ApiResponse } {
  const raw =
    event.isBase64Encoded && event.body ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  if (raw && Buffer.byteLength(raw) > MAX_BODY_BYTES)
    return { ok: false, response: errorResponse(payloadTooLarge()) };
  const type = event.headers['content-type'] ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type))
    return { ok: false, response: errorResponse(unsupportedMediaType()) };
  try {
    return { ok: true, body: JSON.parse(raw ?? '') };
  } catch {
    return { ok: false, response: errorResponse(notJson()) };
  }
}

/**
 * The request pipeline every API function shares: identity from the verified token, the route's role
 * check, the tenant bound from the token (never from the body; a centre in the path must be the caller's
 * own, or the answer is 404 so a foreign id is neither confirmed nor denied), then the body.
 */
async function dispatch(audience: Audience, handlers: RouteHandlers, event: Event): Promise<ApiResponse> {
  const route = routes.find((r) => r.fn === audience && routeKey(r) === event.routeKey);
  const handler = handlers[event.routeKey as RouteKey];
  if (!route || !handler) return errorResponse(notFound());

  const principal = principalFromClaims(event.requestContext.authorizer?.jwt?.claims);
  if (!principal) return errorResponse(unauthorized());
  if (!(route.roles as readonly string[]).includes(principal.role)) return errorResponse(forbidden());

  const params = (event.pathParameters ?? {}) as Record<string, string>;
  let scope: TenantScope | undefined;
  if (audience === 'centre') {
    if (!principal.centre || params.centreId !== principal.centre) return errorResponse(notFound());
    scope = issueTenantScope(principal.centre, principal.role as CentreRole, principal.subject);
  }

  let body: unknown;
  const idempotencyKey = event.headers[IDEMPOTENCY_HEADER];
  if (route.write) {
    if (route.method === 'POST' && !(idempotencyKey && IDEMPOTENCY_KEY.test(idempotencyKey))) {
      return errorResponse(idempotencyKeyMissing());
    }
    const parsed = parseBody(event);
    if (!parsed.ok) return parsed.response;
    body = parsed.body;
  }

  const request: ApiRequest = {
    route,
    params,
    query: (event.queryStringParameters ?? {}) as Record<string, string>,
    body,
    principal,
    idempotencyKey,
    requestHash: requestHash(route.method, event.rawPath, event.body),
    now: new Date().toISOString(),
  };
  const run = handler as (r: ApiRequest | CentreRequest) => Promise<ApiResponse>;
  return run(scope ? { ...request, scope } : request);
}

export type RouteHandlers = Partial<Record<RouteKey, RouteHandler<never>>>;

export function createApiHandler(audience: Audience, handlers: RouteHandlers) {
  return middy<Event, ApiResponse>().handler((event, context) =>
    answerSafely(audience, event, context, () => dispatch(audience, handlers, event)),
  );
}
