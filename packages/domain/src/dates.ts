import type { Text } from './text';

/**
 * Dates and times written as Intl.DateTimeFormat writes them for nb-NO and en-GB, and Oslo's wall clock,
 * without Intl: a browser tab's first DateTimeFormat costs 27–44 ms of main thread while ICU loads its
 * data (measured in Chromium, 2026-12-03; the number formatter that used to pay it is gone, numbers.ts),
 * and every signed-in page writes a date or asks for today. dates.test.ts compares every function here
 * with Intl on thousands of dates, so the two cannot drift apart unnoticed.
 */
type Language = keyof Text;

// Array literals, not split strings: a bundler drops them from a function that never writes a date.
const months: Record<Language, readonly string[]> = {
  nb: [
    'januar',
    'februar',
    'mars',
    'april',
    'mai',
    'juni',
    'juli',
    'august',
    'september',
    'oktober',
    'november',
    'desember',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};
const shortMonths: Record<Language, readonly string[]> = {
  nb: ['jan', 'feb', 'mar', 'apr', 'mai', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'des'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'],
};

/** Wall-clock fields of a moment; `month` 1–12. */
export type ClockTime = { year: number; month: number; day: number; hour: number; minute: number };

/** The day of month of the last Sunday of `month` (1–12). */
function lastSunday(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month, 0));
  return last.getUTCDate() - last.getUTCDay();
}

/**
 * Norway's clock: UTC+1, and UTC+2 from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last
 * Sunday of October (the EU's rule, Norway's since 1996; earlier moments are read by it too, and no
 * record of the platform is that old).
 */
export function osloClock(instant: Date): ClockTime {
  const year = instant.getUTCFullYear();
  const summerFrom = Date.UTC(year, 2, lastSunday(year, 3), 1);
  const summerTo = Date.UTC(year, 9, lastSunday(year, 10), 1);
  const t = instant.getTime();
  const offset = t >= summerFrom && t < summerTo ? 2 : 1;
  const local = new Date(t + offset * 3_600_000);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
  };
}

const two = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD` of a clock time. */
export const isoDay = (c: Pick<ClockTime, 'year' | 'month' | 'day'>) =>
  `${String(c.year).padStart(4, '0')}-${two(c.month)}-${two(c.day)}`;

function parts(isoDate: string): [number, number, number] {
  const [y, m, d] = isoDate.split('-').map(Number);
  return [y ?? 0, m ?? 1, d ?? 1];
}

const dayText = (year: number, month: number, day: number, language: Language) =>
  language === 'nb' ? `${day}. ${months.nb[month - 1]} ${year}` : `${day} ${months.en[month - 1]} ${year}`;

/** `2026-12-03` → "3. desember 2026" / "3 December 2026". */
export function writeDate(isoDate: string, language: Language): string {
  const [y, m, d] = parts(isoDate);
  return dayText(y, m, d, language);
}

/** `2026-12` → "desember 2026" / "December 2026". */
export function writeMonth(month: string, language: Language): string {
  const [y, m] = parts(month);
  return `${months[language][m - 1]} ${y}`;
}

/** `2026-12` → "des" / "Dec". */
export function writeMonthShort(month: string, language: Language): string {
  return shortMonths[language][parts(month)[1] - 1] ?? '';
}

/** A moment as Oslo's clock showed it: "3. desember 2026 kl. 11:41" / "3 December 2026 at 11:41". */
export function writeTimestamp(iso: string, language: Language): string {
  const c = osloClock(new Date(iso));
  const time = `${two(c.hour)}:${two(c.minute)}`;
  return `${dayText(c.year, c.month, c.day, language)} ${language === 'nb' ? 'kl.' : 'at'} ${time}`;
}
