import type { Audience, audiences } from '../audiences';
import type { PersonalData } from '../personal-data';

/** A route of one audience: what the route table (routes.ts) holds for each. */
export type RouteFor<A extends Audience> = {
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

/** Staff and the leader: who works on a centre's records. */
export const centreWorkers = ['staff', 'leader'] as const;
/** The centre's participant paths: their record and everything on it. */
export const participantPath = '/api/centres/{centreId}/participants/{participantId}';

/** A route's key, as API Gateway names the route it matched (`event.routeKey`). */
export const keyOfRoute = (r: Pick<RouteDef, 'method' | 'path'>): string => `${r.method} ${r.path}`;

/** Writes take a JSON body; POSTs also an Idempotency-Key. */
export const takesBody = (r: Pick<RouteDef, 'method'>): boolean => r.method === 'POST' || r.method === 'PUT';
