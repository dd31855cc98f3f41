import type { AppError, ErrorCode } from '@crux/domain/errors';
import { validationError } from '@crux/domain/validation';

/**
 * The API's errors on the wire, one module for every place that answers: the functions (in AWS and
 * locally) and the local emulator's own answers (413, a body that never arrives in full, a function
 * that crashes or runs out of time). Every answer is `{"error": AppError}` with the status below.
 *
 * The two 503 codes tell a caller what it needs to know about a write:
 * - `unavailable`: the database could not be reached and the request never got to it, so nothing was
 *   stored (for a read: nothing could be read). Safe to send again.
 * - `outcome_unknown`: a write reached the database, or may have, and no answer came back in time. It
 *   may be stored. Sending the same request again with the same Idempotency-Key settles it: the
 *   retry either replays the first answer or stores it once.
 */
export const statusOf: Record<ErrorCode, number> = {
  validation: 400,
  idempotency_key_missing: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  request_timeout: 408,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  idempotency_key_reused: 422,
  too_many_requests: 429,
  internal: 500,
  unavailable: 503,
  outcome_unknown: 503,
};

/**
 * Seconds a client should wait before trying again: about the time the local runtime needs to bring
 * DynamoDB Local back after it died, and longer than the SDK's own retries take in AWS.
 */
export const RETRY_AFTER_SECONDS = 5;

/** Headers of every JSON answer of the API. Answers hold personal data: no cache anywhere may keep them. */
export const apiHeaders: Readonly<Record<string, string>> = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

/** Status, headers and body of an error answer, for whichever transport writes it. */
export function errorAnswer(error: AppError): {
  status: number;
  headers: Record<string, string>;
  body: string;
} {
  const status = statusOf[error.code];
  return {
    status,
    headers: { ...apiHeaders, ...(status === 503 ? { 'retry-after': String(RETRY_AFTER_SECONDS) } : {}) },
    body: JSON.stringify({ error }),
  };
}

export const notJson = (): AppError =>
  validationError([
    {
      field: '(body)',
      rule: 'json',
      message: { nb: 'Innholdet må være gyldig JSON.', en: 'The body must be valid JSON.' },
    },
  ]);

export const unsupportedMediaType = (): AppError => ({
  code: 'unsupported_media_type',
  message: {
    nb: 'Innholdet må sendes som application/json.',
    en: 'The body must be sent as application/json.',
  },
});

export const payloadTooLarge = (): AppError => ({
  code: 'payload_too_large',
  message: { nb: 'Innholdet er for stort.', en: 'The body is too large.' },
});

/** The body stopped arriving before it reached its Content-Length: nothing was read, nothing stored. */
export const requestTimeout = (): AppError => ({
  code: 'request_timeout',
  message: {
    nb: 'Forespørselen kom ikke fram i sin helhet, så ingenting ble lagret. Send den på nytt.',
    en: 'The request did not arrive in full, so nothing was stored. Send it again.',
  },
});

/**
 * Over a route's own throttle (routes.ts `throttle`): the routes called without a token. Nothing was
 * read or written; the caller waits a moment.
 */
export const tooManyRequests = (): AppError => ({
  code: 'too_many_requests',
  message: {
    nb: 'For mange forespørsler akkurat nå. Vent litt og prøv igjen.',
    en: 'Too many requests right now. Wait a moment and try again.',
  },
});

export const internalError = (): AppError => ({
  code: 'internal',
  message: {
    nb: 'Noe gikk galt hos oss. Prøv igjen om litt.',
    en: 'Something went wrong on our side. Please try again shortly.',
  },
});

/** The database could not be reached; for a write, the request never got there. */
export const unavailable = (write: boolean): AppError => ({
  code: 'unavailable',
  message: write
    ? {
        nb: 'Vi får ikke kontakt med databasen akkurat nå, så ingenting ble lagret. Prøv igjen om litt.',
        en: 'We cannot reach the database right now, so nothing was stored. Please try again shortly.',
      }
    : {
        nb: 'Vi får ikke kontakt med databasen akkurat nå. Prøv igjen om litt.',
        en: 'We cannot reach the database right now. Please try again shortly.',
      },
});

/** A write that may or may not have been stored: only a retry under the same key can tell. */
export const outcomeUnknown = (): AppError => ({
  code: 'outcome_unknown',
  message: {
    nb:
      'Databasen svarte ikke i tide, så vi vet ikke om dette ble lagret. Send det samme på nytt om litt, ' +
      'med samme Idempotency-Key: da blir det lagret nøyaktig én gang.',
    en:
      'The database did not answer in time, so we do not know whether this was stored. Send the same ' +
      'request again shortly, with the same Idempotency-Key: it will then be stored exactly once.',
  },
});

/**
 * The answer when a function's time runs out before its work is done: a write may be under way in the
 * database, so its outcome is unknown; a read simply did not come back.
 */
export const deadlineError = (write: boolean): AppError => (write ? outcomeUnknown() : unavailable(false));
