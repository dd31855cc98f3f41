import type { IsoDate } from '@crux/domain/period';
import { addDays, daysBetween, maxDate, minDate, openDays } from './calendar';
import type { Person } from './people';
import { pick, type Rnd, sample, shuffle } from './random';
import type { YearTargets } from './targets';

export type PlannedMeasure = { participant: string; type: string; startDate: IsoDate; endDate?: IsoDate };

/** An open day from `from` to `to`, both included; `fallback` when the centre is closed all that time. */
function dayIn(rnd: Rnd, from: IsoDate, to: IsoDate, fallback: IsoDate): IsoDate {
  const days = openDays(from, to);
  return days.length > 0 ? pick(rnd, days) : fallback;
}

/**
 * The year's measures: those still open from the year before count again; the rest of each type's
 * target are new, each for a participant active in the year who holds no other measure in it. Then
 * some stay open into the next year (never more than it counts), the others end within the year and
 * within their participation.
 */
export function planMeasuresYear(
  rnd: Rnd,
  measures: PlannedMeasure[],
  people: ReadonlyMap<string, Person>,
  active: readonly Person[],
  targets: YearTargets,
  next: YearTargets | undefined,
  first: boolean,
): void {
  const { year } = targets;
  const last = `${year}-12-31`;
  const open = measures.filter((m) => m.endDate === undefined);
  const taken = new Set(open.map((m) => m.participant));
  const windowOf = (p: Person) => ({
    // In the first year, a carried-over participant's measure may have begun the autumn before.
    from: maxDate(p.startDate, first ? `${year - 1}-09-01` : `${year}-01-01`),
    to: minDate(p.endDate ?? last, last),
  });

  for (const [type, target] of Object.entries(targets.measures).sort()) {
    const carried = open.filter((m) => m.type === type);
    if (carried.length > target)
      throw new Error(`demo: ${carried.length} ${type} carried into ${year}, ${target} counted`);
    const free = active.filter((p) => !taken.has(p.ref));
    if (free.length < target - carried.length)
      throw new Error(`demo: too few participants for ${type} in ${year}`);
    const chosen = sample(
      rnd,
      free,
      free.map((p) => daysBetween(windowOf(p).from, windowOf(p).to) + 1),
      target - carried.length,
    );
    for (const p of chosen) {
      const { from, to } = windowOf(p);
      const startDate = dayIn(rnd, from, addDays(from, Math.floor((daysBetween(from, to) * 2) / 3)), from);
      measures.push({ participant: p.ref, type, startDate });
      taken.add(p.ref);
    }

    const counted = measures.filter((m) => m.type === type && m.endDate === undefined);
    const staying = (m: PlannedMeasure) => people.get(m.participant)?.endDate === undefined;
    const keep = Math.min(Math.floor(target / 2), next ? (next.measures[type] ?? 0) : target);
    const kept = new Set(shuffle(rnd, counted.filter(staying)).slice(0, keep));
    for (const m of counted) {
      if (kept.has(m)) continue;
      const to = minDate(people.get(m.participant)?.endDate ?? last, last);
      const from = minDate(maxDate(addDays(m.startDate, 14), `${year}-01-01`), to);
      m.endDate = dayIn(rnd, maxDate(from, m.startDate), to, to);
    }
  }
}
