import * as z from 'zod/mini';

/** Query parameters are strings; these schemas say which ones a list takes and turn them into values. */
export const PageQuery = z.strictObject({
  limit: z.optional(z.string().check(z.regex(/^(100|[1-9][0-9]?)$/))),
  cursor: z.optional(z.string().check(z.maxLength(600))),
});

export const ParticipantListQuery = z.strictObject({
  ...PageQuery.shape,
  q: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(80))),
});

export const DEFAULT_PAGE = 25;

export function pageSize(limit: string | undefined): number {
  return limit ? Number(limit) : DEFAULT_PAGE;
}
