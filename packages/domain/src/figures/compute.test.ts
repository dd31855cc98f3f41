import { describe, expect, it } from 'vitest';
import type { Catalogue } from '../catalogue/lists';
import { startingCatalogue } from '../catalogue/starting';
import { monthPeriod, yearPeriod } from '../period';
import { computeFigures, sumCentres, yearFromMonths } from './compute';
import { defineFigures } from './define';
import {
  type CentreRecords,
  type EntryRecord,
  type HoursRecord,
  type MeasureRecord,
  noRegisterRecords,
  type ParticipationRecord,
} from './records';

const set = defineFigures(startingCatalogue);
const none: CentreRecords = {
  ...noRegisterRecords,
  participations: [],
  entries: [],
  measures: [],
  hours: [],
  conversations: [],
};
const records = (r: Partial<CentreRecords>): CentreRecords => ({ ...none, ...r });
const person = (
  id: string,
  startDate: string,
  more: Partial<ParticipationRecord> = {},
): ParticipationRecord => ({
  id,
  startDate,
  birthYear: 1980,
  ...more,
});
const march = monthPeriod('2024-03');

describe('measures at the period boundaries', () => {
  const measure = (participantId: string, startDate: string, endDate?: string): MeasureRecord => ({
    participantId,
    type: 'vto',
    startDate,
    endDate,
  });
  const measures = [
    measure('starts-on-last-day', '2024-03-31'),
    measure('ends-on-first-day', '2023-10-01', '2024-03-01'),
    measure('ends-the-day-before', '2023-10-01', '2024-02-29'),
    measure('starts-the-day-after', '2024-04-01'),
    measure('twice-in-march', '2024-03-02', '2024-03-05'),
    measure('twice-in-march', '2024-03-20'),
  ];

  it('counts a measure starting on the last day or ending on the first, each participant once', () => {
    expect(computeFigures(set, march, records({ measures }))['measure.vto']).toBe(3);
  });

  it('counts the others in the months they touch', () => {
    expect(computeFigures(set, monthPeriod('2024-02'), records({ measures }))['measure.vto']).toBe(2);
    expect(computeFigures(set, monthPeriod('2024-04'), records({ measures }))['measure.vto']).toBe(3);
  });
});

describe('hours dated 31 December', () => {
  const hours: HoursRecord[] = [
    { date: '2024-12-31', orderType: 'community_sentence', participantId: 'p', hours: 7.5 },
    { date: '2025-01-01', orderType: 'community_sentence', participantId: 'q', hours: 4 },
    { date: '2024-12-02', orderType: 'community_sentence', participantId: 'p', hours: 6 },
  ];
  const count = (period: { first: string; last: string }) => {
    const f = computeFigures(set, period, records({ hours }));
    return [f['order.community_sentence.persons'], f['order.community_sentence.hours']];
  };

  it('count in December and in the year, never in the next January', () => {
    expect(count(monthPeriod('2024-12'))).toEqual([1, 13.5]);
    expect(count(yearPeriod(2024))).toEqual([1, 13.5]);
    expect(count(monthPeriod('2025-01'))).toEqual([1, 4]);
  });
});

describe('participations', () => {
  it('one that ends the day it started is active, new and ended in that period, and gone the next', () => {
    const one = records({
      participations: [person('a', '2024-03-31', { endDate: '2024-03-31', outcome: 'treatment' })],
    });
    const inMarch = computeFigures(set, march, one);
    expect([inMarch.participants, inMarch['participants.new'], inMarch['outcome.treatment']]).toEqual([
      1, 1, 1,
    ]);
    const inApril = computeFigures(set, monthPeriod('2024-04'), one);
    expect([inApril.participants, inApril['participants.new'], inApril['outcome.treatment']]).toEqual([
      0, 0, 0,
    ]);
  });

  it('counts age as the period year minus the birth year, across a year boundary', () => {
    // Born in 2005 (perhaps on 31 December): 18 in every period of 2023, 19 in every period of 2024.
    const one = records({ participations: [person('a', '2023-12-01', { birthYear: 2005 })] });
    expect(computeFigures(set, monthPeriod('2023-12'), one)['participants.age_sum']).toBe(18);
    expect(computeFigures(set, yearPeriod(2023), one)['participants.age_sum']).toBe(18);
    expect(computeFigures(set, monthPeriod('2024-01'), one)['participants.age_sum']).toBe(19);
  });

  it('counts gender not stated with other, and an end without an outcome as other', () => {
    const people = records({
      participations: [
        person('w', '2024-01-05', { gender: 'woman' }),
        person('m', '2024-01-05', { gender: 'man', endDate: '2024-03-10' }),
        person('o', '2024-01-05', { gender: 'other' }),
        person('n', '2024-01-05'),
      ],
    });
    const f = computeFigures(set, march, people);
    expect([
      f['participants.woman'],
      f['participants.man'],
      f['participants.other'],
      f['outcome.other'],
    ]).toEqual([1, 1, 2, 1]);
  });

  it('counts a participation listed twice once', () => {
    const twice = records({ participations: [person('a', '2024-03-01'), person('a', '2024-03-01')] });
    expect(computeFigures(set, march, twice).participants).toBe(1);
  });
});

describe('activity kinds', () => {
  const entry = (kind: string, count: number, participantId?: string): EntryRecord => ({
    date: '2024-03-15',
    kind,
    count,
    participantId,
  });

  it('a kind counting participants counts each participant once; a sum kind adds the counts', () => {
    const entries = [
      entry('cabin_trip', 1, 'a'),
      entry('cabin_trip', 1, 'a'),
      entry('cabin_trip', 3, 'b'),
      entry('visit', 2, 'a'),
      entry('visit', 5),
      entry('non_participant_support', 2),
    ];
    const f = computeFigures(set, march, records({ entries }));
    expect([f['kind.cabin_trip'], f['kind.visit'], f['kind.non_participant_support']]).toEqual([2, 7, 2]);
  });

  it('a retired kind is still counted', () => {
    const retired: Catalogue = {
      ...startingCatalogue,
      activityKinds: startingCatalogue.activityKinds.map((k) =>
        k.id === 'prison_visit' ? { ...k, status: 'retired' } : k,
      ),
    };
    const f = computeFigures(defineFigures(retired), march, records({ entries: [entry('prison_visit', 4)] }));
    expect(f['kind.prison_visit']).toBe(4);
  });

  it('ignores an entry of a kind the catalogue does not hold', () => {
    const f = computeFigures(set, march, records({ entries: [entry('no_such_kind', 4)] }));
    expect(Object.values(f).every((v) => v === 0)).toBe(true);
  });
});

describe('a year', () => {
  const year = records({
    participations: [
      person('a', '2023-06-01', { gender: 'woman' }),
      person('b', '2024-02-10', { endDate: '2024-09-30', outcome: 'stable_life', gender: 'man' }),
      person('c', '2024-12-31', { birthYear: 2006 }),
      person('d', '2022-01-01', { endDate: '2023-12-31', outcome: 'other' }),
    ],
    entries: Array.from({ length: 12 }, (_, i) => ({
      date: `2024-${String(i + 1).padStart(2, '0')}-15`,
      kind: i % 2 ? 'cabin_trip' : 'visit',
      count: 2,
      participantId: 'a',
    })),
    measures: [{ participantId: 'a', type: 'mentor', startDate: '2024-01-01', endDate: '2024-06-30' }],
    hours: [
      { date: '2024-01-31', orderType: 'fine_serving', participantId: 'b', hours: 3 },
      { date: '2024-09-30', orderType: 'fine_serving', participantId: 'b', hours: 5.25 },
    ],
  });
  const months = Array.from({ length: 12 }, (_, i) =>
    computeFigures(set, monthPeriod(`2024-${String(i + 1).padStart(2, '0')}`), year),
  );
  const whole = computeFigures(set, yearPeriod(2024), year);

  it('counts by hand', () => {
    expect(whole).toMatchObject({
      participants: 3,
      'participants.new': 2,
      'participants.age_sum': 44 + 44 + 18,
      'participants.woman': 1,
      'participants.man': 1,
      'participants.other': 1,
      'outcome.stable_life': 1,
      'outcome.other': 0,
      'kind.visit': 12,
      'kind.cabin_trip': 1,
      'measure.mentor': 1,
      'order.fine_serving.persons': 1,
      'order.fine_serving.hours': 8.25,
    });
  });

  it('sums its months for sums, and counts its people for distinct figures', () => {
    expect(yearFromMonths(set, months, computeFigures(set, yearPeriod(2024), year, 'distinct'))).toEqual(
      whole,
    );
    const summed = (id: string) => months.reduce((n, m) => n + (m[id] ?? 0), 0);
    expect(summed('kind.visit')).toBe(whole['kind.visit']);
    expect(summed('participants')).toBeGreaterThan(whole.participants ?? 0);
    expect(summed('kind.cabin_trip')).toBeGreaterThan(whole['kind.cabin_trip'] ?? 0);
  });

  it('counts only the figures asked for', () => {
    const distinct = computeFigures(set, yearPeriod(2024), year, 'distinct');
    expect(Object.keys(distinct)).toContain('participants');
    expect(Object.keys(distinct)).not.toContain('kind.visit');
  });

  it('makes the foundation total a plain sum over centres', () => {
    const total = sumCentres(set, [whole, whole, computeFigures(set, yearPeriod(2024), none)]);
    expect(total.participants).toBe(6);
    expect(total['order.fine_serving.hours']).toBe(16.5);
    expect(Object.keys(total)).toEqual(Object.keys(whole));
  });
});
