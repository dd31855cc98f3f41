import { type IsoDate, type Month, monthOf, monthsBetween, yearOf } from '@crux/domain/period';
import type { PositionCreate } from '@crux/domain/registers/positions';
import { type Rnd, random } from './random';
import type { RegisterProfile, RegisterTargets } from './register-targets';
import { type PlannedVolunteer, type PlannedVolunteerHours, planVolunteersYear } from './volunteers';

/** What a centre keeps in its registers, as the API's bodies name them (a volunteer by `ref`). */
export type PlannedRegisters = {
  volunteers: PlannedVolunteer[];
  volunteerHours: PlannedVolunteerHours[];
  positions: { ref: string; body: PositionCreate }[];
  shopMonths: { month: Month; kilograms: number }[];
  income: { year: number; amounts: Record<string, number> }[];
};

const vary = (rnd: Rnd, n: number, spread = 0.15) =>
  Math.max(0, Math.round(n * (1 - spread + 2 * spread * rnd())));

/** A year drawn around the baseline: volunteers carried in plus new ones, hours by volunteer, the same staff. */
function plausibleRegisters(
  profile: RegisterProfile,
  year: number,
  carried: number,
  rnd: Rnd,
): RegisterTargets {
  const { baseline } = profile;
  const fresh = vary(rnd, baseline.volunteers.new, 0.3);
  const active = carried + fresh;
  return {
    year,
    volunteers: { active, new: fresh, hours: vary(rnd, active * baseline.volunteers.hoursEach) },
    positions: baseline.positions,
    substitutes: baseline.substitutes,
    income: Object.fromEntries(
      Object.entries(baseline.income).map(([source, amount]) => [
        source,
        vary(rnd, amount / 1000, 0.1) * 1000,
      ]),
    ),
  };
}

const titles = [
  'Virksomhetsleder',
  'Miljøterapeut',
  'Arbeidsveileder',
  'Erfaringskonsulent',
  'Miljøterapeut',
];

/**
 * A centre's staff: the positions held at the end of every year, started before the first year and
 * still held. The published years keep the same staff, as Øvre Eiker's report says.
 */
function positionsOf(targets: RegisterTargets, firstYear: number, refPrefix: string) {
  const position = (percent: number, substitute: boolean, i: number) => ({
    ref: `${refPrefix}s${i}`,
    body: {
      title: substitute ? 'Vikar, miljøterapeut' : (titles[i % titles.length] as string),
      percent,
      startDate: `${firstYear - 1 - (i % 4)}-0${1 + (i % 8)}-01`,
      substitute,
    },
  });
  return [
    ...targets.positions.map((p, i) => position(p, false, i)),
    ...targets.substitutes.map((p, i) => position(p, true, targets.positions.length + i)),
  ];
}

/** The shop's kilograms each month, quieter in July and around Christmas. */
function shopMonths(rnd: Rnd, baseline: number, from: Month, through: Month) {
  return monthsBetween(from, through).map((month) => {
    const quiet = month.endsWith('-07') || month.endsWith('-12') ? 0.6 : 1;
    return { month, kilograms: vary(rnd, baseline * quiet, 0.2) };
  });
}

/**
 * A centre's registers from its first year through the year of `today`, planned whole and cut at
 * `today`: no volunteer or stint after it, an end after it left open, the shop's months and the years'
 * income only once they are over. Its own random sequence, so the participants' plan stays as it was.
 */
export function planRegisters(
  profile: RegisterProfile,
  seed: number,
  firstYear: number,
  today: IsoDate,
  refPrefix: string,
): PlannedRegisters {
  const rnd = random(seed);
  const volunteers: PlannedVolunteer[] = [];
  const volunteerHours: PlannedVolunteerHours[] = [];
  const income: PlannedRegisters['income'] = [];
  const published = (year: number) => profile.published.find((t) => t.year === year);
  let carried = profile.baseline.carriedIntoFirstYear;
  let first: RegisterTargets | undefined;
  for (let year = firstYear; year <= yearOf(today); year++) {
    const targets = published(year) ?? plausibleRegisters(profile, year, carried, rnd);
    first ??= targets;
    planVolunteersYear(
      rnd,
      volunteers,
      volunteerHours,
      targets,
      published(year + 1),
      profile.baseline.volunteers.endedShare,
      year === firstYear ? { account: profile.account } : undefined,
      refPrefix,
    );
    carried = volunteers.filter((v) => v.endDate === undefined).length;
    if (targets.income && year < yearOf(today)) income.push({ year, amounts: { ...targets.income } });
  }
  const known = (date: IsoDate | undefined) => (date !== undefined && date <= today ? date : undefined);
  const lastMonth = monthsBetween(`${firstYear}-01`, monthOf(today)).at(-2) ?? `${firstYear}-01`;
  return {
    volunteers: volunteers
      .filter((v) => v.startDate <= today)
      .map(({ endDate, ...v }) => ({ ...v, ...(known(endDate) ? { endDate } : {}) })),
    volunteerHours: volunteerHours.filter((h) => h.date <= today),
    positions: first ? positionsOf(first, firstYear, refPrefix) : [],
    shopMonths: shopMonths(rnd, profile.baseline.shopKilograms, `${firstYear}-01`, lastMonth),
    income,
  };
}
