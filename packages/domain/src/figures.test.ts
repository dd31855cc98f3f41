import { describe, expect, it } from 'vitest';
import type { Figures } from './figure-set';
import {
  type ActivityCount,
  computeFigures,
  isActiveIn,
  monthPeriod,
  type ParticipationSpan,
  sumFigures,
  yearFigures,
  yearPeriod,
} from './figures';

const march = monthPeriod('2024-03');
const leap = monthPeriod('2024-02');

describe('periods', () => {
  it('a month runs from its first to its last calendar day, leap years included', () => {
    expect(march).toEqual({ first: '2024-03-01', last: '2024-03-31' });
    expect(leap).toEqual({ first: '2024-02-01', last: '2024-02-29' });
    expect(monthPeriod('2023-02').last).toBe('2023-02-28');
    expect(yearPeriod(2024)).toEqual({ first: '2024-01-01', last: '2024-12-31' });
  });
});

describe('active participant', () => {
  const cases: [string, ParticipationSpan, boolean][] = [
    ['started on the last day', { id: 'a', startDate: '2024-03-31' }, true],
    ['started the day after the last day', { id: 'a', startDate: '2024-04-01' }, false],
    ['ended on the first day', { id: 'a', startDate: '2023-01-10', endDate: '2024-03-01' }, true],
    [
      'ended the day before the first day',
      { id: 'a', startDate: '2023-01-10', endDate: '2024-02-29' },
      false,
    ],
    ['open since long before', { id: 'a', startDate: '2019-06-01' }, true],
    ['started and ended inside', { id: 'a', startDate: '2024-03-10', endDate: '2024-03-12' }, true],
    ['spans the whole month', { id: 'a', startDate: '2024-02-10', endDate: '2024-04-12' }, true],
  ];
  it.each(cases)('%s', (_name, p, expected) => {
    expect(isActiveIn(p, march)).toBe(expected);
  });
});

describe('computeFigures', () => {
  const participations: ParticipationSpan[] = [
    { id: 'p1', startDate: '2024-03-01' },
    { id: 'p2', startDate: '2024-03-31', endDate: '2024-05-02' },
    { id: 'p3', startDate: '2023-11-20', endDate: '2024-03-01' },
    { id: 'p4', startDate: '2023-11-20', endDate: '2024-02-29' },
    { id: 'p5', startDate: '2024-04-01' },
  ];
  const entries: ActivityCount[] = [
    { date: '2024-02-29', kind: 'visit', count: 100 },
    { date: '2024-03-01', kind: 'visit', count: 3 },
    { date: '2024-03-15', kind: 'visit', count: 4 },
    { date: '2024-03-31', kind: 'contact_point', count: 7 },
    { date: '2024-03-31', kind: 'visit', count: 1 },
    { date: '2024-04-01', kind: 'contact_point', count: 50 },
  ];

  it('counts March by hand: boundaries on both ends, no neighbouring month leaks in', () => {
    expect(computeFigures(march, participations, entries)).toEqual({
      participants: 3,
      newParticipants: 2,
      visits: 8,
      contactPoints: 7,
    });
  });

  it('a period with no records is all zeros', () => {
    expect(computeFigures(monthPeriod('2030-01'), [], [])).toEqual({
      participants: 0,
      newParticipants: 0,
      visits: 0,
      contactPoints: 0,
    });
  });

  it('counts a person once even if listed twice', () => {
    const twice = [participations[0], participations[0]] as ParticipationSpan[];
    expect(computeFigures(march, twice, []).participants).toBe(1);
  });
});

describe('year figures', () => {
  it('counts distinct people over the year, not the sum over months', () => {
    const people: ParticipationSpan[] = [
      { id: 'a', startDate: '2023-06-01' },
      { id: 'b', startDate: '2024-02-10', endDate: '2024-09-30' },
      { id: 'c', startDate: '2024-12-31' },
      { id: 'd', startDate: '2022-01-01', endDate: '2023-12-31' },
    ];
    const months = Array.from({ length: 12 }, (_, i) =>
      computeFigures(monthPeriod(`2024-${String(i + 1).padStart(2, '0')}`), people, [
        { date: `2024-${String(i + 1).padStart(2, '0')}-15`, kind: 'visit', count: 2 },
      ]),
    );
    const summedParticipants = months.reduce((n, m) => n + m.participants, 0);
    const year = yearFigures(2024, people, months);
    expect(year).toEqual({ participants: 3, newParticipants: 2, visits: 24, contactPoints: 0 });
    expect(summedParticipants).toBeGreaterThan(year.participants);
  });
});

describe('sumFigures', () => {
  it('adds every key, and an empty list is zero', () => {
    const a: Figures = { participants: 1, newParticipants: 2, visits: 3, contactPoints: 4 };
    const b: Figures = { participants: 10, newParticipants: 20, visits: 30, contactPoints: 40 };
    expect(sumFigures([a, b])).toEqual({
      participants: 11,
      newParticipants: 22,
      visits: 33,
      contactPoints: 44,
    });
    expect(sumFigures([])).toEqual({ participants: 0, newParticipants: 0, visits: 0, contactPoints: 0 });
  });
});
