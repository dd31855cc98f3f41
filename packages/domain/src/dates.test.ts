import { describe, expect, test } from 'vitest';
import { isoDay, osloClock, writeDate, writeMonth, writeMonthShort, writeTimestamp } from './dates';
import { random as seeded } from './random';

const locales = { nb: 'nb-NO', en: 'en-GB' } as const;
const languages = ['nb', 'en'] as const;

const random = seeded(20261203);
const FROM = Date.UTC(1996, 0, 1);
const TO = Date.UTC(2038, 0, 1);
/** Moments from 1996 to 2037, and every summer-time change's minutes either side of it. */
const moments: Date[] = Array.from(
  { length: 4000 },
  () => new Date(FROM + Math.floor(random() * (TO - FROM))),
);
for (let year = 1996; year < 2038; year++) {
  for (const month of [2, 9]) {
    const last = new Date(Date.UTC(year, month + 1, 0));
    const sunday = last.getUTCDate() - last.getUTCDay();
    for (const minutes of [-61, -1, 0, 1, 59, 60, 61])
      moments.push(new Date(Date.UTC(year, month, sunday, 1, minutes)));
  }
}

describe('dates written as Intl writes them', () => {
  for (const language of languages) {
    const locale = locales[language];
    test(`days, months and short months in ${locale}`, () => {
      const day = new Intl.DateTimeFormat(locale, {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      });
      const month = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
      const short = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' });
      for (const moment of moments) {
        const iso = moment.toISOString().slice(0, 10);
        expect(writeDate(iso, language)).toBe(day.format(moment));
        expect(writeMonth(iso.slice(0, 7), language)).toBe(month.format(moment));
        expect(writeMonthShort(iso.slice(0, 7), language)).toBe(short.format(moment));
      }
    });

    test(`moments on Oslo's clock in ${locale}, summer time included`, () => {
      const stamp = new Intl.DateTimeFormat(locale, {
        dateStyle: 'long',
        timeStyle: 'short',
        timeZone: 'Europe/Oslo',
      });
      for (const moment of moments)
        expect(writeTimestamp(moment.toISOString(), language)).toBe(stamp.format(moment));
    });
  }

  test("Oslo's calendar day is the one Intl gives, either side of midnight and of every clock change", () => {
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' });
    const nearMidnight = moments.flatMap((m) => {
      const midnight = Date.UTC(m.getUTCFullYear(), m.getUTCMonth(), m.getUTCDate());
      return [-121, -120, -61, -60, -1, 0, 1].map((minutes) => new Date(midnight + minutes * 60_000));
    });
    for (const moment of [...moments, ...nearMidnight])
      expect(isoDay(osloClock(moment))).toBe(day.format(moment));
  });

  test('the clock changes by hand: 2026-03-29 01:00 UTC and 2026-10-25 01:00 UTC', () => {
    expect(osloClock(new Date('2026-03-29T00:59:00Z')).hour).toBe(1);
    expect(osloClock(new Date('2026-03-29T01:00:00Z')).hour).toBe(3);
    expect(osloClock(new Date('2026-10-25T00:59:00Z')).hour).toBe(2);
    expect(osloClock(new Date('2026-10-25T01:00:00Z')).hour).toBe(2);
    expect(osloClock(new Date('2026-10-25T02:00:00Z')).hour).toBe(3);
    expect(writeTimestamp('2026-12-31T23:30:00Z', 'nb')).toBe('1. januar 2027 kl. 00:30');
  });
});
