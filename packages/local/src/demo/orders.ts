import type { IsoDate } from '@crux/domain/period';
import { maxDate, minDate, openDays } from './calendar';
import type { Person } from './people';
import { apportion, between, type Rnd, sample } from './random';
import type { YearTargets } from './targets';

export type PlannedOrder = {
  participant: string;
  type: string;
  startDate: IsoDate;
  endDate?: IsoDate;
  hours: { date: IsoDate; hours: number }[];
};

/** Hours a session at most averages: a working day at the centre. */
const hoursPerSession = 5;

/**
 * The year's orders: for each type, its persons each serve one order within the year and within their
 * participation, the type's hours split between them and logged as sessions of a few hours on open
 * days. Participants referred by the probation service are likelier to serve; nobody serves two
 * orders in a year.
 */
export function planOrdersYear(
  rnd: Rnd,
  orders: PlannedOrder[],
  active: readonly Person[],
  targets: YearTargets,
): void {
  const { year } = targets;
  const serving = new Set<string>();
  for (const [type, { persons, hours }] of Object.entries(targets.orders).sort()) {
    if (persons === 0) {
      if (hours !== 0) throw new Error(`demo: ${hours} hours of ${type} in ${year} with nobody serving`);
      continue;
    }
    const shares = apportion(
      hours,
      Array.from({ length: persons }, () => 0.6 + 0.8 * rnd()),
      Math.min(4, Math.floor(hours / persons)),
    );
    for (const share of shares) {
      const sessions = Math.ceil(share / hoursPerSession);
      const days = (p: Person) =>
        openDays(
          maxDate(p.startDate, `${year}-01-01`),
          minDate(p.endDate ?? `${year}-12-31`, `${year}-12-31`),
        );
      const free = active.filter((p) => !serving.has(p.ref) && days(p).length >= sessions + 3);
      const [who] = sample(
        rnd,
        free,
        free.map((p) => (p.referralSource === 'probation' ? 4 : 1)),
        1,
      );
      if (!who) throw new Error(`demo: nobody free to serve ${share} hours of ${type} in ${year}`);
      serving.add(who.ref);
      // Served over a stretch of some weeks: about two open days for every session.
      const open = days(who);
      const stretch = Math.min(open.length, sessions * 2 + between(rnd, 0, 5));
      const from = between(rnd, 0, open.length - stretch);
      const dates = sample(rnd, open.slice(from, from + stretch), Array(stretch).fill(1), sessions);
      const split = apportion(
        share,
        dates.map(() => 0.8 + 0.4 * rnd()),
        1,
      );
      orders.push({
        participant: who.ref,
        type,
        startDate: dates[0] as IsoDate,
        endDate: dates.at(-1) as IsoDate,
        hours: dates.map((date, i) => ({ date, hours: split[i] as number })),
      });
    }
  }
}
