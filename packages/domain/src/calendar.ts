import { isoDay, osloClock } from './dates';
import { compareText } from './text';

/**
 * Calendar arithmetic on `YYYY-MM-DD` dates and `YYYY-MM` months, without zod: pages that only need
 * today's date or a month's days import this and load no schema (period.ts checks dates and re-exports
 * all of this, so the API and the domain go on importing period).
 */

/** `YYYY-MM-DD`; period.ts's `IsoDate` is the schema that checks one. */
type IsoDate = string;

/** `YYYY-MM` */
export type Month = string;

/** `YYYY-MM-DD` dates in order: plain text order is date order. */
export const compareDates: (a: IsoDate, b: IsoDate) => number = compareText;

export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** A period is a month or a calendar year, as its first and last day (both included). */
export type Period = { first: IsoDate; last: IsoDate };

export function monthPeriod(month: Month): Period {
  return { first: firstDayOf(month), last: lastDayOf(month) };
}

export function yearPeriod(year: number): Period {
  return { first: `${year}-01-01`, last: `${year}-12-31` };
}

export function monthOf(date: IsoDate): Month {
  return date.slice(0, 7);
}

export function yearOf(dateOrMonth: string): number {
  return Number(dateOrMonth.slice(0, 4));
}

export function firstDayOf(month: Month): IsoDate {
  return `${month}-01`;
}

export function lastDayOf(month: Month): IsoDate {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const day = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(day).padStart(2, '0')}`;
}

export function nextMonth(month: Month): Month {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** Every month from `from` to `to`, both included; empty when `from` is after `to`. */
export function monthsBetween(from: Month, to: Month): Month[] {
  const out: Month[] = [];
  for (let m = from; m <= to; m = nextMonth(m)) out.push(m);
  return out;
}

/** Today in Norway: the centres register work by the local calendar day, not UTC's. No Intl: its
 * first formatter costs a browser tab 30–40 ms and a cold function ~20 ms (dates.ts). */
export function todayInOslo(now: Date = new Date()): IsoDate {
  return isoDay(osloClock(now));
}
