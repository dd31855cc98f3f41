import { type Month, monthsBetween, nextMonth, yearOf } from '../period';
import type { DirtyMarker } from './markers';
import { countedOf, type MonthRange, OPEN, type Participation, spanOf } from './participation';

/**
 * What one run of the figures job recomputes, decided from what the writes left behind: the dirty
 * markers, the participants that changed, and the months that have begun since the last run. Pure:
 * the job reads, this decides, the job reads and writes what it says.
 */

/** One centre's share of a run: the years to recompute and the markers to clear once they are written. */
export type CentreWork = {
  centre: string;
  name: string;
  /** Every month a change touched, up to the current one; the job recomputes their whole years. */
  months: Set<Month>;
  monthMarkers: { month: Month; seq: number }[];
  changedIds: string[];
  /** The sort keys of the register spans (volunteers, staff positions) that changed. */
  changedSpans: string[];
  /** Survey rounds that closed: their markers are cleared once their year's figures are written. */
  closedRounds: { year: number; id: string }[];
};

export type RunPlan = { work: Map<string, CentreWork>; unknownCentre: number };

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

export function yearsOf(months: Iterable<Month>): number[] {
  return [...new Set([...months].map(yearOf))].sort((a, b) => a - b);
}

/** The months of a year that have begun by `current`: all twelve of a past year. */
export function monthsOfYear(year: number, current: Month): Month[] {
  const last = `${year}-12`;
  return monthsBetween(`${year}-01`, last < current ? last : current);
}

/**
 * From the markers to each centre's work. A marker of a centre that is not in the registry is left
 * alone (no scope is issued for it, and it stays for a later run); a month marker of a month that has
 * not begun is cleared, since the month is counted when it begins.
 */
export function planFromMarkers(
  registry: readonly { id: string; name: string }[],
  markers: readonly DirtyMarker[],
  throughMonth: Month | undefined,
  current: Month,
): RunPlan {
  const rollover = rolloverMonths(throughMonth, current);
  const work = new Map<string, CentreWork>();
  for (const c of registry) {
    work.set(c.id, {
      centre: c.id,
      name: c.name,
      months: new Set(rollover),
      monthMarkers: [],
      changedIds: [],
      changedSpans: [],
      closedRounds: [],
    });
  }
  let unknownCentre = 0;
  for (const marker of markers) {
    const w = work.get(marker.centre);
    if (!w) unknownCentre += 1;
    else if (marker.kind === 'participant') w.changedIds.push(marker.id);
    else if (marker.kind === 'span') w.changedSpans.push(marker.sortKey);
    else if (marker.kind === 'round') {
      // The round's year is counted whole; its first month stands for it (a year not begun has no round).
      w.closedRounds.push({ year: marker.year, id: marker.id });
      if (`${marker.year}-01` <= current) w.months.add(`${marker.year}-01`);
    } else {
      w.monthMarkers.push({ month: marker.month, seq: marker.seq });
      if (marker.month <= current) w.months.add(marker.month);
    }
  }
  return { work, unknownCentre };
}

/**
 * A changed participant (or register span) touches the months it spans now and the months the job last
 * counted it in (a start moved from 2023 to 2025 leaves 2023 to be recounted without it).
 */
export function addChangedParticipants(
  w: CentreWork,
  changed: readonly Participation[],
  current: Month,
): void {
  for (const p of changed) {
    for (const m of monthsUpTo(spanOf(p), current)) w.months.add(m);
    const counted = countedOf(p);
    if (counted) for (const m of monthsUpTo(counted, current)) w.months.add(m);
  }
}
