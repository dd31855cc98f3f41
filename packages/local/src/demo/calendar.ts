import type { IsoDate } from '@crux/domain/period';

const DAY = 86_400_000;
const time = (date: IsoDate) => Date.parse(`${date}T00:00:00Z`);
const iso = (ms: number): IsoDate => new Date(ms).toISOString().slice(0, 10);

export const addDays = (date: IsoDate, days: number): IsoDate => iso(time(date) + days * DAY);
export const daysBetween = (from: IsoDate, to: IsoDate) => Math.round((time(to) - time(from)) / DAY);
/** 0 Sunday … 6 Saturday. */
export const weekday = (date: IsoDate) => new Date(time(date)).getUTCDay();
export const minDate = (a: IsoDate, b: IsoDate) => (a < b ? a : b);
export const maxDate = (a: IsoDate, b: IsoDate) => (a > b ? a : b);

/** Easter Sunday (the anonymous Gregorian computus). */
function easter(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Norway's public holidays, and Christmas Eve and New Year's Eve, when the centres are closed. */
function closedDays(year: number): Set<IsoDate> {
  const e = easter(year);
  const fixed = ['01-01', '05-01', '05-17', '12-24', '12-25', '12-26', '12-31'].map((d) => `${year}-${d}`);
  return new Set([...fixed, ...[-3, -2, 1, 39, 50].map((n) => addDays(e, n))]);
}

const openByYear = new Map<number, IsoDate[]>();

/** A year's open days, worked out once: the planner asks for the same years thousands of times. */
function openDaysOf(year: number): IsoDate[] {
  const known = openByYear.get(year);
  if (known) return known;
  const closed = closedDays(year);
  const out: IsoDate[] = [];
  for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = addDays(d, 1)) {
    const w = weekday(d);
    if (w !== 0 && w !== 6 && !closed.has(d)) out.push(d);
  }
  openByYear.set(year, out);
  return out;
}

/** The days a centre is open in a period: weekdays that are not holidays. */
export function openDays(from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++)
    for (const d of openDaysOf(year)) if (d >= from && d <= to) out.push(d);
  return out;
}

/** How busy an open day is: July and the days around Christmas and New Year are quiet. */
export function season(date: IsoDate): number {
  const md = date.slice(5);
  if (md >= '07-01' && md <= '07-31') return 0.35;
  if (md >= '12-20' || md <= '01-04') return 0.5;
  return weekday(date) === 5 ? 0.8 : 1;
}
