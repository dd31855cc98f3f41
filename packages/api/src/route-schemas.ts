import { ActivitiesCreate, ActivityListQuery } from '@crux/domain/activity';
import { CentreInput } from '@crux/domain/centre';
import {
  ParticipantCreate,
  ParticipantListQuery,
  ParticipantUpdate,
  ParticipationEnd,
} from '@crux/domain/participant';
import type * as z from 'zod/mini';
import type { RouteKey } from './routes';

/**
 * What each route takes besides its path: the schema of its JSON body (writes) and of its query string.
 * The request pipeline validates both before a handler runs, so a handler receives typed values; a
 * route with no `query` here takes no query parameters at all. The OpenAPI document is built from this
 * table and routes.ts.
 */
type RouteSchemas = { body?: z.ZodMiniType; query?: z.ZodMiniType };

export const routeSchemas = {
  'GET /api/centres/{centreId}/participants': { query: ParticipantListQuery },
  'POST /api/centres/{centreId}/participants': { body: ParticipantCreate },
  'PUT /api/centres/{centreId}/participants/{participantId}': { body: ParticipantUpdate },
  'POST /api/centres/{centreId}/participants/{participantId}/end': { body: ParticipationEnd },
  'GET /api/centres/{centreId}/activities': { query: ActivityListQuery },
  'POST /api/centres/{centreId}/activities': { body: ActivitiesCreate },
  'POST /api/admin/centres': { body: CentreInput },
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
