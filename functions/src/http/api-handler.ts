import type { Audience } from '@crux/api/audiences';
import { audiences, isTokenless } from '@crux/api/audiences';
import { IDEMPOTENCY_HEADER, IDEMPOTENCY_KEY_PATTERN } from '@crux/api/headers';
import { refusePathParameters } from '@crux/api/path-parameters';
import type { RouteSchemas } from '@crux/api/route-schemas';
import type { Route, RoutesOf } from '@crux/api/routes';
import { keyOfRoute, takesBody } from '@crux/api/routes/route-def';
import type { CentreId } from '@crux/domain/centre';
import { type AppError, forbidden, notFound, unauthorized } from '@crux/domain/errors';
import { NoQuery } from '@crux/domain/queries';
import { type CentreRole, PARTICIPANT_ROLE } from '@crux/domain/roles';
import { parse } from '@crux/domain/validation';
import { issueTenantScope } from '@crux/store/tenant-scope';
import middy, { type MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { apiMiddlewares, noteCaller } from '../observability/api-requests';
import { requestLog } from './access-log';
import { readJsonBody } from './body';
import { idempotencyKeyMissing } from './errors';
import { answerSafely } from './failure';
import type { HandlersFor } from './request';
import { requestHash } from './request-hash';
import { type ApiResponse, errorResponse } from './response';
import { authenticate } from './token';

type AnyHandler = (request: unknown) => Promise<ApiResponse>;

/**
 * One audience's side of the API contract: its routes (packages/api/src/routes/) and their request
 * schemas (packages/api/src/schemas/). The handler module passes its own, so a function bundles the
 * routes and schemas it serves and no other audience's.
 */
export type AudienceContract<A extends Audience> = {
  routes: readonly (RoutesOf<A> | Route)[];
  schemas: { readonly [key: string]: RouteSchemas };
};

/** The routes one function serves, by key, each with its schemas and its handler. */
type Served = ReadonlyMap<string, { route: Route; schemas: RouteSchemas; handler: AnyHandler }>;

/**
 * The request pipeline every API function shares, in the order a refusal must come: the route API
 * Gateway matched; the caller from the verified token (401); the route's roles (403); for a centre
 * audience the tenant, bound from the token and never from the body — a centre in the path must be the
 * caller's own, or the answer is 404, so a foreign id is neither confirmed nor denied, and a participant
 * reaches only centre paths naming their own participant id (404 for another's, likewise; the catalogue,
 * foundation data, they read like everyone); every path value
 * against its rule (path-parameters.ts: a malformed id is 404, a malformed year 400); the
 * Idempotency-Key of a POST; then the body and the query, validated against the route's schemas. Only
 * then does the handler run, with typed values. On a route that touches personal data, every step after
 * the token writes the access log (access-log.ts), as the route table declares. A tokenless audience
 * (the survey's answers) has no caller to check: see `dispatchTokenless`.
 */
async function dispatch(audience: Audience, served: Served, event: APIGatewayProxyEventV2) {
  const found = served.get(event.routeKey);
  if (!found) return errorResponse(notFound());
  const { route, schemas, handler } = found;
  if (isTokenless(audience)) return dispatchTokenless(route, schemas, handler, event);

  const principal = await authenticate(event.headers.authorization);
  if (!principal) return errorResponse(unauthorized());
  noteCaller(event, principal);
  // From here on, a route on personal data logs every outcome (access-log.ts).
  const log = requestLog(route, principal, event);
  const refuse = (error: AppError) => (log ? log.refused(error) : errorResponse(error));
  if (!(route.roles as readonly string[]).includes(principal.role)) return refuse(forbidden());

  const params = event.pathParameters ?? {};
  const scoped = audiences[audience].scoped;
  if (scoped && (!principal.centre || params.centreId !== principal.centre)) return refuse(notFound());
  const scope =
    scoped && principal.centre
      ? issueTenantScope(
          principal.centre,
          principal.role as CentreRole,
          principal.subject,
          principal.participant,
        )
      : undefined;
  const fail = (error: AppError) => (log && scope ? log.failed(scope, error) : errorResponse(error));
  if (
    scoped &&
    principal.role === PARTICIPANT_ROLE &&
    (!principal.participant || params.participantId !== principal.participant)
  )
    return refuse(notFound());
  const malformed = refusePathParameters(params);
  if (malformed) return fail(malformed);

  const key = event.headers[IDEMPOTENCY_HEADER];
  if (route.method === 'POST' && !(key && IDEMPOTENCY_KEY_PATTERN.test(key)))
    return fail(idempotencyKeyMissing());

  const input = parseInput(route, schemas, event);
  if (!input.ok) return fail(input.error);
  const { body, query } = input;

  const run = () =>
    handler({
      route,
      params,
      query,
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
      ...(scope ? { scope } : {}),
    });
  return log && scope ? log.around(scope, { path: params, query, body }, run) : run();
}

/** The body (for a route that takes one) and the query, each against the route's schemas. */
function parseInput(
  route: Route,
  schemas: RouteSchemas,
  event: APIGatewayProxyEventV2,
): { ok: true; body: unknown; query: unknown } | { ok: false; error: AppError } {
  let body: unknown;
  if (takesBody(route)) {
    const json = readJsonBody(event);
    if (!json.ok) return json;
    const parsed = schemas.body ? parse(schemas.body, json.body) : { ok: true as const, value: json.body };
    if (!parsed.ok) return parsed;
    body = parsed.value;
  }
  const query = parse(schemas.query ?? NoQuery, event.queryStringParameters ?? {});
  if (!query.ok) return query;
  return { ok: true, body, query: query.value };
}

/**
 * A tokenless audience (the survey's answers) has no caller: its requests are bound to the well-formed
 * centre their path names, take no Idempotency-Key, and their handler proves the rest (a one-time code).
 */
async function dispatchTokenless(
  route: Route,
  schemas: RouteSchemas,
  handler: AnyHandler,
  event: APIGatewayProxyEventV2,
) {
  const params = event.pathParameters ?? {};
  const malformed = refusePathParameters(params);
  if (malformed) return errorResponse(malformed);
  const input = parseInput(route, schemas, event);
  if (!input.ok) return errorResponse(input.error);
  return handler({
    route,
    params,
    query: input.query,
    body: input.body,
    principal: undefined,
    idempotency: undefined,
    requestId: event.requestContext.requestId,
    now: new Date().toISOString(),
    scope: issueTenantScope(params.centreId as CentreId, 'respondent', 'respondent'),
  });
}

/**
 * One audience's Lambda handler. `handlers` must hold exactly that audience's routes, each typed by its
 * own request: a handler of another audience's route, or a missing one, does not compile; a route of
 * `contract` that is another audience's is never served. `first`: middlewares to run before the Logger
 * and Metrics (the Tracer, where the function has one).
 */
export function createApiHandler<A extends Audience>(
  audience: A,
  contract: AudienceContract<A>,
  handlers: HandlersFor<A>,
  first: MiddlewareObj<APIGatewayProxyEventV2, ApiResponse>[] = [],
) {
  const byKey = handlers as unknown as Record<string, AnyHandler>;
  const schemas = contract.schemas as Record<string, RouteSchemas | undefined>;
  const served: Served = new Map(
    contract.routes.flatMap((route) => {
      const key = keyOfRoute(route);
      const handler = byKey[key];
      return route.audience === audience && handler
        ? [[key, { route: route as Route, schemas: schemas[key] ?? {}, handler }] as const]
        : [];
    }),
  );
  const handler = middy<APIGatewayProxyEventV2, ApiResponse>().handler((event, context) =>
    answerSafely(audience, event, context, () => dispatch(audience, served, event)),
  );
  return handler.use(apiMiddlewares(audience, first));
}
