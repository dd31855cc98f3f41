import * as z from 'zod/mini';

/** A record's id: a UUID in lower case, as the API makes them (`randomUUID`) and importers choose them. */
export const RecordId = z
  .string()
  .check(z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/));
