import * as z from 'zod/mini';

/**
 * Query parameters arrive as strings; these schemas say which ones a route takes and turn them into
 * values. Every one is strict: a parameter a route does not take is refused by name, never ignored.
 */
export const NoQuery = z.strictObject({});

export const DEFAULT_PAGE = 25;

export const PageQuery = z.strictObject({
  limit: z.pipe(
    z.optional(z.string().check(z.regex(/^(100|[1-9][0-9]?)$/))),
    z.transform((limit) => (limit ? Number(limit) : DEFAULT_PAGE)),
  ),
  cursor: z.optional(z.string().check(z.maxLength(600))),
});
