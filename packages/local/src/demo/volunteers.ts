import type { IsoDate } from '@crux/domain/period';
import { maxDate, minDate, openDays } from './calendar';
import { apportion, between, pick, type Rnd, sample } from './random';
import type { RegisterTargets } from './register-targets';

export type PlannedVolunteer = {
  ref: string;
  name: string;
  contact: string;
  startDate: IsoDate;
  endDate?: IsoDate;
  arenas: string[];
  account?: string;
};
export type PlannedVolunteerHours = { volunteer: string; date: IsoDate; arena: string; hours: number };

const firstNames = ['Anne', 'Berit', 'Siri', 'Gunn', 'Liv', 'Astrid', 'Nils', 'Odd', 'Arne', 'Knut', 'Hege'];
const surnames = ['Berg', 'Dahl', 'Haugen', 'Lie', 'Moen', 'Nilsen', 'Strand', 'Vik', 'Aas', 'Lund'];

/** Where volunteers help, and how likely each arena is to be one of theirs. */
const arenaWeights: Record<string, number> = {
  shop: 0.35,
  follow_up_centre: 0.25,
  maintenance: 0.2,
  food_distribution: 0.15,
  trips: 0.05,
};
const arenas = Object.keys(arenaWeights);

/** A day's stint: a few hours in the shop, on the crew, at the food distribution. */
const hoursPerStint = 3.5;

function draft(rnd: Rnd, ref: string, startDate: IsoDate): PlannedVolunteer {
  const count = rnd() < 0.4 ? 2 : 1;
  return {
    ref,
    name: `${pick(rnd, firstNames)} ${pick(rnd, surnames)}`,
    contact: `9${between(rnd, 10, 99)} ${between(rnd, 10, 99)} ${between(rnd, 100, 999)}`,
    startDate,
    arenas: sample(
      rnd,
      arenas,
      arenas.map((a) => arenaWeights[a] as number),
      count,
    ),
  };
}

/** The days of `year` a volunteer is with the centre. */
const daysIn = (v: PlannedVolunteer, year: number) =>
  openDays(maxDate(v.startDate, `${year}-01-01`), minDate(v.endDate ?? `${year}-12-31`, `${year}-12-31`));

/**
 * A year of volunteers: those carried over (in the first year, people who started in the five years
 * before, the one the demo's volunteer account belongs to among them), the new ones, who ends (so that
 * the next published year can be met), and the year's hours split between them as stints on the days
 * each was with the centre, in their arenas.
 */
export function planVolunteersYear(
  rnd: Rnd,
  volunteers: PlannedVolunteer[],
  hours: PlannedVolunteerHours[],
  targets: RegisterTargets,
  next: RegisterTargets | undefined,
  endedShare: number,
  firstYear: { account: { name: string; subject: string } } | undefined,
  refPrefix: string,
): void {
  const { year } = targets;
  const add = (startDate: IsoDate) => {
    const v = draft(rnd, `${refPrefix}v${volunteers.length}`, startDate);
    volunteers.push(v);
    return v;
  };
  const carriedCount = targets.volunteers.active - targets.volunteers.new;
  if (firstYear) {
    for (let i = 0; i < carriedCount; i++)
      add(pick(rnd, openDays(`${year - between(rnd, 1, 5)}-01-01`, `${year - 1}-12-31`)));
    const own = volunteers[volunteers.length - carriedCount];
    if (own) {
      own.name = firstYear.account.name;
      own.account = firstYear.account.subject;
      own.arenas = ['shop', 'food_distribution'];
    }
  }
  const carried = volunteers.filter((v) => v.endDate === undefined && v.startDate < `${year}-01-01`);
  if (carried.length !== carriedCount)
    throw new Error(
      `demo: ${carried.length} volunteers carried into ${year}, the targets say ${carriedCount}`,
    );
  const days = openDays(`${year}-01-01`, `${year}-11-30`);
  const fresh = Array.from({ length: targets.volunteers.new }, () => pick(rnd, days))
    .sort()
    .map(add);
  const active = [...carried, ...fresh];

  const staying = next
    ? next.volunteers.active - next.volunteers.new
    : Math.round(active.length * (1 - endedShare));
  const leaving = active
    .filter((v) => v.account === undefined)
    .map((v) => ({ v, key: rnd() }))
    .sort((a, b) => a.key - b.key)
    .slice(0, active.length - staying);
  if (active.length - leaving.length !== staying)
    throw new Error(
      `demo: ${active.length - leaving.length} volunteers would stay into ${year + 1}, not ${staying}`,
    );
  for (const { v } of leaving) {
    const window = openDays(maxDate(v.startDate, `${year}-02-01`), `${year}-12-31`);
    v.endDate = window.length > 0 ? pick(rnd, window) : v.startDate;
  }

  const shares = apportion(
    targets.volunteers.hours,
    active.map((v) => daysIn(v, year).length * (0.5 + rnd())),
    2,
  );
  active.forEach((v, i) => {
    const share = shares[i] as number;
    const open = daysIn(v, year);
    if (open.length === 0) throw new Error(`demo: volunteer ${v.ref} has no open day in ${year}`);
    const stints = Math.max(1, Math.min(open.length, Math.round(share / hoursPerStint)));
    const dates = sample(rnd, open, Array(open.length).fill(1), stints);
    const split = apportion(
      share,
      dates.map(() => 0.7 + 0.6 * rnd()),
      1,
    );
    dates.forEach((date, j) => {
      hours.push({ volunteer: v.ref, date, arena: pick(rnd, v.arenas), hours: split[j] as number });
    });
  });
}
