import type { Text } from './text';

/** A rule a single field broke: `field` is a dotted path into the body, `rule` a stable code. */
export type FieldError = { field: string; rule: string; message: Text };

export type ErrorCode =
  | 'validation'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'idempotency_key_missing'
  | 'idempotency_key_reused'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'request_timeout'
  | 'too_many_requests'
  | 'unavailable'
  | 'outcome_unknown'
  | 'internal';

/** Errors are values: the API turns one into its HTTP answer, the web client shows `message`. */
export type AppError = {
  code: ErrorCode;
  message: Text;
  fields?: FieldError[];
  /** For `conflict`: what is stored now, so the user can choose. */
  current?: unknown;
};

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: AppError): { ok: false; error: AppError } => ({ ok: false, error });

export const notFound = (): AppError => ({
  code: 'not_found',
  message: { nb: 'Fant ikke det du spurte etter.', en: 'Not found.' },
});

export const forbidden = (): AppError => ({
  code: 'forbidden',
  message: { nb: 'Du har ikke tilgang til dette.', en: 'You do not have access to this.' },
});

export const unauthorized = (): AppError => ({
  code: 'unauthorized',
  message: { nb: 'Du må logge inn på nytt.', en: 'Please sign in again.' },
});

export const conflict = (current: unknown): AppError => ({
  code: 'conflict',
  message: {
    nb: 'Noen andre har endret dette i mellomtiden. Se gjennom endringene og velg hva som skal gjelde.',
    en: 'Someone else changed this in the meantime. Review the changes and choose what to keep.',
  },
  current,
});
