import * as z from 'zod/mini';
import { type Rule, raise } from './validation';

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

export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

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

/** `YYYY-MM` */
export type Month = string;

export const Year = z.int().check(z.gte(2000), z.lte(2100));

/** A period is a month or a calendar year, as its first and last day (both included). */
export type Period = { first: IsoDate; last: IsoDate };

export function monthPeriod(month: Month): Period {
  return { first: firstDayOf(month), last: lastDayOf(month) };
}

export function yearPeriod(year: number): Period {
  return { first: `${year}-01-01`, last: `${year}-12-31` };
}

export function monthOf(date: IsoDate): Month {
  return date.slice(0, 7);
}

export function yearOf(dateOrMonth: string): number {
  return Number(dateOrMonth.slice(0, 4));
}

export function firstDayOf(month: Month): IsoDate {
  return `${month}-01`;
}

export function lastDayOf(month: Month): IsoDate {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const day = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(day).padStart(2, '0')}`;
}

export function nextMonth(month: Month): Month {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** Every month from `from` to `to`, both included; empty when `from` is after `to`. */
export function monthsBetween(from: Month, to: Month): Month[] {
  const out: Month[] = [];
  for (let m = from; m <= to; m = nextMonth(m)) out.push(m);
  return out;
}

/**
 * One formatter for the process, made on first use: making an Intl.DateTimeFormat loads its time-zone
 * data (about 0.3–1 ms warm, some 20 ms the first time in a process), and every date in a request body
 * is checked against today, so a fresh one per call was most of what a warm API call spent beyond its
 * database requests; made at import, it was the largest part of a cold start's own work.
 */
let osloDay: Intl.DateTimeFormat | undefined;

/** Today in Norway: the centres register work by the local calendar day, not UTC's. */
export function todayInOslo(now: Date = new Date()): IsoDate {
  osloDay ??= new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' });
  return osloDay.format(now);
}
