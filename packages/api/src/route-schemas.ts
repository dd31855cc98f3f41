import type * as z from 'zod/mini';
import type { RouteKey } from './routes';
import { centreSchemas } from './schemas/centre';
import { foundationSchemas } from './schemas/foundation';
import { importsSchemas } from './schemas/imports';
import { plansSchemas } from './schemas/plans';
import { privacySchemas } from './schemas/privacy';
import { registersSchemas } from './schemas/registers';
import { surveySchemas } from './schemas/survey';

/**
 * What each route takes besides its path: the schema of its JSON body (writes) and of its query string.
 * The request pipeline validates both before a handler runs, so a handler receives typed values; a
 * route with no `query` here takes no query parameters at all. The OpenAPI document is built from this
 * table and routes.ts. Each audience's schemas are in a module of their own (schemas/), so a function
 * bundles only those of its own routes (createApiHandler takes them from its handler module).
 */
export type RouteSchemas = { body?: z.ZodMiniType; query?: z.ZodMiniType };

export const routeSchemas = {
  ...centreSchemas,
  ...plansSchemas,
  ...registersSchemas,
  ...privacySchemas,
  ...surveySchemas,
  ...importsSchemas,
  ...foundationSchemas,
} as const satisfies Partial<Record<RouteKey, RouteSchemas>>;

type Schemas = typeof routeSchemas;

/** The parsed body a route's handler receives: `undefined` for routes without a body. */
export type BodyOf<K extends RouteKey> = K extends keyof Schemas
  ? Schemas[K] extends { body: infer S extends z.ZodMiniType }
    ? z.infer<S>
    : undefined
  : undefined;

/** The parsed query a route's handler receives: `{}` for routes that take none. */
export type QueryOf<K extends RouteKey> = K extends keyof Schemas
  ? Schemas[K] extends { query: infer S extends z.ZodMiniType }
    ? z.infer<S>
    : Record<string, never>
  : Record<string, never>;

export function schemasOf(key: RouteKey): RouteSchemas {
  return (routeSchemas as Partial<Record<RouteKey, RouteSchemas>>)[key] ?? {};
}
