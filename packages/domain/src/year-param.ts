import * as z from 'zod/mini';
import type { AppError } from './errors';
import { Year } from './period';
import * as rules from './rules';
import { fieldError, raise } from './validation';

/**
 * Years and months as paths and query strings carry them: a year is four digits, 2000–2100; a month is
 * `YYYY-MM` of such a year. Anything else is a 400 that names the field and the rule.
 */
const yearPattern = /^\d{4}$/;
const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;
const isYear = (raw: string) => yearPattern.test(raw) && Year.safeParse(Number(raw)).success;
const isMonth = (raw: string) => monthPattern.test(raw) && isYear(raw.slice(0, 4));

/** The `{year}` of a path (`/api/…/figures/{year}`); the path-parameter table checks it. */
export const YearParam = z.string().check(z.regex(yearPattern), z.refine(isYear));
export const yearParamError = (): AppError => fieldError('year', rules.year);

/** The `{month}` of a path (`/api/…/shop/{month}`). */
export const MonthParam = z.string().check(z.regex(monthPattern), z.refine(isMonth));
export const monthParamError = (): AppError => fieldError('month', rules.month);

/** A `year` in a query string, as a number. */
export const YearQueryParam = z.pipe(
  z.string().check(z.refine(isYear, { ...raise(rules.year) })),
  z.transform((raw) => Number(raw)),
);

/** A `month` in a query string. */
export const MonthQueryParam = z.string().check(z.refine(isMonth, { ...raise(rules.month) }));
