import type { GenderGroup } from '@crux/domain/figures/definition';
import type { Outcome } from '@crux/domain/participant';
import { between, type Rnd } from './random';
import type { RegisterProfile } from './register-targets';

/**
 * What a year of a centre's records must count to. A published year gives every number; a year after
 * it is drawn around a baseline (`plausible`). Without `meanAge` or `gender`, the new participants'
 * ages and genders are drawn freely.
 */
export type YearTargets = {
  year: number;
  participants: number;
  new: number;
  meanAge?: number;
  gender?: Record<GenderGroup, number>;
  ended: Record<Outcome, number>;
  measures: Record<string, number>;
  orders: Record<string, { persons: number; hours: number }>;
  kinds: Record<string, number>;
};

/** A centre's demo: its seed, its published years, and what its later years are drawn around. */
export type CentreProfile = {
  centre: string;
  seed: number;
  firstYear: number;
  published: readonly YearTargets[];
  /** Participants carried into the first year when it is not published. */
  carriedIntoFirstYear: number;
  baseline: Omit<YearTargets, 'year' | 'participants' | 'ended' | 'meanAge' | 'gender'> & {
    endedShare: number;
  };
  /** The yearly trip (`MM-DD`), for kinds counting participants. */
  tripDay: string;
  /** Volunteers, staff, the shop and the economy. */
  registers: RegisterProfile;
};

/** What the year before left behind, which the next year's targets must respect. */
export type CarriedState = { participants: number; measures: Record<string, number> };

/**
 * Øvre Eiker's *Fakta og tall 2024 (2023 i parentes)*, line for line. The lines the report leaves
 * unsaid are chosen to fit: 21 participations ended in 2023 (44 active, 23 of them still there in
 * 2024), so 12 went on to something else; 3 ended that way in 2024.
 */
export const ovreEikerPublished: readonly YearTargets[] = [
  {
    year: 2023,
    participants: 44,
    new: 20,
    meanAge: 34,
    gender: { woman: 23, man: 21, other: 0 },
    ended: { stable_life: 3, treatment: 2, other_nav_measure: 4, other: 12 },
    measures: { nav_activity: 8, municipal_follow_up: 7, vto: 4, clarification: 0, mentor: 2 },
    orders: {
      community_sentence: { persons: 2, hours: 78 },
      fine_serving: { persons: 0, hours: 0 },
      electronic_monitoring: { persons: 3, hours: 266 },
    },
    kinds: {
      visit: 3557,
      contact_point: 6623,
      wheel_conversation: 405,
      practical_help: 85,
      cabin_trip: 7,
      food_bag: 505,
      wish_tree_gift: 93,
      christmas_food_box: 72,
      christmas_gift_card: 12,
    },
  },
  {
    year: 2024,
    participants: 45,
    new: 22,
    meanAge: 41,
    gender: { woman: 23, man: 22, other: 0 },
    ended: { stable_life: 6, treatment: 2, other_nav_measure: 8, other: 3 },
    measures: { nav_activity: 7, municipal_follow_up: 6, vto: 4, clarification: 8, mentor: 1 },
    orders: {
      community_sentence: { persons: 1, hours: 136 },
      fine_serving: { persons: 1, hours: 87 },
      electronic_monitoring: { persons: 4, hours: 384 },
    },
    kinds: {
      visit: 3643,
      contact_point: 4300,
      wheel_conversation: 95,
      support_conversation: 250,
      non_participant_support: 20,
      practical_help: 95,
      cabin_trip: 9,
      food_bag: 520,
      wish_tree_gift: 97,
      christmas_food_box: 80,
      christmas_gift_card: 40,
    },
  },
];

const vary = (rnd: Rnd, n: number, spread = 0.15) =>
  Math.max(0, Math.round(n * (1 - spread + 2 * spread * rnd())));

/**
 * A year drawn around the centre's baseline: new participants, ends, measures (never fewer than those
 * carried in), orders and activity, each within some 15 % of it.
 */
export function plausibleYear(
  profile: CentreProfile,
  year: number,
  carried: CarriedState,
  rnd: Rnd,
): YearTargets {
  const { baseline } = profile;
  const fresh = vary(rnd, baseline.new);
  const participants = carried.participants + fresh;
  const ending = Math.round(participants * baseline.endedShare * (0.9 + 0.2 * rnd()));
  const stable = Math.round(ending * 0.3);
  const treatment = Math.round(ending * 0.12);
  const nav = Math.round(ending * 0.38);
  const measures: Record<string, number> = {};
  for (const [type, n] of Object.entries(baseline.measures))
    measures[type] = Math.max(carried.measures[type] ?? 0, vary(rnd, n, 0.25));
  const orders: YearTargets['orders'] = {};
  for (const [type, o] of Object.entries(baseline.orders)) {
    const persons = Math.max(0, o.persons + between(rnd, -1, 1));
    const each = o.persons > 0 ? o.hours / o.persons : 80;
    orders[type] = { persons, hours: Math.round(persons * each * (0.8 + 0.4 * rnd())) };
  }
  const kinds: Record<string, number> = {};
  for (const [kind, n] of Object.entries(baseline.kinds)) kinds[kind] = vary(rnd, n);
  return {
    year,
    participants,
    new: fresh,
    ended: {
      stable_life: stable,
      treatment,
      other_nav_measure: nav,
      other: ending - stable - treatment - nav,
    },
    measures,
    orders,
    kinds,
  };
}
