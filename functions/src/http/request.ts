import type { Audience } from '@crux/api/audiences';
import type { ParamNames } from '@crux/api/path-parameters';
import type { BodyOf, QueryOf } from '@crux/api/route-schemas';
import type { KeyOf, Route, RouteKey, RoutesOf } from '@crux/api/routes';
import type { Idempotency } from '@crux/store/idempotency';
import type { TenantScope } from '@crux/store/tenant-scope';
import type { Principal } from './principal';
import type { ApiResponse } from './response';

/** The path parameters a route's path names, e.g. `{ centreId, participantId }`. */
export type PathParams<P extends string> = { readonly [N in ParamNames<P>]: string };

/** The route a key names. */
export type RouteByKey<K extends RouteKey> = Extract<
  Route,
  { method: K extends `${infer M} ${string}` ? M : never; path: K extends `${string} ${infer P}` ? P : never }
>;

/**
 * What a handler receives, typed by its route: the path parameters the path names, the query and the body
 * already validated against the route's schemas, the caller, and for the centre audience the tenant
 * scope bound to the caller's own centre. Only POSTs carry an idempotency key.
 */
export type ApiRequest<R extends Route = Route> = {
  route: R;
  params: PathParams<R['path']>;
  query: QueryOf<KeyOf<R>>;
  body: BodyOf<KeyOf<R>>;
  principal: Principal;
  idempotency: R['method'] extends 'POST' ? Idempotency : undefined;
  requestId: string;
  now: string;
} & (R['audience'] extends 'centre' ? { scope: TenantScope } : unknown);

/** The request of the route named by `K`, for declaring a handler: `(req: RequestOf<'GET /api/…'>)`. */
export type RequestOf<K extends RouteKey> = ApiRequest<RouteByKey<K>>;

export type Handler<R extends Route> = (request: ApiRequest<R>) => Promise<ApiResponse>;

/** Exactly the routes of one audience, each with a handler for its own request type. */
export type HandlersFor<A extends Audience> = { [R in RoutesOf<A> as KeyOf<R>]: Handler<R> };
