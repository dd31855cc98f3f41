import * as z from 'zod/mini';

/** A calendar date `YYYY-MM-DD` that exists (2024-02-30 is refused). */
export const IsoDate = z.iso.date();
export type IsoDate = z.infer<typeof IsoDate>;

/** `YYYY-MM` */
export type Month = string;

export const Year = z.int().check(z.gte(2000), z.lte(2100));

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

/** Today in Norway: the centres register work by the local calendar day, not UTC's. */
export function todayInOslo(now: Date = new Date()): IsoDate {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(now);
}
