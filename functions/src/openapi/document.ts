import { audienceDescriptions } from '@crux/api/audience-functions';
import { audienceNames } from '@crux/api/audiences';
import { statusOf } from '@crux/api/errors';
import { IDEMPOTENCY_HEADER } from '@crux/api/headers';
import type { PathParamName } from '@crux/api/path-parameters';
import { schemasOf } from '@crux/api/route-schemas';
import { type Route, type RouteKey, routeKey, routes, takesBody } from '@crux/api/routes';
import type { ErrorCode } from '@crux/domain/errors';
import * as z from 'zod/mini';
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from 'zod-openapi';
import { MAX_BODY_BYTES } from '../http/body';
import { ErrorBody, IdempotencyKey, pathParameterSchemas } from './schemas';

/**
 * The OpenAPI 3.1 document of the whole API, built from the route table (routes.ts), each route's
 * body and query schemas (route-schemas.ts) and the error codes the pipeline answers (response.ts):
 * nothing here names a route, so a route added to the table is documented as it is added. Built at
 * build time: by `cdk synth` for the web construct to publish, and once by the local runtime.
 */

/** Why a route may answer each error code, by what the route is: every route, writes, POSTs. */
function codesOf(route: Route): Partial<Record<ErrorCode, string>> {
  const write = takesBody(route);
  const codes: Partial<Record<ErrorCode, string>> = {
    validation: write
      ? 'The body, the query or a path parameter breaks a rule: `fields` names each field and rule.'
      : 'The query or a path parameter breaks a rule (unknown query parameters too).',
    unauthorized: 'No valid access token.',
    forbidden: "The caller's role may not use this route.",
    not_found: 'Nothing by that id here (or the centre in the path is not the caller’s own).',
  };
  if (write) {
    codes.conflict = 'The record changed since it was read (a stale `version`), or already exists.';
    codes.payload_too_large = `The body is over ${MAX_BODY_BYTES / 1024} KB.`;
    codes.unsupported_media_type = 'The body is not sent as application/json.';
  }
  if (route.method === 'POST') {
    codes.idempotency_key_missing = 'No well-formed Idempotency-Key header.';
    codes.idempotency_key_reused = 'The Idempotency-Key was used before for a different request.';
  }
  if ('throttle' in route)
    codes.too_many_requests = `Over the route's own throttle (${route.throttle.rate} a second, ${route.throttle.burst} at once).`;
  for (const code of Object.keys(statusOf) as ErrorCode[]) {
    if (statusOf[code] >= 500) codes[code] ??= 'Something failed on our side; the request may be retried.';
  }
  return codes;
}

function errorResponses(route: Route) {
  const byStatus = new Map<number, string[]>();
  for (const [code, why] of Object.entries(codesOf(route)) as [ErrorCode, string][]) {
    const status = statusOf[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), `\`${code}\`: ${why}`]);
  }
  return Object.fromEntries(
    [...byStatus].map(([status, lines]) => [
      String(status),
      {
        description: lines.join(' '),
        content: { 'application/json': { schema: ErrorBody } },
      },
    ]),
  );
}

/** The `{name}`s of a path, in order. */
export const pathParameterNames = (path: string): string[] =>
  [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string);

export class UndocumentedRoute extends Error {}

function operation(route: Route): ZodOpenApiOperationObject {
  const key: RouteKey = routeKey(route);
  const schemas = schemasOf(key);
  if (takesBody(route) && !schemas.body) {
    throw new UndocumentedRoute(`${key} takes a body but has no body schema in route-schemas.ts`);
  }
  const path: Record<string, z.ZodMiniType> = {};
  for (const name of pathParameterNames(route.path)) {
    const schema = pathParameterSchemas[name as PathParamName];
    if (!schema) {
      throw new UndocumentedRoute(`${key}: path parameter {${name}} has no rule in api/path-parameters.ts`);
    }
    path[name] = schema;
  }
  const roles = [...route.roles];
  return {
    operationId: key.replace(/[^A-Za-z0-9]+/g, '_').replace(/_$/, ''),
    summary: key,
    description: `Roles: ${roles.join(', ')}. ${audienceDescriptions[route.audience]}.`,
    tags: [route.audience],
    'x-roles': roles,
    'x-audience': route.audience,
    requestParams: {
      ...(Object.keys(path).length ? { path: z.object(path) } : {}),
      ...(schemas.query ? { query: schemas.query as never } : {}),
      ...(route.method === 'POST'
        ? {
            header: z.object({
              [IDEMPOTENCY_HEADER]: IdempotencyKey,
            }),
          }
        : {}),
    },
    ...(schemas.body
      ? {
          requestBody: { required: true, content: { 'application/json': { schema: schemas.body as never } } },
        }
      : {}),
    responses: {
      '2XX': {
        description:
          route.method === 'GET'
            ? 'The answer, as JSON.'
            : 'Done: 201 with what was created, 200 with what changed. A retried POST answers as the first did.',
        content: { 'application/json': { schema: z.unknown() } },
      },
      ...errorResponses(route),
    },
  };
}

/** The document of `table` (the route table unless a test hands in another). */
export function openApiDocument(table: readonly Route[] = routes) {
  const paths: ZodOpenApiPathsObject = {};
  for (const route of table) {
    paths[route.path] = { ...paths[route.path], [route.method.toLowerCase()]: operation(route) };
  }
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'CRUX platform API',
      version: '1.0.0',
      description:
        'The API of the CRUX follow-up centres platform, one audience per function. Every request carries a ' +
        'Cognito access token; every error answers `{"error": {code, message: {nb, en}, fields?}}`.',
    },
    servers: [{ url: '/', description: 'The same origin as the web client' }],
    tags: audienceNames.map((name) => ({ name, description: audienceDescriptions[name] })),
    security: [{ bearer: [] }],
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            'An access token of the platform’s Cognito user pool, issued to its web client, with the `role` ' +
            'claim (and `centre` for centre roles). ID tokens are refused.',
        },
      },
    },
    paths,
  });
}
