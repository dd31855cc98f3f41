import { describe, expect, it } from 'vitest';
import type { Catalogue } from '../catalogue/lists';
import { startingCatalogue } from '../catalogue/starting';
import { monthPeriod, yearPeriod } from '../period';
import { usedEntries } from '../rollup/used';
import { computeFigures, yearFromMonths } from './compute';
import { defineFigures } from './define';
import { yearTable } from './display';
import { type CentreRecords, noRegisterRecords, type RegisterRecords } from './records';

const set = defineFigures(startingCatalogue);
const records = (r: Partial<RegisterRecords>): CentreRecords => ({
  ...noRegisterRecords,
  participations: [],
  entries: [],
  measures: [],
  conversations: [],
  hours: [],
  ...r,
});
const march = monthPeriod('2024-03');
const pick = (f: Record<string, number>, ...ids: string[]) => ids.map((id) => f[id]);

describe('volunteers at the period boundaries', () => {
  const volunteers = [
    { id: 'starts-on-last-day', startDate: '2024-03-31' },
    { id: 'ends-on-first-day', startDate: '2023-05-01', endDate: '2024-03-01' },
    { id: 'ends-the-day-before', startDate: '2023-05-01', endDate: '2024-02-29' },
    { id: 'starts-the-day-after', startDate: '2024-04-01' },
    { id: 'one-day', startDate: '2024-03-15', endDate: '2024-03-15' },
  ];

  it('counts those active in the period and those who started in it, each once', () => {
    const f = computeFigures(set, march, records({ volunteers: [...volunteers, volunteers[0] as never] }));
    expect(pick(f, 'volunteers', 'volunteers.new')).toEqual([3, 2]);
    const year = computeFigures(set, yearPeriod(2024), records({ volunteers }));
    expect(pick(year, 'volunteers', 'volunteers.new')).toEqual([5, 3]);
  });

  it('adds hours dated in the period, 31 December in December and the year, never in January', () => {
    const volunteerHours = [
      { date: '2024-12-31', volunteerId: 'a', arena: 'shop', hours: 3.5 },
      { date: '2024-12-01', volunteerId: 'b', arena: 'maintenance', hours: 4 },
      { date: '2025-01-01', volunteerId: 'a', arena: 'shop', hours: 2 },
    ];
    const december = computeFigures(set, monthPeriod('2024-12'), records({ volunteerHours }));
    expect(
      pick(december, 'volunteers.hours', 'volunteers.hours.shop', 'volunteers.hours.maintenance'),
    ).toEqual([7.5, 3.5, 4]);
    expect(computeFigures(set, yearPeriod(2024), records({ volunteerHours }))['volunteers.hours']).toBe(7.5);
    expect(computeFigures(set, monthPeriod('2025-01'), records({ volunteerHours }))['volunteers.hours']).toBe(
      2,
    );
  });
});

describe('staff positions on the period’s last day', () => {
  const positions = [
    { id: 'full', startDate: '2020-01-01', percent: 100, substitute: false },
    { id: 'half', startDate: '2020-01-01', endDate: '2024-03-31', percent: 50, substitute: false },
    {
      id: 'ends-the-day-before',
      startDate: '2020-01-01',
      endDate: '2024-03-30',
      percent: 100,
      substitute: false,
    },
    { id: 'starts-on-last-day', startDate: '2024-03-31', percent: 60, substitute: false },
    { id: 'substitute', startDate: '2024-02-01', percent: 40, substitute: true },
  ];

  it('counts the positions held that day, substitutes apart, and the FTE of those that are not', () => {
    const f = computeFigures(set, march, records({ positions }));
    expect(pick(f, 'staff.positions', 'staff.substitutes', 'staff.percent')).toEqual([3, 1, 210]);
    const april = computeFigures(set, monthPeriod('2024-04'), records({ positions }));
    expect(pick(april, 'staff.positions', 'staff.percent')).toEqual([2, 160]);
    // The year is its last day, not the sum of its months.
    const months = Array.from({ length: 12 }, (_, i) =>
      computeFigures(set, monthPeriod(`2024-${String(i + 1).padStart(2, '0')}`), records({ positions })),
    );
    const people = computeFigures(set, yearPeriod(2024), records({ positions }), 'distinct');
    expect(
      pick(yearFromMonths(set, months, people), 'staff.positions', 'staff.substitutes', 'staff.percent'),
    ).toEqual([2, 1, 160]);
  });
});

describe('the shop and the economy', () => {
  const registers = records({
    shopMonths: [
      { month: '2024-03', kilograms: 2100 },
      { month: '2024-12', kilograms: 900 },
      { month: '2025-01', kilograms: 1000 },
    ],
    income: [
      { year: 2024, source: 'helsedirektoratet', amount: 1_050_000 },
      { year: 2024, source: 'sales', amount: 1_448_000 },
      { year: 2024, source: 'no_longer_listed', amount: 5 },
      { year: 2023, source: 'sales', amount: 1_000_000 },
    ],
  });

  it('sums the kilograms of the months in the period', () => {
    expect(computeFigures(set, march, registers)['reuse.kilograms']).toBe(2100);
    expect(computeFigures(set, yearPeriod(2024), registers)['reuse.kilograms']).toBe(3000);
  });

  it('counts a year’s income in the year and in no month; the turnover is the sum of the listed sources', () => {
    const year = computeFigures(set, yearPeriod(2024), registers);
    expect(pick(year, 'income.helsedirektoratet', 'income.sales', 'turnover')).toEqual([
      1_050_000, 1_448_000, 2_498_000,
    ]);
    expect(pick(computeFigures(set, monthPeriod('2024-12'), registers), 'turnover', 'income.sales')).toEqual([
      0, 0,
    ]);
  });
});

describe('the registers’ lines', () => {
  const current = {
    volunteers: 23,
    'volunteers.new': 6,
    'volunteers.hours': 3401,
    'staff.positions': 5,
    'staff.substitutes': 1,
    'staff.percent': 400,
    turnover: 4_375_000,
    'income.helsedirektoratet': 1_050_000,
  };
  const previous = {
    volunteers: 17,
    'volunteers.new': 4,
    'volunteers.hours': 2090,
    'staff.positions': 5,
    'staff.substitutes': 1,
    'staff.percent': 400,
  };
  const text = (table: ReturnType<typeof yearTable>, id: string) =>
    table.sections.flatMap((s) => s.rows).find((r) => r.id === id)?.text;

  it('read as the report reads: FTE to two decimals, staff with substitutes apart, kroner grouped', () => {
    const table = yearTable(set, 2024, current, previous);
    expect(text(table, 'volunteers')?.nb).toBe('23 (17)');
    expect(text(table, 'volunteers.fte')).toEqual({ nb: '1,94 (1,19)', en: '1.94 (1.19)' });
    expect(text(table, 'staff')?.nb).toBe('5 + 1 vikar (5 + 1 vikar)');
    expect(text(table, 'staff.fte')?.nb).toBe('4 (4)');
    expect(text(table, 'turnover')).toEqual({ nb: '4\u00a0375\u00a0000 kr', en: '4,375,000 NOK' });
  });

  it('take their FTE from the foundation’s hours per FTE', () => {
    const catalogue: Catalogue = {
      ...startingCatalogue,
      settings: { ...startingCatalogue.settings, hoursPerFte: 1700 },
    };
    expect(text(yearTable(defineFigures(catalogue), 2024, current, null), 'volunteers.fte')?.nb).toBe('2');
  });

  it('mark the arenas and income sources counted under as used', () => {
    const used = usedEntries(startingCatalogue, [
      { 'volunteers.hours.shop': 3, 'income.gifts': 112_000, 'volunteers.hours.trips': 0 },
    ]);
    expect(used).toEqual([
      { list: 'volunteerArenas', id: 'shop' },
      { list: 'incomeSources', id: 'gifts' },
    ]);
  });
});
