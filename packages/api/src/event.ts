import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { RouteMatch } from './match';

export type HttpRequest = {
  method: string;
  /** The path without the query string. */
  path: string;
  query?: Record<string, string> | undefined;
  /** Lower-case names, as API Gateway passes them; the bearer token travels in `authorization`. */
  headers?: Record<string, string>;
  body?: string | undefined;
  /** The body is base64 (bytes that are not valid UTF-8 text). */
  isBase64Encoded?: boolean;
  sourceIp?: string;
  /** API Gateway's id of the request; a fresh one unless given (a test that follows one request). */
  requestId?: string;
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `22/Nov/2026:20:00:00 +0000`, the format API Gateway writes in `requestContext.time`. */
function requestTime(d: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
}

/**
 * The event API Gateway's HTTP API (payload 2.0) hands a function for a request on a route it matched.
 * The local emulator, the tests and the benchmark all build it here, from the one match they made, so
 * the handlers see one shape everywhere.
 */
export function httpApiEvent(match: RouteMatch, request: HttpRequest): APIGatewayProxyEventV2 {
  const query = request.query ?? {};
  const now = new Date();
  return {
    version: '2.0',
    routeKey: match.routeKey,
    rawPath: request.path,
    rawQueryString: new URLSearchParams(query).toString(),
    headers: request.headers ?? {},
    ...(Object.keys(query).length ? { queryStringParameters: query } : {}),
    pathParameters: match.pathParameters,
    ...(request.body !== undefined ? { body: request.body } : {}),
    isBase64Encoded: request.isBase64Encoded ?? false,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: '127.0.0.1',
      domainPrefix: '127',
      requestId: request.requestId ?? randomUUID(),
      routeKey: match.routeKey,
      stage: '$default',
      time: requestTime(now),
      timeEpoch: now.getTime(),
      http: {
        method: request.method,
        path: request.path,
        protocol: 'HTTP/1.1',
        sourceIp: request.sourceIp ?? '127.0.0.1',
        userAgent: request.headers?.['user-agent'] ?? '',
      },
    },
  };
}
