import type { GenderGroup } from '@crux/domain/figures/definition';
import { genderGroups } from '@crux/domain/figures/people';
import type { Gender, Outcome, ReferralSource } from '@crux/domain/participant';
import type { IsoDate } from '@crux/domain/period';
import { maxDate, openDays } from './calendar';
import { between, pick, type Rnd, shuffle } from './random';
import type { YearTargets } from './targets';

export type Person = {
  ref: string;
  displayName: string;
  birthYear: number;
  gender?: Gender;
  referralSource: ReferralSource;
  startDate: IsoDate;
  endDate?: IsoDate;
  outcome?: Outcome;
};

const names: Record<GenderGroup, readonly string[]> = {
  woman: [
    'Anne',
    'Lise',
    'Hanne',
    'Mona',
    'Trine',
    'Kristin',
    'Nina',
    'Elin',
    'Silje',
    'Marte',
    'Ida',
    'Randi',
  ],
  man: [
    'Tor',
    'Per',
    'Geir',
    'Rune',
    'Stian',
    'Jan Erik',
    'Bjørn',
    'Arild',
    'Kjetil',
    'Ole',
    'Thomas',
    'Espen',
  ],
  other: ['Kim', 'Robin', 'Alex', 'Eli'],
};
const initials = 'ABDEFGHJKLMNOPRSTV';
const referrals: readonly ReferralSource[] = [
  'nav',
  'nav',
  'nav',
  'municipal_team',
  'municipal_team',
  'probation',
  'other_body',
  'self',
  'self',
];

const group = (p: Person): GenderGroup => (p.gender === 'woman' || p.gender === 'man' ? p.gender : 'other');
export const ageIn = (p: Person, year: number) => year - p.birthYear;
const oldest = 72;

/** A participant is 18 in the year they start at the latest: this is the youngest they can be in `year`. */
const youngestIn = (startDate: IsoDate, year: number) => 18 + year - Number(startDate.slice(0, 4));

/** An age around `mean`, spread like a centre's participants (sd about 11 years), within the bounds. */
const drawAge = (rnd: Rnd, mean: number, min: number) =>
  Math.min(oldest, Math.max(min, Math.round(mean + 22 * (rnd() + rnd() + rnd() - 1.5))));

/**
 * Ages for `free` people in `year` adding up to exactly `sum`: drawn around the mean the sum asks for,
 * then moved a year at a time, within each one's bounds, until they add up.
 */
function agesSummingTo(rnd: Rnd, free: Person[], year: number, sum: number): number[] {
  const mins = free.map((p) => youngestIn(p.startDate, year));
  const ages = mins.map((min) => drawAge(rnd, sum / free.length, min));
  let gap = sum - ages.reduce((a, b) => a + b, 0);
  while (gap !== 0) {
    const before = gap;
    for (const i of shuffle(
      rnd,
      ages.map((_, i) => i),
    )) {
      const age = ages[i] as number;
      const step = gap > 0 && age < oldest ? 1 : gap < 0 && age > (mins[i] as number) ? -1 : 0;
      ages[i] = age + step;
      gap -= step;
      if (gap === 0) break;
    }
    if (gap === before) throw new Error(`demo: no ages of ${free.length} people add up to ${sum} in ${year}`);
  }
  return ages;
}

function genderOf(rnd: Rnd, g: GenderGroup): Gender | undefined {
  if (g !== 'other') return g;
  return rnd() < 0.5 ? 'other' : undefined;
}

/** The genders `people` must have so that with `fixed` they count to `target`. */
function gendersFor(rnd: Rnd, people: number, fixed: readonly Person[], target: Record<GenderGroup, number>) {
  const list = genderGroups.flatMap((g) => {
    const n = target[g] - fixed.filter((p) => group(p) === g).length;
    if (n < 0) throw new Error(`demo: more ${g} carried over than the year counts`);
    return Array<GenderGroup>(n).fill(g);
  });
  if (list.length !== people) throw new Error('demo: the genders do not add up to the participants');
  return shuffle(rnd, list);
}

/**
 * The year's participants: those carried over (in the first year, people who started in the four
 * years before), and the new ones, with genders and ages that count to the year's targets. Then who
 * ends in the year, chosen so that the next published year can still be met (its genders, and its
 * mean age: when it is higher, the young are likelier to leave).
 */
export function planPeopleYear(
  rnd: Rnd,
  people: Person[],
  targets: YearTargets,
  next: YearTargets | undefined,
  first: boolean,
  refPrefix: string,
): Person[] {
  const year = targets.year;
  const draft = (startDate: IsoDate): Person => ({
    ref: `${refPrefix}${people.length}`,
    displayName: '',
    birthYear: 0,
    referralSource: pick(rnd, referrals),
    startDate,
  });
  const add = (startDate: IsoDate) => {
    const p = draft(startDate);
    people.push(p);
    return p;
  };
  const carriedCount = targets.participants - targets.new;
  if (first)
    for (let i = 0; i < carriedCount; i++)
      add(pick(rnd, openDays(`${year - between(rnd, 1, 4)}-01-01`, `${year - 1}-12-31`)));
  const carried = people.filter((p) => p.endDate === undefined && p.startDate < `${year}-01-01`);
  if (carried.length !== carriedCount)
    throw new Error(
      `demo: ${carried.length} participants carried into ${year}, the targets say ${carriedCount}`,
    );
  const days = openDays(`${year}-01-01`, `${year}-12-31`);
  const fresh = Array.from({ length: targets.new }, () => pick(rnd, days))
    .sort()
    .map(add);
  const active = [...carried, ...fresh];
  const free = first ? active : fresh;

  const genders = targets.gender
    ? gendersFor(rnd, free.length, first ? [] : carried, targets.gender)
    : free.map(() => (rnd() < 0.47 ? 'woman' : rnd() < 0.9 ? 'man' : 'other') as GenderGroup);
  const fixedAges = first ? 0 : carried.reduce((n, p) => n + ageIn(p, year), 0);
  const ages = targets.meanAge
    ? agesSummingTo(rnd, free, year, targets.meanAge * targets.participants - fixedAges)
    : free.map((p) => drawAge(rnd, 40, youngestIn(p.startDate, year)));
  free.forEach((p, i) => {
    const g = genders[i] as GenderGroup;
    const gender = genderOf(rnd, g);
    if (gender) p.gender = gender;
    p.birthYear = year - (ages[i] as number);
    p.displayName = `${pick(rnd, names[g])} ${pick(rnd, [...initials])}.`;
  });

  endSome(rnd, active, targets, next);
  return active;
}

function endSome(rnd: Rnd, active: Person[], targets: YearTargets, next: YearTargets | undefined): void {
  const year = targets.year;
  const outcomes = shuffle(
    rnd,
    Object.entries(targets.ended).flatMap(([o, n]) => Array<Outcome>(n).fill(o as Outcome)),
  );
  const staying = active.length - outcomes.length;
  if (next && staying !== next.participants - next.new)
    throw new Error(
      `demo: ${staying} would stay into ${next.year}, which counts ${next.participants - next.new}`,
    );
  const older =
    next?.meanAge !== undefined && targets.meanAge !== undefined ? next.meanAge > targets.meanAge + 1 : false;
  // Lowest key leaves first: mostly chance, tilted toward the young when the next year is older.
  const key = new Map(active.map((p) => [p, rnd() * 25 + (older ? ageIn(p, year) : 0)]));
  const byKey = (list: Person[]) => [...list].sort((a, b) => (key.get(a) as number) - (key.get(b) as number));

  let leaving: Person[];
  if (next?.gender) {
    const stay = stayingByGender(active, next.gender, staying);
    leaving = genderGroups.flatMap((g) => {
      const ofGroup = active.filter((p) => group(p) === g);
      return byKey(ofGroup).slice(0, ofGroup.length - stay[g]);
    });
  } else {
    leaving = byKey(active).slice(0, outcomes.length);
  }
  leaving.forEach((p, i) => {
    const window = openDays(maxDate(p.startDate, `${year}-01-01`), `${year}-12-31`);
    p.endDate = window.length > 0 ? pick(rnd, window) : p.startDate;
    p.outcome = outcomes[i] as Outcome;
  });
}

/**
 * How many of each gender stay so that the next year's genders can be met: never more than the next
 * year counts of that gender, shares kept close to the next year's.
 */
function stayingByGender(active: Person[], target: Record<GenderGroup, number>, staying: number) {
  const total = genderGroups.reduce((n, g) => n + target[g], 0);
  const stay = Object.fromEntries(
    genderGroups.map((g) => [g, Math.min(active.filter((p) => group(p) === g).length, target[g])]),
  ) as Record<GenderGroup, number>;
  let sum = genderGroups.reduce((n, g) => n + stay[g], 0);
  if (sum < staying) throw new Error('demo: too few of each gender to stay into the next year');
  while (sum > staying) {
    const over = (g: GenderGroup) => stay[g] - (staying * target[g]) / total;
    const g = genderGroups.reduce((a, b) => (over(b) > over(a) ? b : a));
    stay[g]--;
    sum--;
  }
  return stay;
}
