import { formatDecimal, norwegianNumbers } from '@crux/domain/numbers';

/**
 * Numbers always follow Norwegian conventions (the annual reports write 3 643), whatever the language.
 * Dates are written in the user's language, day before month in both. Neither goes through Intl: a
 * tab's first Intl formatter costs 30–40 ms of main thread (domain/numbers.ts, domain/dates.ts).
 * Dates are read as calendar days (no time zone moves one to the day before); moments on Oslo's clock.
 */
export {
  writeDate as formatDate,
  writeMonth as formatMonth,
  writeMonthShort as formatMonthShort,
  writeTimestamp as formatTimestamp,
} from '@crux/domain/dates';

/** As Intl.NumberFormat('nb-NO') writes it (domain/numbers.ts). */
export function formatNumber(value: number): string {
  return formatDecimal(value, norwegianNumbers, 3);
}

/** A figure with the previous year in parentheses, as in the annual reports; no previous value, no parentheses. */
export function withPrevious(value: number, previous: number | null | undefined): string {
  if (previous === null || previous === undefined) return formatNumber(value);
  return `${formatNumber(value)} (${formatNumber(previous)})`;
}
