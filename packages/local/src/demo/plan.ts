import type { ActivityItem } from '@crux/domain/activity';
import type { CentreRecords } from '@crux/domain/figures/records';
import type { Outcome, ParticipantCreate } from '@crux/domain/participant';
import { type IsoDate, yearOf } from '@crux/domain/period';
import type { HoursCreate, MeasureCreate, OrderCreate } from '@crux/domain/records/spans';
import { type PlannedEntry, planEntriesYear } from './entries';
import { type PlannedMeasure, planMeasuresYear } from './measures';
import { type PlannedOrder, planOrdersYear } from './orders';
import { type Person, planPeopleYear } from './people';
import { demoProfiles } from './profiles';
import { random } from './random';
import { type PlannedRegisters, planRegisters } from './registers';
import { type CarriedState, type CentreProfile, plausibleYear } from './targets';

/**
 * What a centre's staff would register, as the API's create bodies. A participant (or a volunteer) is
 * named by `ref` until the API gives it an id: the seeder puts that id into the path of its measures and
 * orders and into `participantId` of its entries (and `volunteerId` of the hours).
 */
export type DemoPlan = PlannedRegisters & {
  centre: string;
  participants: { ref: string; body: ParticipantCreate; end?: { endDate: IsoDate; outcome: Outcome } }[];
  measures: { participant: string; body: MeasureCreate }[];
  orders: { participant: string; body: OrderCreate; hours: HoursCreate[] }[];
  /** A day's count of a kind; the seeder sends a day's entries as one save, as *I dag* does. */
  entries: { participant?: string; body: Omit<ActivityItem, 'participantId'> & { date: IsoDate } }[];
};

type Planned = {
  people: Person[];
  measures: PlannedMeasure[];
  orders: PlannedOrder[];
  entries: PlannedEntry[];
};

/**
 * A centre's records from its first year through the year of `today`, each year planned whole and
 * then cut at `today`: nothing dated after it, and an end after it left open. Deterministic: the same
 * profile and day give the same plan.
 */
export function planCentre(profile: CentreProfile, today: IsoDate): DemoPlan {
  const rnd = random(profile.seed);
  const planned: Planned = { people: [], measures: [], orders: [], entries: [] };
  const byRef = new Map<string, Person>();
  let carried: CarriedState = { participants: profile.carriedIntoFirstYear, measures: {} };
  const published = (year: number) => profile.published.find((t) => t.year === year);
  for (let year = profile.firstYear; year <= yearOf(today); year++) {
    const targets = published(year) ?? plausibleYear(profile, year, carried, rnd);
    const next = published(year + 1);
    const active = planPeopleYear(
      rnd,
      planned.people,
      targets,
      next,
      year === profile.firstYear,
      `${profile.centre}-`,
    );
    for (const p of active) byRef.set(p.ref, p);
    planMeasuresYear(rnd, planned.measures, byRef, active, targets, next, year === profile.firstYear);
    planOrdersYear(rnd, planned.orders, active, targets);
    planEntriesYear(rnd, planned.entries, active, targets, profile.tripDay);
    const measures: Record<string, number> = {};
    for (const m of planned.measures)
      if (m.endDate === undefined) measures[m.type] = (measures[m.type] ?? 0) + 1;
    carried = { participants: planned.people.filter((p) => p.endDate === undefined).length, measures };
  }
  const registers = planRegisters(
    profile.registers,
    profile.seed + 1,
    profile.firstYear,
    today,
    `${profile.centre}-`,
  );
  return { ...cut(profile.centre, planned, today), ...registers };
}

const until = (today: IsoDate) => (date: IsoDate | undefined) =>
  date !== undefined && date <= today ? date : undefined;

function cut(centre: string, planned: Planned, today: IsoDate): Omit<DemoPlan, keyof PlannedRegisters> {
  const known = until(today);
  const participants = planned.people
    .filter((p) => p.startDate <= today)
    .map((p) => {
      const body: ParticipantCreate = {
        displayName: p.displayName,
        birthYear: p.birthYear,
        startDate: p.startDate,
        referralSource: p.referralSource,
        ...(p.gender ? { gender: p.gender } : {}),
      };
      const endDate = known(p.endDate);
      return { ref: p.ref, body, ...(endDate && p.outcome ? { end: { endDate, outcome: p.outcome } } : {}) };
    });
  const span = ({ type, startDate, endDate }: { type: string; startDate: IsoDate; endDate?: IsoDate }) => {
    const end = known(endDate);
    return { type, startDate, ...(end ? { endDate: end } : {}) };
  };
  return {
    centre,
    participants,
    measures: planned.measures
      .filter((m) => m.startDate <= today)
      .map((m) => ({ participant: m.participant, body: span(m) })),
    orders: planned.orders
      .filter((o) => o.startDate <= today)
      .map((o) => ({
        participant: o.participant,
        body: span(o),
        hours: o.hours.filter((h) => h.date <= today),
      })),
    entries: planned.entries
      .filter((e) => e.date <= today)
      .map(({ participant, ...body }) => (participant ? { participant, body } : { body })),
  };
}

/** The demo centres' plans for `today`. */
export function planDemo(today: IsoDate): DemoPlan[] {
  return demoProfiles.map((profile) => planCentre(profile, today));
}

/** The plan as the engine reads records, a participant's `ref` standing for its id. */
export function recordsOfPlan(plan: DemoPlan): CentreRecords {
  return {
    participations: plan.participants.map((p) => ({
      id: p.ref,
      startDate: p.body.startDate,
      birthYear: p.body.birthYear,
      gender: p.body.gender,
      endDate: p.end?.endDate,
      outcome: p.end?.outcome,
    })),
    entries: plan.entries.map((e) => ({
      ...e.body,
      ...(e.participant === undefined ? {} : { participantId: e.participant }),
    })),
    measures: plan.measures.map((m) => ({ participantId: m.participant, ...m.body })),
    hours: plan.orders.flatMap((o) =>
      o.hours.map((h) => ({ ...h, orderType: o.body.type, participantId: o.participant })),
    ),
    conversations: [],
    volunteers: plan.volunteers.map((v) => ({ id: v.ref, startDate: v.startDate, endDate: v.endDate })),
    volunteerHours: plan.volunteerHours.map(({ volunteer, ...h }) => ({ ...h, volunteerId: volunteer })),
    positions: plan.positions.map((p) => ({ id: p.ref, ...p.body })),
    shopMonths: plan.shopMonths,
    income: plan.income.flatMap((i) =>
      Object.entries(i.amounts).map(([source, amount]) => ({ year: i.year, source, amount })),
    ),
  };
}
