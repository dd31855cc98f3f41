import { startingCatalogue } from '@crux/domain/catalogue/starting';
import { checkIncome, IncomeUpdate } from '@crux/domain/registers/economy';
import { PositionCreate } from '@crux/domain/registers/positions';
import { ShopMonthUpdate } from '@crux/domain/registers/shop';
import {
  checkVolunteer,
  checkVolunteerHours,
  VolunteerCreate,
  VolunteerHoursCreate,
} from '@crux/domain/registers/volunteers';
import { parse } from '@crux/domain/validation';
import { describe, expect, it } from 'vitest';
import { planDemo } from './plan';

const today = '2026-12-02';
const plans = planDemo(today);

describe("every demo plan's registers", () => {
  it.each(plans.map((p) => [p.centre, p] as const))(
    '%s: registers only what the API would take',
    (_c, plan) => {
      const problems: string[] = [];
      const check = (ok: boolean, what: string) => {
        if (!ok) problems.push(what);
      };
      const inRange = (date: string) => date >= '2000-01-01' && date <= today;
      const volunteers = new Map(plan.volunteers.map((v) => [v.ref, v]));
      for (const { ref, account: _a, ...v } of plan.volunteers) {
        check(parse(VolunteerCreate, v).ok && checkVolunteer(startingCatalogue, v).ok, `volunteer ${ref}`);
        check(inRange(v.startDate) && (v.endDate === undefined || inRange(v.endDate)), `dates of ${ref}`);
      }
      for (const h of plan.volunteerHours) {
        const { volunteer: ref, ...body } = h;
        const v = volunteers.get(ref);
        check(
          parse(VolunteerHoursCreate, body).ok && checkVolunteerHours(startingCatalogue, body).ok,
          'hours',
        );
        check(
          v !== undefined && h.date >= v.startDate && (v.endDate === undefined || h.date <= v.endDate),
          `hours of ${ref} on ${h.date} outside their time`,
        );
      }
      for (const p of plan.positions) check(parse(PositionCreate, p.body).ok, `position ${p.ref}`);
      for (const m of plan.shopMonths)
        check(parse(ShopMonthUpdate, { kilograms: m.kilograms, version: 0 }).ok, `shop ${m.month}`);
      for (const i of plan.income) {
        const update = { amounts: i.amounts, version: 0 };
        check(
          parse(IncomeUpdate, update).ok && checkIncome(startingCatalogue, update).ok,
          `income ${i.year}`,
        );
      }
      expect(problems).toEqual([]);
    },
    // Checks every register record of four years against the schemas: seconds on a busy machine.
    60_000,
  );

  it.each(plans.map((p) => [p.centre, p] as const))(
    '%s: keeps volunteers, staff, the shop and the economy every year, nothing after today',
    (_c, plan) => {
      for (const year of [2023, 2024, 2025, 2026]) {
        const active = plan.volunteers.filter(
          (v) => v.startDate <= `${year}-12-31` && (v.endDate === undefined || v.endDate >= `${year}-01-01`),
        );
        expect(active.length).toBeGreaterThan(12);
        expect(plan.volunteerHours.some((h) => h.date.startsWith(`${year}-`))).toBe(true);
      }
      expect(plan.volunteerHours.every((h) => h.date <= today)).toBe(true);
      expect(plan.shopMonths.at(-1)?.month).toBe('2026-11');
      expect(plan.income.map((i) => i.year).at(-1)).toBe(2025);
      expect(plan.positions.length).toBeGreaterThan(4);
    },
  );
});
