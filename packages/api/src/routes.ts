import { accountManagers } from '@crux/domain/account-rules';
import { roles } from '@crux/domain/roles';
import type { Audience, audiences } from './audiences';
import type { PersonalData } from './personal-data';

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
   * or 404 where the path names another centre. A participant reaches a centre route only where its path
   * names `{participantId}` and that is their own (404 otherwise, as for another centre).
   */
  roles: readonly (typeof audiences)[A]['roles'][number][];
  /**
   * The personal data the route touches, and where its request or answer names the people: the request
   * pipeline writes the access log from this, for every call, allowed or refused (personal-data.ts).
   * Every route on participants' or volunteers' data declares it; test/privacy/declarations.test.ts fails
   * one that does not.
   */
  personal?: PersonalData;
  /**
   * A throttle of the route's own, below the API's (requests per second, steady and burst), in AWS and
   * in the local runtime alike: the routes called without a token have one, so guessing costs time.
   */
  throttle?: { rate: number; burst: number };
};
export type RouteDef = { [A in Audience]: RouteFor<A> }[Audience];

const centreWorkers = ['staff', 'leader'] as const;
/** Volunteers reach only routes about their own record, which the handler checks against their account. */
const withVolunteer = ['staff', 'leader', 'volunteer'] as const;
const volunteer = '/api/centres/{centreId}/volunteers/{volunteerId}';
/** The participant's own plan: staff and leaders, and the participant themselves (their own only). */
const planReaders = ['staff', 'leader', 'participant'] as const;

export const routes = [
  {
    method: 'GET',
    path: '/api/centres/{centreId}/participants',
    audience: 'centre',
    roles: centreWorkers,
    personal: { action: 'list', search: 'q', participant: ['answer:items[].id'] },
  },
  {
    method: 'POST',
    path: '/api/centres/{centreId}/participants',
    audience: 'centre',
    roles: centreWorkers,
    personal: { action: 'create', participant: ['answer:id'] },
  },
  {
    method: 'GET',
    path: '/api/centres/{centreId}/participants/{participantId}',
    audience: 'centre',
    roles: centreWorkers,
    personal: { action: 'read', participant: ['path:participantId'] },
  },
  {
    method: 'PUT',
    path: '/api/centres/{centreId}/participants/{participantId}',
    audience: 'centre',
    roles: centreWorkers,
    personal: { action: 'update', participant: ['path:participantId'] },
  },
  {
    method: 'POST',
    path: '/api/centres/{centreId}/participants/{participantId}/end',
    audience: 'centre',
    roles: centreWorkers,
    personal: { action: 'update', participant: ['path:participantId'] },
  },
  {
    method: 'POST',
    path: '/api/centres/{centreId}/participants/{participantId}/measures',
    audience: 'centre',
    roles: centreWorkers,
    personal: { action: 'create', participant: ['path:participantId'] },
  },
  {
    method: 'PUT',
    path: '/api/centres/{centreId}/participants/{participantId}/measures/{measureId}',
    audience: 'centre',
    roles: centreWorkers,
    personal: { action: 'update', participant: ['path:participantId'] },
  },
  {
    method: 'POST',
    path: '/api/centres/{centreId}/participants/{participantId}/orders',
    audience: 'centre',
    roles: centreWorkers,
    personal: { action: 'create', participant: ['path:participantId'] },
  },
  {
    method: 'PUT',
    path: '/api/centres/{centreId}/participants/{participantId}/orders/{orderId}',
    audience: 'centre',
    roles: centreWorkers,
    personal: { action: 'update', participant: ['path:participantId'] },
  },
  {
    method: 'POST',
    path: '/api/centres/{centreId}/participants/{participantId}/orders/{orderId}/hours',
    audience: 'centre',
    roles: centreWorkers,
    personal: { action: 'create', participant: ['path:participantId'] },
  },
  {
    method: 'DELETE',
    path: '/api/centres/{centreId}/participants/{participantId}/orders/{orderId}/hours/{date}/{hoursId}',
    audience: 'centre',
    roles: centreWorkers,
    personal: { action: 'delete', participant: ['path:participantId'] },
  },
  {
    method: 'GET',
    path: '/api/centres/{centreId}/activities',
    audience: 'centre',
    roles: centreWorkers,
    personal: { action: 'list', participant: ['answer:items[].participantId'] },
  },
  {
    method: 'POST',
    path: '/api/centres/{centreId}/activities',
    audience: 'centre',
    roles: centreWorkers,
    personal: { action: 'create', participant: ['body:entries[].participantId'] },
  },
  {
    method: 'GET',
    path: '/api/centres/{centreId}/participants/{participantId}/plan',
    audience: 'centre',
    personal: { action: 'read', participant: ['path:participantId'] },
    roles: planReaders,
  },
  {
    method: 'PUT',
    path: '/api/centres/{centreId}/participants/{participantId}/plan',
    audience: 'centre',
    personal: { action: 'update', participant: ['path:participantId'] },
    roles: centreWorkers,
  },
  {
    method: 'PUT',
    path: '/api/centres/{centreId}/participants/{participantId}/plan/own',
    audience: 'centre',
    personal: { action: 'update', participant: ['path:participantId'] },
    roles: ['participant'],
  },
  {
    method: 'PUT',
    path: '/api/centres/{centreId}/participants/{participantId}/plan/steps/{stepId}',
    audience: 'centre',
    personal: { action: 'update', participant: ['path:participantId'] },
    roles: planReaders,
  },
  {
    method: 'POST',
    path: '/api/centres/{centreId}/participants/{participantId}/conversations',
    audience: 'centre',
    personal: { action: 'create', participant: ['path:participantId'] },
    roles: centreWorkers,
  },
  {
    method: 'PUT',
    path: '/api/centres/{centreId}/participants/{participantId}/conversations/{date}/{conversationId}',
    audience: 'centre',
    personal: { action: 'update', participant: ['path:participantId'] },
    roles: centreWorkers,
  },
  {
    method: 'DELETE',
    path: '/api/centres/{centreId}/participants/{participantId}/conversations/{date}/{conversationId}',
    audience: 'centre',
    personal: { action: 'delete', participant: ['path:participantId'] },
    roles: centreWorkers,
  },
  {
    method: 'PUT',
    path: '/api/centres/{centreId}/activities/{date}/{entryId}',
    audience: 'centre',
    roles: centreWorkers,
    personal: { action: 'update', participant: ['body:participantId'] },
  },
  {
    method: 'DELETE',
    path: '/api/centres/{centreId}/activities/{date}/{entryId}',
    audience: 'centre',
    roles: centreWorkers,
    personal: { action: 'delete', participant: [] },
  },
  {
    method: 'GET',
    path: '/api/centres/{centreId}/hours',
    audience: 'centre',
    roles: centreWorkers,
    personal: {
      action: 'list',
      participant: ['query:participantId', 'answer:items[].participantId'],
    },
  },
  { method: 'GET', path: '/api/centres/{centreId}/settings', audience: 'centre', roles: centreWorkers },
  {
    method: 'POST',
    path: '/api/centres/{centreId}/imports',
    audience: 'centre',
    roles: ['leader'],
    personal: { action: 'create', participant: ['body:records[].id', 'body:records[].participantId'] },
  },
  { method: 'PUT', path: '/api/centres/{centreId}/settings', audience: 'centre', roles: ['leader'] },
  {
    method: 'GET',
    path: '/api/centres/{centreId}/volunteers',
    audience: 'centre',
    roles: centreWorkers,
    personal: { action: 'list', volunteer: ['answer:items[].id'] },
  },
  {
    method: 'POST',
    path: '/api/centres/{centreId}/volunteers',
    audience: 'centre',
    roles: centreWorkers,
    personal: { action: 'create', volunteer: ['answer:id'] },
  },
  {
    method: 'PUT',
    path: volunteer,
    audience: 'centre',
    roles: centreWorkers,
    personal: { action: 'update', volunteer: ['path:volunteerId'] },
  },
  {
    method: 'PUT',
    path: `${volunteer}/account`,
    audience: 'centre',
    roles: centreWorkers,
    personal: { action: 'update', volunteer: ['path:volunteerId'] },
  },
  {
    method: 'DELETE',
    path: `${volunteer}/account`,
    audience: 'centre',
    roles: centreWorkers,
    personal: { action: 'update', volunteer: ['path:volunteerId'] },
  },
  {
    method: 'GET',
    path: `${volunteer}/hours`,
    audience: 'centre',
    roles: withVolunteer,
    personal: { action: 'read', volunteer: ['path:volunteerId'] },
  },
  {
    method: 'POST',
    path: `${volunteer}/hours`,
    audience: 'centre',
    roles: withVolunteer,
    personal: { action: 'create', volunteer: ['path:volunteerId'] },
  },
  {
    method: 'PUT',
    path: `${volunteer}/hours/{date}/{entryId}`,
    audience: 'centre',
    roles: withVolunteer,
    personal: { action: 'update', volunteer: ['path:volunteerId'] },
  },
  {
    method: 'DELETE',
    path: `${volunteer}/hours/{date}/{entryId}`,
    audience: 'centre',
    roles: withVolunteer,
    personal: { action: 'delete', volunteer: ['path:volunteerId'] },
  },
  {
    method: 'GET',
    path: '/api/centres/{centreId}/volunteer-hours',
    audience: 'centre',
    roles: centreWorkers,
    personal: { action: 'list', volunteer: ['answer:items[].volunteerId'] },
  },
  {
    method: 'GET',
    path: '/api/centres/{centreId}/me',
    audience: 'centre',
    roles: ['volunteer'],
    personal: { action: 'read', volunteer: ['answer:volunteerId'] },
  },
  {
    method: 'GET',
    path: '/api/centres/{centreId}/volunteer-follow-up/{year}',
    audience: 'centre',
    roles: centreWorkers,
    personal: {
      action: 'list',
      volunteer: ['answer:talks[].volunteerId', 'answer:gatherings[].attendees[]'],
    },
  },
  {
    method: 'PUT',
    path: '/api/centres/{centreId}/volunteer-follow-up/{year}',
    audience: 'centre',
    roles: centreWorkers,
    personal: { action: 'update', volunteer: ['body:talks[].volunteerId', 'body:gatherings[].attendees[]'] },
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
  {
    method: 'GET',
    path: '/api/centres/{centreId}/access-log',
    audience: 'centre',
    roles: ['leader'],
    personal: { action: 'list', participant: ['query:participantId', 'answer:participants[].id'] },
  },
  {
    method: 'GET',
    path: '/api/centres/{centreId}/participants/{participantId}/access-log',
    audience: 'centre',
    // "Who has read my plan": the participant sees their own report too (the path's id must be theirs).
    roles: ['leader', 'participant'],
    personal: { action: 'read', participant: ['path:participantId'] },
  },
  {
    method: 'GET',
    path: '/api/centres/{centreId}/participants/{participantId}/export',
    audience: 'centre',
    roles: ['leader'],
    personal: { action: 'export', participant: ['path:participantId'] },
  },
  {
    method: 'POST',
    path: '/api/centres/{centreId}/participants/{participantId}/erasure',
    audience: 'centre',
    roles: ['leader'],
    personal: { action: 'erase', participant: ['path:participantId'] },
  },
  { method: 'GET', path: '/api/centres/{centreId}/figures/{year}', audience: 'centre', roles: centreWorkers },
  {
    method: 'GET',
    path: '/api/centres/{centreId}/figures/{year}/months',
    audience: 'centre',
    roles: centreWorkers,
  },
  { method: 'GET', path: '/api/centres/{centreId}/accounts', audience: 'accounts', roles: accountManagers },
  { method: 'POST', path: '/api/centres/{centreId}/accounts', audience: 'accounts', roles: accountManagers },
  {
    method: 'POST',
    path: '/api/centres/{centreId}/accounts/{accountId}/deactivate',
    audience: 'accounts',
    roles: accountManagers,
  },
  {
    method: 'POST',
    path: '/api/centres/{centreId}/accounts/{accountId}/reactivate',
    audience: 'accounts',
    roles: accountManagers,
  },
  { method: 'GET', path: '/api/admin/centres', audience: 'admin', roles: ['admin'] },
  { method: 'POST', path: '/api/admin/onboardings', audience: 'admin', roles: ['admin'] },
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
  // The participant survey (issue 14).
  { method: 'GET', path: '/api/catalogue/survey', audience: 'catalogue', roles },
  {
    method: 'GET',
    path: '/api/headoffice/survey/questionnaire',
    audience: 'headoffice',
    roles: ['headoffice'],
  },
  {
    method: 'PUT',
    path: '/api/headoffice/survey/questionnaire/draft',
    audience: 'headoffice',
    roles: ['headoffice'],
  },
  {
    method: 'POST',
    path: '/api/headoffice/survey/questionnaire/publish',
    audience: 'headoffice',
    roles: ['headoffice'],
  },
  { method: 'GET', path: '/api/network/survey/questionnaire', audience: 'network', roles: ['network'] },
  {
    method: 'POST',
    path: '/api/network/survey/questionnaire/comments',
    audience: 'network',
    roles: ['network'],
  },
  { method: 'GET', path: '/api/centres/{centreId}/survey/rounds', audience: 'centre', roles: centreWorkers },
  { method: 'POST', path: '/api/centres/{centreId}/survey/rounds', audience: 'centre', roles: ['leader'] },
  {
    method: 'POST',
    path: '/api/centres/{centreId}/survey/rounds/{roundId}/codes',
    audience: 'centre',
    roles: ['leader'],
  },
  {
    method: 'POST',
    path: '/api/centres/{centreId}/survey/rounds/{roundId}/close',
    audience: 'centre',
    roles: ['leader'],
  },
  {
    method: 'GET',
    path: '/api/centres/{centreId}/survey/rounds/{roundId}/results',
    audience: 'centre',
    roles: centreWorkers,
  },
  {
    method: 'GET',
    path: '/api/centres/{centreId}/survey/rounds/{roundId}/texts',
    audience: 'centre',
    roles: centreWorkers,
  },
  {
    method: 'GET',
    path: '/api/answer/{centreId}',
    audience: 'answer',
    roles: [],
    throttle: { rate: 20, burst: 40 },
  },
  {
    method: 'POST',
    path: '/api/answer/{centreId}/rounds/{roundId}',
    audience: 'answer',
    roles: [],
    throttle: { rate: 10, burst: 20 },
  },
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
