import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/**
 * What a failed database call tells the caller about the data:
 * - `unreached`: no request reached the database (refused, no connection in time, throttled before
 *   any work, credentials for it could not be had). Nothing was written.
 * - `uncertain`: at least one attempt may have reached it and no clear answer came back (the
 *   connection broke or went silent after the request was sent, or DynamoDB answered 5xx, which for a
 *   write means it may have been applied). A write may be stored.
 * Any other error is not the database being away: a bug or a refused request, for the caller's usual
 * handling.
 */
export type DbFailure = 'unreached' | 'uncertain';

/** Node's codes for a connection that was never made: the request cannot have been sent. */
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
/** Node's codes for a connection that broke or stalled, possibly after the request went out. */
const CONNECTION_LOST = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT']);
const THROTTLED = new Set([
  'ThrottlingException',
  'Throttling',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'TooManyRequestsException',
]);

type SdkError = Error & { code?: string; $fault?: string; $metadata?: { httpStatusCode?: number } };

/** The SDK's connection timeout: the socket never connected, so nothing was sent. */
const isConnectTimeout = (e: SdkError) =>
  e.name === 'TimeoutError' && e.code === undefined && /establish a connection/.test(e.message);

const neverSent = (e: SdkError) => NOT_CONNECTED.has(e.code ?? '') || isConnectTimeout(e);

/** Calls whose attempts left the outcome open; marked by the client's middleware (see below). */
const uncertainCalls = new WeakSet<object>();
const uncertainErrors = new WeakSet<object>();

export function dbFailureOf(error: unknown): DbFailure | undefined {
  if (!(error instanceof Error)) return undefined;
  if (uncertainErrors.has(error)) return 'uncertain';
  const e = error as SdkError;
  const status = e.$metadata?.httpStatusCode;
  if (neverSent(e) || THROTTLED.has(e.name) || status === 429) return 'unreached';
  // Transport failures that reached no middleware of ours (e.g. while fetching credentials).
  if (e.name === 'TimeoutError' || CONNECTION_LOST.has(e.code ?? '')) return 'unreached';
  if (e.$fault === 'server' || (status !== undefined && status >= 500)) return 'uncertain';
  return undefined;
}

/**
 * Two middlewares on the client: one right at the wire notes, per attempt, whether the request may
 * have reached DynamoDB without a clear answer; one around the whole call (retries included) marks
 * the final error. Needed because the SDK retries: a first attempt that timed out after sending
 * followed by a refused second one is `uncertain`, though the error the caller sees is the refusal.
 */
export function trackAttemptOutcomes(client: DynamoDBClient): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      try {
        const out = await next(args);
        const status = (out.response as { statusCode?: number }).statusCode ?? 0;
        if (status >= 500) uncertainCalls.add(context);
        return out;
      } catch (e) {
        if (!(e instanceof Error && neverSent(e as SdkError))) uncertainCalls.add(context);
        throw e;
      }
    },
    { step: 'deserialize', priority: 'low', name: 'cruxAttemptOutcome' },
  );
  client.middlewareStack.add(
    (next, context) => async (args) => {
      try {
        return await next(args);
      } catch (e) {
        if (uncertainCalls.has(context) && typeof e === 'object' && e !== null) uncertainErrors.add(e);
        throw e;
      }
    },
    { step: 'initialize', priority: 'high', name: 'cruxCallOutcome' },
  );
}
