import { describe, expect, it } from 'vitest';
import { startingCatalogue } from '../catalogue/starting';
import type { Figures } from '../figure-set';
import { defineFigures } from '../figures/define';
import { noRegisterRecords } from '../figures/records';
import { addChangedParticipants, planFromMarkers } from './plan';
import { countCentreYear, publishYear } from './publish';
import type { StoredHeadOfficeYear } from './year-table';

const set = defineFigures(startingCatalogue);
/** The four figures these cases are about, by their engine ids. */
const f = (
  participants: number,
  newParticipants: number,
  visits: number,
  contactPoints: number,
): Figures => ({
  participants,
  'participants.new': newParticipants,
  'kind.visit': visits,
  'kind.contact_point': contactPoints,
});
const pick = (figures: Figures | undefined): Figures =>
  Object.fromEntries(Object.keys(f(0, 0, 0, 0)).map((id) => [id, figures?.[id] ?? 0]));
const registry = [
  { id: 'a', name: 'CRUX A' },
  { id: 'b', name: 'CRUX B' },
];

describe('planning a run', () => {
  it('takes the months of the markers, the months begun since the last run, and leaves strangers alone', () => {
    const { work, unknownCentre } = planFromMarkers(
      registry,
      [
        { kind: 'month', centre: 'a', month: '2024-06', seq: 3 },
        { kind: 'month', centre: 'a', month: '2025-05', seq: 1 },
        { kind: 'participant', centre: 'b', id: 'p1' },
        { kind: 'month', centre: 'gone', month: '2025-01', seq: 1 },
      ],
      '2025-02',
      '2025-03',
    );
    expect(unknownCentre).toBe(1);
    // March has begun for everyone; May has not, so it waits for its month (its marker is still cleared).
    expect([...(work.get('a')?.months ?? [])].sort()).toEqual(['2024-06', '2025-03']);
    expect(work.get('a')?.monthMarkers).toEqual([
      { month: '2024-06', seq: 3 },
      { month: '2025-05', seq: 1 },
    ]);
    expect(work.get('b')?.changedIds).toEqual(['p1']);
  });

  it('a changed participant touches the months it spans now and the months it was counted in', () => {
    const { work } = planFromMarkers(registry, [], '2025-03', '2025-03');
    const b = work.get('b');
    if (!b) throw new Error('no b');
    addChangedParticipants(
      b,
      [{ id: 'p1', startDate: '2025-01-10', version: 2, countedFrom: '2023-11', countedThrough: '2024-01' }],
      '2025-03',
    );
    expect([...b.months].sort()).toEqual(['2023-11', '2023-12', '2024-01', '2025-01', '2025-02', '2025-03']);
  });
});

describe('counting a centre year', () => {
  it('counts every begun month and the year, distinct people from the people', () => {
    const participations = [
      { id: 'x', startDate: '2024-11-02', birthYear: 1980, gender: 'woman' as const },
      {
        id: 'y',
        startDate: '2025-02-28',
        endDate: '2025-02-28',
        birthYear: 1990,
        outcome: 'treatment' as const,
      },
    ];
    const entries = [
      { date: '2025-01-31', kind: 'visit', count: 2 },
      { date: '2025-02-01', kind: 'contact_point', count: 5 },
      { date: '2024-12-31', kind: 'visit', count: 9 },
    ];
    const year = countCentreYear({ id: 'a', name: 'CRUX A' }, 2025, '2025-02', set, {
      ...noRegisterRecords,
      participations,
      entries,
      measures: [],
      hours: [],
      conversations: [],
    });
    expect([...year.months.keys()]).toEqual(['2025-01', '2025-02']);
    expect(pick(year.months.get('2025-01'))).toEqual(f(1, 0, 2, 0));
    expect(pick(year.months.get('2025-02'))).toEqual(f(2, 1, 0, 5));
    // x counted once for the year, though active in both months; y ended the day it started.
    expect(pick(year.figures)).toEqual(f(2, 1, 2, 5));
    expect(year.figures['outcome.treatment']).toBe(1);
    expect(year.figures['participants.age_sum']).toBe(45 + 35);
  });
});

describe('publishing a year', () => {
  const empty: StoredHeadOfficeYear = { years: new Map(), months: new Map() };

  it('writes the recounted centre and the totals; leaves others as stored', () => {
    const stored: StoredHeadOfficeYear = {
      years: new Map([['b', { centre: 'b', name: 'CRUX B', figures: f(10, 2, 100, 50), previous: null }]]),
      months: new Map([['2025-01', new Map([['b', f(10, 2, 100, 50)]])]]),
    };
    const a = countCentreYear({ id: 'a', name: 'CRUX A' }, 2025, '2025-01', set, {
      ...noRegisterRecords,
      participations: [{ id: 'x', startDate: '2025-01-05', birthYear: 1980 }],
      entries: [],
      measures: [],
      hours: [],
      conversations: [],
    });
    const out = publishYear(stored, new Map(), [a]);
    expect(out.changedRows.map((r) => r.centre).sort()).toEqual(['TOTAL', 'a']);
    expect(pick(out.rows.get('TOTAL')?.figures)).toEqual(f(11, 3, 100, 50));
    const janTotal = out.monthRows.find((m) => m.month === '2025-01' && m.centre === 'TOTAL');
    expect(pick(janTotal?.figures)).toEqual(f(11, 3, 100, 50));
  });

  it('a year only stepped for its previous rewrites its previous figures alone', () => {
    const before = new Map([['a', { centre: 'a', name: 'CRUX A', figures: f(7, 7, 7, 7), previous: null }]]);
    const stored: StoredHeadOfficeYear = {
      years: new Map([['a', { centre: 'a', name: 'CRUX A', figures: f(9, 1, 1, 1), previous: null }]]),
      months: new Map(),
    };
    const out = publishYear(stored, before, []);
    expect(out.changedRows.map((r) => [r.centre, r.previous])).toEqual([
      ['a', f(7, 7, 7, 7)],
      ['TOTAL', null],
    ]);
    expect(publishYear(empty, new Map(), []).changedRows).toEqual([]);
  });
});
