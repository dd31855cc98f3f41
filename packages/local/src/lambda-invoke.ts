import { deadlineError, internalError } from '@crux/api/errors';
import type { AppError } from '@crux/domain/errors';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';

type Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyResultV2>;

export type Invocation = { ok: true; result: APIGatewayProxyResultV2 } | { ok: false; error: AppError };

/**
 * Runs a function as Lambda would, stopping to wait at its timeout. A function that throws or runs
 * out of time gets an answer in the API's error shape, not API Gateway's bare `{"message": …}`: in AWS
 * the functions answer before their timeout themselves (functions/src/http/failure.ts), so only a
 * function that ignores its deadline or crashes outright reaches these.
 */
export async function invokeFunction(
  handler: Promise<Handler>,
  event: APIGatewayProxyEventV2,
  context: Context,
  timeoutMs: number,
): Promise<Invocation> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<Invocation>((resolve) => {
    timer = setTimeout(() => {
      console.error(`[api] ${event.routeKey} timed out after ${timeoutMs} ms`);
      resolve({ ok: false, error: deadlineError(event.requestContext.http.method !== 'GET') });
    }, timeoutMs);
  });
  const run = (async (): Promise<Invocation> => {
    try {
      return { ok: true, result: await (await handler)(event, context) };
    } catch (e) {
      console.error(
        `[api] ${event.routeKey} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
      );
      return { ok: false, error: internalError() };
    }
  })();
  try {
    return await Promise.race([run, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
