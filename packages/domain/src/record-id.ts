import * as z from 'zod/mini';

/**
 * The id of anything a centre records — a participant, an entry, a measure, an order, hours — as the
 * platform makes it (a random UUID), or as an import chooses it in the same form.
 */
export const RecordId = z
  .string()
  .check(z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/));
