/** The header every POST must carry; a retry with the same key never writes twice. */
export const IDEMPOTENCY_HEADER = 'idempotency-key';

/** What a key must look like: 8–128 letters, digits, `-` and `_` (a UUID fits). */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_-]{8,128}$/;
