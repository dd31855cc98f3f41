import { type Route, type RouteKey, routeKey, routes } from './routes';

export type RouteMatch = { route: Route; routeKey: RouteKey; pathParameters: Record<string, string> };

/** Thrown for a path segment whose percent-encoding is broken: it names nothing that exists. */
export class MalformedPath extends Error {}

/**
 * Which route a concrete request hits, the way API Gateway's HTTP API picks one: the method and every path
 * segment must match, `{name}` matching one whole segment. Done once per request, by whoever stands where
 * API Gateway stands (the local emulator, the tests' caller); the event carries the result on.
 */
export function matchRoute(method: string, path: string): RouteMatch | undefined {
  const segments = path.split('/');
  for (const route of routes) {
    if (route.method !== method) continue;
    const pattern = route.path.split('/');
    if (pattern.length !== segments.length) continue;
    const pathParameters: Record<string, string> = {};
    const matches = pattern.every((part, i) => {
      const segment = segments[i] ?? '';
      if (part.startsWith('{') && part.endsWith('}')) {
        if (segment === '') return false;
        try {
          pathParameters[part.slice(1, -1)] = decodeURIComponent(segment);
        } catch {
          throw new MalformedPath(path);
        }
        return true;
      }
      return part === segment;
    });
    if (matches) return { route, routeKey: routeKey(route), pathParameters };
  }
  return undefined;
}
