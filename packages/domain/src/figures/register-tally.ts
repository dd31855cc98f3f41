import { firstDayOf, type Period, yearPeriod } from '../period';
import type { RegisterRule } from './definition';
import { isActiveIn, startedIn } from './people';
import type { RegisterRecords } from './records';

/**
 * What the centre's own registers count in a period (DOMAIN.md, "How each figure is counted"):
 * volunteers active in it and those who started in it, the hours they logged in it (by arena too), the
 * staff positions held on its last day, the kilograms the shop sold in its months, and the income of the
 * years it covers whole — so a year's income counts in the year and in no month of it.
 */
type RegisterTally = {
  volunteers: number;
  volunteersStarted: number;
  hours: number;
  hoursByArena: Map<string, number>;
  positions: number;
  substitutes: number;
  percent: number;
  kilograms: number;
  income: Map<string, number>;
};

const within = (date: string, period: Period) => date >= period.first && date <= period.last;
const onDay = (day: string) => ({ first: day, last: day });

export function tallyRegisters(period: Period, records: RegisterRecords): RegisterTally {
  const t: RegisterTally = {
    volunteers: 0,
    volunteersStarted: 0,
    hours: 0,
    hoursByArena: new Map(),
    positions: 0,
    substitutes: 0,
    percent: 0,
    kilograms: 0,
    income: new Map(),
  };
  const seen = new Set<string>();
  for (const v of records.volunteers) {
    // One record is one volunteer: listed twice (an index read and a fresh read), it counts once.
    if (seen.has(v.id)) continue;
    seen.add(v.id);
    if (isActiveIn(v, period)) t.volunteers++;
    if (startedIn(v, period)) t.volunteersStarted++;
  }
  for (const h of records.volunteerHours) {
    if (!within(h.date, period)) continue;
    t.hours += h.hours;
    t.hoursByArena.set(h.arena, (t.hoursByArena.get(h.arena) ?? 0) + h.hours);
  }
  const held = new Set<string>();
  for (const p of records.positions) {
    if (held.has(p.id) || !isActiveIn(p, onDay(period.last))) continue;
    held.add(p.id);
    if (p.substitute) t.substitutes++;
    else {
      t.positions++;
      t.percent += p.percent;
    }
  }
  for (const s of records.shopMonths) if (within(firstDayOf(s.month), period)) t.kilograms += s.kilograms;
  for (const i of records.income) {
    const year = yearPeriod(i.year);
    if (year.first >= period.first && year.last <= period.last)
      t.income.set(i.source, (t.income.get(i.source) ?? 0) + i.amount);
  }
  return t;
}

export function readRegister(t: RegisterTally, rule: RegisterRule): number {
  switch (rule.from) {
    case 'volunteers':
      return rule.count === 'active' ? t.volunteers : t.volunteersStarted;
    case 'volunteerHours':
      return rule.arena === undefined ? t.hours : (t.hoursByArena.get(rule.arena) ?? 0);
    case 'positions':
      return rule.count === 'held' ? t.positions : rule.count === 'substitutes' ? t.substitutes : t.percent;
    case 'shop':
      return t.kilograms;
    case 'income':
      return rule.sources.reduce((sum, source) => sum + (t.income.get(source) ?? 0), 0);
  }
}
