import { formatDecimal, norwegianNumbers } from '@crux/domain/numbers';
import type { Language } from './language';

/**
 * Numbers always follow Norwegian conventions (the annual reports write 3 643), whatever the language.
 * Dates are written in the user's language, day before month in both. Each formatter is made once:
 * a list of fifty dates asks for the same one fifty times.
 */
const dateLocale: Record<Language, string> = { nb: 'nb-NO', en: 'en-GB' };

const formatters = new Map<string, Intl.DateTimeFormat>();

function dateFormat(language: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}:${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(dateLocale[language], options);
    formatters.set(key, format);
  }
  return format;
}

/** As Intl.NumberFormat('nb-NO') writes it, without its 30 ms first call (domain/numbers.ts). */
export function formatNumber(value: number): string {
  return formatDecimal(value, norwegianNumbers, 3);
}

/** `YYYY-MM-DD` read as a calendar day, so no time zone can move it to the day before. */
function calendarDay(isoDate: string): Date {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

export function formatDate(isoDate: string, language: Language): string {
  return dateFormat(language, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    calendarDay(isoDate),
  );
}

export function formatMonth(month: string, language: Language): string {
  return dateFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    calendarDay(`${month}-01`),
  );
}

export function formatMonthShort(month: string, language: Language): string {
  return dateFormat(language, { month: 'short', timeZone: 'UTC' }).format(calendarDay(`${month}-01`));
}

export function formatTimestamp(iso: string, language: Language): string {
  return dateFormat(language, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Oslo' }).format(
    new Date(iso),
  );
}

/** A figure with the previous year in parentheses, as in the annual reports; no previous value, no parentheses. */
export function withPrevious(value: number, previous: number | null | undefined): string {
  if (previous === null || previous === undefined) return formatNumber(value);
  return `${formatNumber(value)} (${formatNumber(previous)})`;
}
