import type { Audience } from './audiences';
import { centreRoutes } from './routes/centre';
import { foundationRoutes } from './routes/foundation';
import { importsRoutes } from './routes/imports';
import { plansRoutes } from './routes/plans';
import { privacyRoutes } from './routes/privacy';
import { registersRoutes } from './routes/registers';
import { keyOfRoute, type RouteDef } from './routes/route-def';
import { surveyRoutes } from './routes/survey';

export type { RouteDef, RouteFor } from './routes/route-def';
export { takesBody } from './routes/route-def';

/**
 * Every route of the platform, in one table: the CDK API construct creates the HTTP API routes from it,
 * the local API emulator matches requests against it, the functions check roles by it, the web client
 * decides which pages a role may open by it, and the isolation tests walk it. Plain data (no schemas),
 * so the web client can read it without pulling zod into its first page; the request schemas of each
 * route are in route-schemas.ts.
 */
export const routes = [
  ...centreRoutes,
  ...plansRoutes,
  ...registersRoutes,
  ...privacyRoutes,
  ...surveyRoutes,
  ...importsRoutes,
  ...foundationRoutes,
] as const satisfies readonly RouteDef[];

export type Route = (typeof routes)[number];
export type RouteKey = `${Route['method']} ${Route['path']}`;
export type RoutesOf<A extends Audience> = Extract<Route, { audience: A }>;
export type KeyOf<R extends Route> = `${R['method']} ${R['path']}`;

export const routeKey = (r: Pick<RouteDef, 'method' | 'path'>): RouteKey => keyOfRoute(r) as RouteKey;

/** Every route by its key, as API Gateway names the route it matched (`event.routeKey`). */
export const routeByKey: ReadonlyMap<string, Route> = new Map(routes.map((r) => [routeKey(r), r]));
