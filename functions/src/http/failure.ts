import { deadlineError, internalError, outcomeUnknown, unavailable } from '@crux/api/errors';
import type { AppError } from '@crux/domain/errors';
import { dbFailureOf } from '@crux/store/db-failure';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { logError } from './log';
import { type ApiResponse, errorResponse } from './response';

/**
 * Kept back from the function's timeout to answer in. A function that runs out its time gets API
 * Gateway's bare 500 (`{"message":"Internal Server Error"}`), in no shape of ours, and says nothing of
 * what happened to a write: answering first is the only way to say it.
 */
export const ANSWER_MARGIN_MS = 1_000;

/** The error a request gets when its work failed: a database that is away is 503, anything else 500. */
export function failureError(error: unknown, write: boolean): AppError {
  const failure = dbFailureOf(error);
  if (!failure) return internalError();
  return write && failure === 'uncertain' ? outcomeUnknown() : unavailable(write);
}

type Deadline = { getRemainingTimeInMillis?: () => number } | undefined;

/**
 * Runs a request's work and always answers in our error shape: a thrown error becomes 503 or 500
 * (see `failureError`), and work still running when the deadline nears becomes 503 — for a write
 * `outcome_unknown`, since it may be under way in the database.
 */
export async function answerSafely(
  audience: string,
  event: APIGatewayProxyEventV2,
  context: Deadline,
  work: () => Promise<ApiResponse>,
): Promise<ApiResponse> {
  const write = event.requestContext.http.method !== 'GET';
  const fields = { audience, route: event.routeKey, requestId: event.requestContext.requestId };
  let timer: NodeJS.Timeout | undefined;
  const remaining = context?.getRemainingTimeInMillis?.();
  const deadline =
    remaining === undefined
      ? new Promise<never>(() => undefined)
      : new Promise<ApiResponse>((resolve) => {
          timer = setTimeout(
            () => {
              logError('deadline', fields);
              resolve(errorResponse(deadlineError(write)));
            },
            Math.max(0, remaining - ANSWER_MARGIN_MS),
          );
        });
  try {
    return await Promise.race([work(), deadline]);
  } catch (error) {
    const answer = failureError(error, write);
    logError(answer.code === 'internal' ? 'unhandled' : 'database_unavailable', fields, error);
    return errorResponse(answer);
  } finally {
    clearTimeout(timer);
  }
}
