import type { Audience, Role } from '@crux/domain/roles';

/**
 * Every route of the platform, in one table: the CDK API construct creates the HTTP API routes from it,
 * the local API emulator matches requests against it, and the isolation tests walk it.
 * `fn` names the Lambda function (one per audience) that serves the route.
 */
export type RouteDef = {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  fn: Audience;
  /** Roles allowed; every other role gets 403 (or 404 where the path names another centre). */
  roles: readonly Role[];
  /** Writes take an `Idempotency-Key` header (POST) and a JSON body. */
  write: boolean;
};

const centreWorkers = ['staff', 'leader'] as const;

export const routes = [
  {
    method: 'GET',
    path: '/api/centres/{centreId}/participants',
    fn: 'centre',
    roles: centreWorkers,
    write: false,
  },
  {
    method: 'POST',
    path: '/api/centres/{centreId}/participants',
    fn: 'centre',
    roles: centreWorkers,
    write: true,
  },
  {
    method: 'GET',
    path: '/api/centres/{centreId}/participants/{participantId}',
    fn: 'centre',
    roles: centreWorkers,
    write: false,
  },
  {
    method: 'PUT',
    path: '/api/centres/{centreId}/participants/{participantId}',
    fn: 'centre',
    roles: centreWorkers,
    write: true,
  },
  {
    method: 'POST',
    path: '/api/centres/{centreId}/participants/{participantId}/end',
    fn: 'centre',
    roles: centreWorkers,
    write: true,
  },
  {
    method: 'GET',
    path: '/api/centres/{centreId}/activities',
    fn: 'centre',
    roles: centreWorkers,
    write: false,
  },
  {
    method: 'POST',
    path: '/api/centres/{centreId}/activities',
    fn: 'centre',
    roles: centreWorkers,
    write: true,
  },
  { method: 'GET', path: '/api/admin/centres', fn: 'admin', roles: ['admin'], write: false },
  { method: 'POST', path: '/api/admin/centres', fn: 'admin', roles: ['admin'], write: true },
  {
    method: 'GET',
    path: '/api/headoffice/figures/{year}',
    fn: 'headoffice',
    roles: ['headoffice'],
    write: false,
  },
  {
    method: 'GET',
    path: '/api/headoffice/figures/{year}/months',
    fn: 'headoffice',
    roles: ['headoffice'],
    write: false,
  },
  { method: 'GET', path: '/api/network/figures/{year}', fn: 'network', roles: ['network'], write: false },
] as const satisfies readonly RouteDef[];

export type Route = (typeof routes)[number];
export type RouteKey = `${Route['method']} ${Route['path']}`;

export const routeKey = (r: RouteDef): string => `${r.method} ${r.path}`;

/** The header every POST must carry; a retry with the same key never writes twice. */
export const IDEMPOTENCY_HEADER = 'idempotency-key';
