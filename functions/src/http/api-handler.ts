import type { Audience } from '@crux/api/audiences';
import { audiences } from '@crux/api/audiences';
import { IDEMPOTENCY_HEADER, IDEMPOTENCY_KEY_PATTERN } from '@crux/api/headers';
import { refusePathParameters } from '@crux/api/path-parameters';
import { schemasOf } from '@crux/api/route-schemas';
import { type Route, routeByKey, takesBody } from '@crux/api/routes';
import { forbidden, notFound, unauthorized } from '@crux/domain/errors';
import { NoQuery } from '@crux/domain/queries';
import type { CentreRole } from '@crux/domain/roles';
import { parse } from '@crux/domain/validation';
import { issueTenantScope } from '@crux/store/tenant-scope';
import middy, { type MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { apiMiddlewares, noteCaller } from '../observability/api-requests';
import { readJsonBody } from './body';
import { idempotencyKeyMissing } from './errors';
import { answerSafely } from './failure';
import type { HandlersFor } from './request';
import { requestHash } from './request-hash';
import { type ApiResponse, errorResponse } from './response';
import { authenticate } from './token';

type AnyHandler = (request: unknown) => Promise<ApiResponse>;

/**
 * The request pipeline every API function shares, in the order a refusal must come: the route API
 * Gateway matched; the caller from the verified token (401); the route's roles (403); for a centre
 * audience the tenant, bound from the token and never from the body — a centre in the path must be the
 * caller's own, or the answer is 404, so a foreign id is neither confirmed nor denied; every path value
 * against its rule (path-parameters.ts: a malformed id is 404, a malformed year 400); the
 * Idempotency-Key of a POST; then the body and the query, validated against the route's schemas. Only
 * then does the handler run, with typed values.
 */
async function dispatch(
  audience: Audience,
  handlers: Record<string, AnyHandler>,
  event: APIGatewayProxyEventV2,
) {
  const route: Route | undefined = routeByKey.get(event.routeKey);
  const handler = handlers[event.routeKey];
  if (!route || route.audience !== audience || !handler) return errorResponse(notFound());

  const principal = await authenticate(event.headers.authorization);
  if (!principal) return errorResponse(unauthorized());
  noteCaller(event, principal);
  if (!(route.roles as readonly string[]).includes(principal.role)) return errorResponse(forbidden());

  const params = event.pathParameters ?? {};
  const scoped = audiences[audience].scoped;
  if (scoped && (!principal.centre || params.centreId !== principal.centre)) return errorResponse(notFound());
  const malformed = refusePathParameters(params);
  if (malformed) return errorResponse(malformed);

  const key = event.headers[IDEMPOTENCY_HEADER];
  if (route.method === 'POST' && !(key && IDEMPOTENCY_KEY_PATTERN.test(key)))
    return errorResponse(idempotencyKeyMissing());

  const schemas = schemasOf(event.routeKey as never);
  let body: unknown;
  if (takesBody(route)) {
    const json = readJsonBody(event);
    if (!json.ok) return errorResponse(json.error);
    const parsed = schemas.body ? parse(schemas.body, json.body) : { ok: true as const, value: json.body };
    if (!parsed.ok) return errorResponse(parsed.error);
    body = parsed.value;
  }
  const query = parse(schemas.query ?? NoQuery, event.queryStringParameters ?? {});
  if (!query.ok) return errorResponse(query.error);

  return handler({
    route,
    params,
    query: query.value,
    body,
    principal,
    idempotency:
      route.method === 'POST' && key
        ? {
            subject: principal.subject,
            key,
            requestHash: requestHash(route.method, event.rawPath, event.body),
          }
        : undefined,
    requestId: event.requestContext.requestId,
    now: new Date().toISOString(),
    ...(scoped && principal.centre
      ? { scope: issueTenantScope(principal.centre, principal.role as CentreRole, principal.subject) }
      : {}),
  });
}

/**
 * One audience's Lambda handler. `handlers` must hold exactly that audience's routes, each typed by its
 * own request: a handler of another audience's route, or a missing one, does not compile. `first`:
 * middlewares to run before the Logger and Metrics (the Tracer, where the function has one).
 */
export function createApiHandler<A extends Audience>(
  audience: A,
  handlers: HandlersFor<A>,
  first: MiddlewareObj<APIGatewayProxyEventV2, ApiResponse>[] = [],
) {
  const byKey = handlers as unknown as Record<string, AnyHandler>;
  const handler = middy<APIGatewayProxyEventV2, ApiResponse>().handler((event, context) =>
    answerSafely(audience, event, context, () => dispatch(audience, byKey, event)),
  );
  return handler.use(apiMiddlewares(audience, first));
}
