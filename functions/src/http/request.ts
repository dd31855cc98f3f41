import type { Audience, audiences, TokenlessAudience } from '@crux/api/audiences';
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

type Tokenless<R extends Route> = R['audience'] extends TokenlessAudience ? true : false;

/**
 * What a handler receives, typed by its route: the path parameters the path names, the query and the body
 * already validated against the route's schemas, the caller, and for the centre audience the tenant
 * scope bound to the caller's own centre. Only POSTs carry an idempotency key. A route called without a
 * token has no caller and no key, and its scope is the centre its path names.
 */
export type ApiRequest<R extends Route = Route> = {
  route: R;
  params: PathParams<R['path']>;
  query: QueryOf<KeyOf<R>>;
  body: BodyOf<KeyOf<R>>;
  principal: Tokenless<R> extends true ? undefined : Principal;
  idempotency: R['method'] extends 'POST' ? (Tokenless<R> extends true ? undefined : Idempotency) : undefined;
  requestId: string;
  now: string;
} & ((typeof audiences)[R['audience']]['scoped'] extends true
  ? { scope: TenantScope }
  : R['audience'] extends TokenlessAudience
    ? { scope: TenantScope }
    : unknown);

/** The request of the route named by `K`, for declaring a handler: `(req: RequestOf<'GET /api/…'>)`. */
export type RequestOf<K extends RouteKey> = ApiRequest<RouteByKey<K>>;

export type Handler<R extends Route> = (request: ApiRequest<R>) => Promise<ApiResponse>;

/** Exactly the routes of one audience, each with a handler for its own request type. */
export type HandlersFor<A extends Audience> = { [R in RoutesOf<A> as KeyOf<R>]: Handler<R> };
