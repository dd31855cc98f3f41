import * as z from 'zod/mini';
import { addDays, todayInOslo } from './calendar';
import { type Rule, raise } from './validation';

export * from './calendar';

/** A calendar date `YYYY-MM-DD` that exists (2024-02-30 is refused). */
export const IsoDate = z.iso.date();
export type IsoDate = z.infer<typeof IsoDate>;

/**
 * The platform's one date window. Nothing a centre records lies before 2000 (the oldest centre, CRUX
 * Huset, opened in 2001), nothing that has happened lies after today in Oslo, and what is planned (a
 * participation that starts soon) lies at most `PLANNING_DAYS` ahead. A date outside is a slip of the
 * finger, and a 400 that names the field and the window; it is never stored, where no figure would count it.
 */
export const PLATFORM_START: IsoDate = '2000-01-01';
export const PLANNING_DAYS = 60;

/** The last day a planned date may fall on, from today in Oslo. */
export const planningHorizon = (now: Date = new Date()): IsoDate => addDays(todayInOslo(now), PLANNING_DAYS);

/**
 * How far ahead a plan may look: a step "by when", the next wheel conversation. Further than a
 * participation's start, since a goal may be a year or two away.
 */
export const PLAN_AHEAD_DAYS = 3 * 366;

/** `31.12.2026`: dates in messages as people in Norway write them, in both languages. */
const shown = (iso: string) => iso.split('-').reverse().join('.');

export const datePast: Rule = {
  name: 'date_past',
  text: () => ({
    nb: `Datoen må være fra ${shown(PLATFORM_START)} til i dag (${shown(todayInOslo())}).`,
    en: `The date must be from ${shown(PLATFORM_START)} to today (${shown(todayInOslo())}).`,
  }),
};

export const datePlanned: Rule = {
  name: 'date_planned',
  text: () => ({
    nb: `Datoen må være fra ${shown(PLATFORM_START)} til ${shown(planningHorizon())}.`,
    en: `The date must be from ${shown(PLATFORM_START)} to ${shown(planningHorizon())}.`,
  }),
};

export const datePlan: Rule = {
  name: 'date_plan',
  text: () => ({
    nb: `Datoen må være fra ${shown(PLATFORM_START)} til ${shown(addDays(todayInOslo(), PLAN_AHEAD_DAYS))}.`,
    en: `The date must be from ${shown(PLATFORM_START)} to ${shown(addDays(todayInOslo(), PLAN_AHEAD_DAYS))}.`,
  }),
};

/** A date in a plan: from 2000-01-01 to `PLAN_AHEAD_DAYS` ahead of today in Oslo. */
export const PlanDate = IsoDate.check(
  z.refine(
    (d: string) => d >= PLATFORM_START && d <= addDays(todayInOslo(), PLAN_AHEAD_DAYS),
    raise(datePlan),
  ),
);

/** A date of something that has happened: from 2000-01-01 to today in Oslo. */
export const PastDate = IsoDate.check(
  z.refine((d: string) => d >= PLATFORM_START && d <= todayInOslo(), raise(datePast)),
);

/** A date of something planned or happened: from 2000-01-01 to `PLANNING_DAYS` days after today. */
export const PlannedDate = IsoDate.check(
  z.refine((d: string) => d >= PLATFORM_START && d <= planningHorizon(), raise(datePlanned)),
);

export const Year = z.int().check(z.gte(2000), z.lte(2100));
