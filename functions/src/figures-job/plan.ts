import { type Month, monthOf, monthsBetween, nextMonth, yearOf } from '@crux/domain/period';
import { type CountedThrough, OPEN, type Participation } from '@crux/store/figures-repo';

export type MonthRange = { from: Month; through: CountedThrough };

/** The months a participation counts in: from its start to its end, or `open` while it has none. */
export function spanOf(p: Participation): MonthRange {
  return { from: monthOf(p.startDate), through: p.endDate ? monthOf(p.endDate) : OPEN };
}

/** The months the job last counted a participation in, if it has counted it before. */
export function countedOf(p: Participation): MonthRange | undefined {
  return p.countedFrom && p.countedThrough ? { from: p.countedFrom, through: p.countedThrough } : undefined;
}

/**
 * The months of a range that have begun: `open` and months after the current one stop at the current
 * month. Later months are counted when they begin (see `rolloverMonths`).
 */
export function monthsUpTo(range: MonthRange, current: Month): Month[] {
  const through = range.through === OPEN || range.through > current ? current : range.through;
  return monthsBetween(range.from, through);
}

/**
 * Months that have begun since the last finished run. Open participations count in every new month
 * without any write marking it, so each centre's new months are recomputed once, when they begin.
 * The first run starts with the current month: earlier months with records have their markers.
 */
export function rolloverMonths(throughMonth: Month | undefined, current: Month): Month[] {
  if (!throughMonth) return [current];
  return monthsBetween(nextMonth(throughMonth), current);
}

/** Sorted months as contiguous runs, so each run's activity entries are one range read. */
export function contiguousRuns(sorted: readonly Month[]): [Month, Month][] {
  const runs: [Month, Month][] = [];
  for (const month of sorted) {
    const last = runs.at(-1);
    if (last && nextMonth(last[1]) === month) last[1] = month;
    else runs.push([month, month]);
  }
  return runs;
}

export function yearsOf(sorted: readonly Month[]): number[] {
  return [...new Set(sorted.map(yearOf))];
}

/** Every month of a year, January first. */
export function monthsOfYear(year: number): Month[] {
  return monthsBetween(`${year}-01`, `${year}-12`);
}
