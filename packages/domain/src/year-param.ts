import * as z from 'zod/mini';
import { fail, ok, type Result } from './errors';
import { type Month, Year } from './period';
import { fieldError } from './validation';

/**
 * Years and months as paths and query strings carry them: a year is four digits, 2000–2100; a month is
 * `YYYY-MM` of such a year. Anything else is a 400 that names the field and the rule.
 */
const isYear = (raw: string) => /^\d{4}$/.test(raw) && Year.safeParse(Number(raw)).success;
const isMonth = (raw: string) => /^\d{4}-(0[1-9]|1[0-2])$/.test(raw) && isYear(raw.slice(0, 4));

/** The `{year}` of a path (`/api/…/figures/{year}`). */
export function parseFiguresYear(raw: string): Result<number> {
  return isYear(raw) ? ok(Number(raw)) : fail(fieldError('year', 'year'));
}

/** The `{month}` of a path (`/api/…/shop/{month}`). */
export function parseMonthParam(raw: string): Result<Month> {
  return isMonth(raw) ? ok(raw) : fail(fieldError('month', 'month'));
}

/** A `year` in a query string, as a number. */
export const YearQueryParam = z.pipe(
  z.string().check(z.refine(isYear, { message: 'year' })),
  z.transform((raw) => Number(raw)),
);

/** A `month` in a query string. */
export const MonthQueryParam = z.string().check(z.refine(isMonth, { message: 'month' }));
