/** The header every POST must carry; a retry with the same key never writes twice. */
export const IDEMPOTENCY_HEADER = 'idempotency-key';
