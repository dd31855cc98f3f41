import type { IncomingMessage, ServerResponse } from 'node:http';
import { functionEntry, functionModule } from '@crux/api/audience-functions';
import type { Audience } from '@crux/api/audiences';
import { tooManyRequests } from '@crux/api/errors';
import { httpApiEvent } from '@crux/api/event';
import { MalformedPath, matchRoute, type RouteMatch } from '@crux/api/match';
import { routeKey } from '@crux/api/routes';
import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyResultV2,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';
import { readApiBody, sendError, sendJson } from './http';
import { invokeFunction } from './lambda-invoke';
import { createThrottle } from './throttle';

export type ApiHandler = (
  event: APIGatewayProxyEventV2,
  context: Context,
) => Promise<APIGatewayProxyResultV2>;

export type EmulatorOptions = {
  /** Where each audience's function comes from; by default its module in `functions/src`. */
  loadHandler?: (fn: Audience) => Promise<ApiHandler>;
  /** Bytes; larger bodies get 413 (in the API's error shape) before any function runs. */
  bodyLimit?: number;
  /** Lambda's timeout for the functions, for `getRemainingTimeInMillis`. */
  timeoutMs?: number;
  /** The throttles' clock (milliseconds); a test steps its own. */
  now?: () => number;
};

const DEFAULT_BODY_LIMIT = 64 * 1024;

/**
 * Handler modules are imported on first use, after the runtime has set TABLE_NAME and
 * DYNAMODB_ENDPOINT, because a function builds its DynamoDB client when its module loads.
 */
export async function importFunctionHandler(fn: Audience): Promise<ApiHandler> {
  const module = functionModule(fn);
  const entry = functionEntry(fn);
  let mod: { handler?: unknown };
  try {
    mod = (await import(module)) as { handler?: unknown };
  } catch (e) {
    throw new Error(`cannot load ${entry}: ${e instanceof Error ? e.message : e}`);
  }
  if (typeof mod.handler !== 'function') throw new Error(`${entry} exports no handler`);
  return mod.handler as ApiHandler;
}

/**
 * Does locally what API Gateway's HTTP API does in AWS: match the route table once, build a payload-2.0
 * event from that match and invoke the audience's function, then write its answer. The function checks
 * the bearer token itself, as it does in AWS. A route over its own throttle, a body too large or
 * incomplete, and a function that crashes or times out are answered in the API's error shape
 * (`{"error": …}`, from @crux/api/errors).
 */
export function createApiEmulator(options: EmulatorOptions = {}) {
  const loadHandler = options.loadHandler ?? importFunctionHandler;
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const handlers = new Map<Audience, Promise<ApiHandler>>();
  const throttle = createThrottle(options.now);

  function handlerFor(fn: Audience): Promise<ApiHandler> {
    let loading = handlers.get(fn);
    if (!loading) {
      loading = loadHandler(fn);
      // A failed import is retried on the next request: the module may be fixed while the runtime runs.
      loading.catch(() => handlers.delete(fn));
      handlers.set(fn, loading);
    }
    return loading;
  }

  return async function handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const method = req.method ?? 'GET';
    let found: RouteMatch | undefined;
    try {
      found = matchRoute(method, url.pathname);
    } catch (e) {
      // A path parameter with broken percent-encoding names nothing that exists.
      if (e instanceof MalformedPath) return sendJson(res, 400, { message: 'Bad Request' });
      throw e;
    }
    if (!found) return sendJson(res, 404, { message: 'Not Found' });
    // A route's own throttle (the tokenless answer routes), before its body is read or a function runs.
    if ('throttle' in found.route && !throttle(routeKey(found.route), found.route.throttle))
      return sendError(res, tooManyRequests(), { 'retry-after': '1' });

    const body = await readApiBody(req, res, bodyLimit);
    if (!body) return;

    const event = httpApiEvent(found, {
      method,
      path: url.pathname,
      query: queryOf(url),
      headers: headersOf(req),
      ...eventBody(body),
      sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
    });
    const cookies = req.headers.cookie
      ?.split(';')
      .map((c) => c.trim())
      .filter(Boolean);
    if (cookies?.length) event.cookies = cookies;
    const context = lambdaContext(
      found.route.audience,
      event.requestContext.requestId,
      Date.now() + timeoutMs,
    );
    const invocation = await invokeFunction(handlerFor(found.route.audience), event, context, timeoutMs);
    if (!invocation.ok) return sendError(res, invocation.error);
    writeResult(res, invocation.result);
  };
}

/**
 * The body as API Gateway passes it: text when it is valid UTF-8, otherwise base64 with
 * `isBase64Encoded`, so the function sees the bytes that came and can refuse them, rather than text
 * whose broken bytes were already replaced by U+FFFD.
 */
function eventBody(body: Buffer): { body?: string; isBase64Encoded?: boolean } {
  if (body.length === 0) return {};
  try {
    return { body: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body) };
  } catch {
    return { body: body.toString('base64'), isBase64Encoded: true };
  }
}

/** Lower-case names, repeated headers joined by commas; the cookie header travels as `cookies` instead. */
function headersOf(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name === 'cookie') continue;
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  return headers;
}

/** A parameter given twice arrives once, its values joined by commas, as API Gateway passes it. */
function queryOf(url: URL): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams)
    query[name] = name in query ? `${query[name]},${value}` : value;
  return query;
}

function lambdaContext(fn: Audience, requestId: string, deadline: number): Context {
  const functionName = `crux-local-${fn}-api`;
  const unsupported = () => {
    throw new Error('callback-style completion is not supported: return a promise');
  };
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:eu-north-1:000000000000:function:${functionName}`,
    memoryLimitInMB: '512',
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: unsupported,
    fail: unsupported,
    succeed: unsupported,
  };
}

/**
 * A structured result is written as given; anything else is what API Gateway makes of a bare value:
 * 200 with the value as JSON.
 */
function writeResult(res: ServerResponse, result: APIGatewayProxyResultV2): void {
  if (typeof result !== 'object' || result === null || !('statusCode' in result)) {
    sendJson(res, 200, result);
    return;
  }
  const structured = result as APIGatewayProxyStructuredResultV2;
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(structured.headers ?? {}))
    headers[name.toLowerCase()] = String(value);
  if (structured.cookies?.length) headers['set-cookie'] = structured.cookies;
  const body =
    structured.body === undefined
      ? Buffer.alloc(0)
      : Buffer.from(structured.body, structured.isBase64Encoded ? 'base64' : 'utf8');
  if (body.length && !headers['content-type']) headers['content-type'] = 'application/json';
  headers['content-length'] = String(body.length);
  res.writeHead(structured.statusCode ?? 200, headers);
  res.end(body);
}
