import { roles } from '@crux/domain/roles';
import type { Audience, audiences } from './audiences';

/**
 * Every route of the platform, in one table: the CDK API construct creates the HTTP API routes from it,
 * the local API emulator matches requests against it, the functions check roles by it, the web client
 * decides which pages a role may open by it, and the isolation tests walk it. Plain data (no schemas),
 * so the web client can read it without pulling zod into its first page; the request schemas of each
 * route are in route-schemas.ts.
 */
type RouteFor<A extends Audience> = {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  audience: A;
  /**
   * Roles allowed, from the audience's own (anything else does not compile); every other role gets 403,
   * or 404 where the path names another centre.
   */
  roles: readonly (typeof audiences)[A]['roles'][number][];
};
export type RouteDef = { [A in Audience]: RouteFor<A> }[Audience];

const centreWorkers = ['staff', 'leader'] as const;
/** Volunteers reach only routes about their own record, which the handler checks against their account. */
const withVolunteer = ['staff', 'leader', 'volunteer'] as const;
const volunteer = '/api/centres/{centreId}/volunteers/{volunteerId}';

export const routes = [
  { method: 'GET', path: '/api/centres/{centreId}/participants', audience: 'centre', roles: centreWorkers },
  { method: 'POST', path: '/api/centres/{centreId}/participants', audience: 'centre', roles: centreWorkers },
  {
    method: 'GET',
    path: '/api/centres/{centreId}/participants/{participantId}',
    audience: 'centre',
    roles: centreWorkers,
  },
  {
    method: 'PUT',
    path: '/api/centres/{centreId}/participants/{participantId}',
    audience: 'centre',
    roles: centreWorkers,
  },
  {
    method: 'POST',
    path: '/api/centres/{centreId}/participants/{participantId}/end',
    audience: 'centre',
    roles: centreWorkers,
  },
  {
    method: 'POST',
    path: '/api/centres/{centreId}/participants/{participantId}/measures',
    audience: 'centre',
    roles: centreWorkers,
  },
  {
    method: 'PUT',
    path: '/api/centres/{centreId}/participants/{participantId}/measures/{measureId}',
    audience: 'centre',
    roles: centreWorkers,
  },
  {
    method: 'POST',
    path: '/api/centres/{centreId}/participants/{participantId}/orders',
    audience: 'centre',
    roles: centreWorkers,
  },
  {
    method: 'PUT',
    path: '/api/centres/{centreId}/participants/{participantId}/orders/{orderId}',
    audience: 'centre',
    roles: centreWorkers,
  },
  {
    method: 'POST',
    path: '/api/centres/{centreId}/participants/{participantId}/orders/{orderId}/hours',
    audience: 'centre',
    roles: centreWorkers,
  },
  {
    method: 'DELETE',
    path: '/api/centres/{centreId}/participants/{participantId}/orders/{orderId}/hours/{date}/{hoursId}',
    audience: 'centre',
    roles: centreWorkers,
  },
  { method: 'GET', path: '/api/centres/{centreId}/activities', audience: 'centre', roles: centreWorkers },
  { method: 'POST', path: '/api/centres/{centreId}/activities', audience: 'centre', roles: centreWorkers },
  {
    method: 'PUT',
    path: '/api/centres/{centreId}/activities/{date}/{entryId}',
    audience: 'centre',
    roles: centreWorkers,
  },
  {
    method: 'DELETE',
    path: '/api/centres/{centreId}/activities/{date}/{entryId}',
    audience: 'centre',
    roles: centreWorkers,
  },
  { method: 'GET', path: '/api/centres/{centreId}/hours', audience: 'centre', roles: centreWorkers },
  { method: 'GET', path: '/api/centres/{centreId}/settings', audience: 'centre', roles: centreWorkers },
  { method: 'POST', path: '/api/centres/{centreId}/imports', audience: 'centre', roles: ['leader'] },
  { method: 'PUT', path: '/api/centres/{centreId}/settings', audience: 'centre', roles: ['leader'] },
  { method: 'GET', path: '/api/centres/{centreId}/volunteers', audience: 'centre', roles: centreWorkers },
  { method: 'POST', path: '/api/centres/{centreId}/volunteers', audience: 'centre', roles: centreWorkers },
  { method: 'PUT', path: volunteer, audience: 'centre', roles: centreWorkers },
  { method: 'PUT', path: `${volunteer}/account`, audience: 'centre', roles: centreWorkers },
  { method: 'DELETE', path: `${volunteer}/account`, audience: 'centre', roles: centreWorkers },
  { method: 'GET', path: `${volunteer}/hours`, audience: 'centre', roles: withVolunteer },
  { method: 'POST', path: `${volunteer}/hours`, audience: 'centre', roles: withVolunteer },
  { method: 'PUT', path: `${volunteer}/hours/{date}/{entryId}`, audience: 'centre', roles: withVolunteer },
  { method: 'DELETE', path: `${volunteer}/hours/{date}/{entryId}`, audience: 'centre', roles: withVolunteer },
  {
    method: 'GET',
    path: '/api/centres/{centreId}/volunteer-hours',
    audience: 'centre',
    roles: centreWorkers,
  },
  { method: 'GET', path: '/api/centres/{centreId}/me', audience: 'centre', roles: ['volunteer'] },
  {
    method: 'GET',
    path: '/api/centres/{centreId}/volunteer-follow-up/{year}',
    audience: 'centre',
    roles: centreWorkers,
  },
  {
    method: 'PUT',
    path: '/api/centres/{centreId}/volunteer-follow-up/{year}',
    audience: 'centre',
    roles: centreWorkers,
  },
  { method: 'GET', path: '/api/centres/{centreId}/positions', audience: 'centre', roles: ['leader'] },
  { method: 'POST', path: '/api/centres/{centreId}/positions', audience: 'centre', roles: ['leader'] },
  {
    method: 'PUT',
    path: '/api/centres/{centreId}/positions/{positionId}',
    audience: 'centre',
    roles: ['leader'],
  },
  { method: 'GET', path: '/api/centres/{centreId}/shop', audience: 'centre', roles: centreWorkers },
  { method: 'GET', path: '/api/centres/{centreId}/shop/report', audience: 'centre', roles: centreWorkers },
  { method: 'PUT', path: '/api/centres/{centreId}/shop/{month}', audience: 'centre', roles: centreWorkers },
  { method: 'GET', path: '/api/centres/{centreId}/economy/{year}', audience: 'centre', roles: ['leader'] },
  { method: 'PUT', path: '/api/centres/{centreId}/economy/{year}', audience: 'centre', roles: ['leader'] },
  { method: 'GET', path: '/api/centres/{centreId}/figures/{year}', audience: 'centre', roles: centreWorkers },
  {
    method: 'GET',
    path: '/api/centres/{centreId}/figures/{year}/months',
    audience: 'centre',
    roles: centreWorkers,
  },
  { method: 'GET', path: '/api/admin/centres', audience: 'admin', roles: ['admin'] },
  { method: 'POST', path: '/api/admin/centres', audience: 'admin', roles: ['admin'] },
  { method: 'POST', path: '/api/admin/catalogue/changes', audience: 'admin', roles: ['admin'] },
  { method: 'GET', path: '/api/admin/catalogue/history', audience: 'admin', roles: ['admin'] },
  { method: 'GET', path: '/api/catalogue', audience: 'catalogue', roles },
  { method: 'GET', path: '/api/headoffice/figures/{year}', audience: 'headoffice', roles: ['headoffice'] },
  {
    method: 'GET',
    path: '/api/headoffice/figures/{year}/months',
    audience: 'headoffice',
    roles: ['headoffice'],
  },
  { method: 'GET', path: '/api/network/figures/{year}', audience: 'network', roles: ['network'] },
] as const satisfies readonly RouteDef[];

export type Route = (typeof routes)[number];
export type RouteKey = `${Route['method']} ${Route['path']}`;
export type RoutesOf<A extends Audience> = Extract<Route, { audience: A }>;
export type KeyOf<R extends Route> = `${R['method']} ${R['path']}`;

export const routeKey = (r: Pick<RouteDef, 'method' | 'path'>): RouteKey =>
  `${r.method} ${r.path}` as RouteKey;

/** Every route by its key, as API Gateway names the route it matched (`event.routeKey`). */
export const routeByKey: ReadonlyMap<string, Route> = new Map(routes.map((r) => [routeKey(r), r]));

/** Writes take a JSON body; POSTs also an Idempotency-Key. */
export const takesBody = (r: Pick<RouteDef, 'method'>): boolean => r.method === 'POST' || r.method === 'PUT';
