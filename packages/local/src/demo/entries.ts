import { startingCatalogue } from '@crux/domain/catalogue/starting';
import type { IsoDate } from '@crux/domain/period';
import { openDays, season, weekday } from './calendar';
import type { Person } from './people';
import { apportion, type Rnd, sample } from './random';
import type { YearTargets } from './targets';

export type PlannedEntry = { participant?: string; date: IsoDate; kind: string; count: number };

/**
 * On which days a kind is registered, and about how much a day: visits and contact points every open
 * day; food bags on the weekly distribution day (Thursday); Christmas help in the first three weeks of
 * December; the rest on some days, `perDay` at a time.
 */
type Cadence = { days: 'open' | 'weekly' | 'christmas'; perDay?: number };
const cadences: Record<string, Cadence> = {
  visit: { days: 'open' },
  contact_point: { days: 'open' },
  food_bag: { days: 'weekly' },
  participant_meeting: { days: 'weekly', perDay: 1 },
  wish_tree_gift: { days: 'christmas', perDay: 25 },
  christmas_food_box: { days: 'christmas', perDay: 20 },
  christmas_gift_card: { days: 'christmas', perDay: 10 },
  wheel_conversation: { days: 'open', perDay: 2 },
  support_conversation: { days: 'open', perDay: 2 },
  community_meeting_point: { days: 'open', perDay: 3 },
  digital_follow_up: { days: 'open', perDay: 2 },
};
const usual: Cadence = { days: 'open', perDay: 1.3 };

function daysOf(cadence: Cadence, year: number): IsoDate[] {
  // Christmas help is handed out in the fortnight before Christmas.
  if (cadence.days === 'christmas') return openDays(`${year}-12-08`, `${year}-12-22`);
  const days = openDays(`${year}-01-01`, `${year}-12-31`);
  return cadence.days === 'weekly' ? days.filter((d) => weekday(d) === 4) : days;
}

/**
 * The year's activity entries, one a day and kind with the day's count, adding up to each kind's
 * target exactly. A kind counting participants (the cabin trip) is one entry per participant on the
 * trip's first day, for participants active then.
 */
export function planEntriesYear(
  rnd: Rnd,
  entries: PlannedEntry[],
  active: readonly Person[],
  targets: YearTargets,
  tripDay: string,
): void {
  const { year } = targets;
  for (const [kind, total] of Object.entries(targets.kinds).sort()) {
    if (total === 0) continue;
    const counts = startingCatalogue.activityKinds.find((k) => k.id === kind)?.counts;
    if (counts === 'participants') {
      const date = openDays(`${year}-${tripDay}`, `${year}-12-31`)[0] as IsoDate;
      const there = active.filter(
        (p) => p.startDate <= date && (p.endDate === undefined || p.endDate >= date),
      );
      if (there.length < total)
        throw new Error(`demo: ${total} on the ${kind} of ${year}, ${there.length} active`);
      for (const p of sample(rnd, there, Array(there.length).fill(1), total))
        entries.push({ participant: p.ref, date, kind, count: 1 });
      continue;
    }
    const cadence = cadences[kind] ?? usual;
    const days = daysOf(cadence, year);
    const weights = days.map((d) => season(d) * (0.6 + 0.8 * rnd()));
    const n = Math.min(
      total,
      days.length,
      cadence.perDay ? Math.max(1, Math.round(total / cadence.perDay)) : days.length,
    );
    const chosen = sample(rnd, days, weights, n);
    const weightOf = new Map(days.map((d, i) => [d, weights[i] as number]));
    const split = apportion(
      total,
      chosen.map((d) => weightOf.get(d) as number),
      1,
    );
    chosen.forEach((date, i) => {
      entries.push({ date, kind, count: split[i] as number });
    });
  }
}
