import { type Route, routes } from './routes';

export type RouteMatch = { route: Route; routeKey: string; pathParameters: Record<string, string> };

/**
 * Which route a concrete request hits, the way API Gateway's HTTP API picks one: the method and every path
 * segment must match, `{name}` matching one whole segment.
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
        pathParameters[part.slice(1, -1)] = decodeURIComponent(segment);
        return true;
      }
      return part === segment;
    });
    if (matches) return { route, routeKey: `${route.method} ${route.path}`, pathParameters };
  }
  return undefined;
}
