import type { Figures } from '@crux/domain/figure-set';
import { describe, expect, it } from 'vitest';
import { headOfficeYearRows, monthTotals, type StoredYear } from './year-table';

const f = (participants: number, visits = 0): Figures => ({
  participants,
  newParticipants: 0,
  visits,
  contactPoints: 0,
});
const row = (centre: string, figures: Figures, previous: Figures | null): StoredYear => ({
  centre,
  name: centre,
  figures,
  previous,
});

describe('head-office rows of a year', () => {
  const before = new Map([
    ['a', row('a', f(10), null)],
    ['TOTAL', row('TOTAL', f(10), null)],
  ]);

  it('recomputed centres replace theirs, every row takes `previous` from the year before, the total sums them', () => {
    const stored = new Map([
      ['a', row('a', f(12), f(10))],
      ['b', row('b', f(5), null)],
      ['TOTAL', row('TOTAL', f(17), f(10))],
    ]);
    const { rows, changed } = headOfficeYearRows(
      stored,
      before,
      new Map([['b', { name: 'B', figures: f(7) }]]),
    );
    expect(rows.get('b')).toEqual({ centre: 'b', name: 'B', figures: f(7), previous: null });
    expect(rows.get('TOTAL')).toEqual({ centre: 'TOTAL', name: undefined, figures: f(19), previous: f(10) });
    // a is unchanged and its previous already right: not rewritten.
    expect(changed.map((r) => r.centre)).toEqual(['b', 'TOTAL']);
  });

  it('a change to the year before reaches a row that was not recomputed, and the total', () => {
    const stored = new Map([
      ['a', row('a', f(12), f(9))],
      ['TOTAL', row('TOTAL', f(12), f(9))],
    ]);
    const { rows, changed } = headOfficeYearRows(stored, before, new Map());
    expect(rows.get('a')?.previous).toEqual(f(10));
    expect(changed.map((r) => [r.centre, r.previous])).toEqual([
      ['a', f(10)],
      ['TOTAL', f(10)],
    ]);
  });

  it('nothing stored and nothing recomputed: no rows, not even a total', () => {
    expect(headOfficeYearRows(new Map(), before, new Map())).toEqual({ rows: new Map(), changed: [] });
  });
});

describe('month totals', () => {
  it('sum stored centres and recomputed ones, never the stored total itself', () => {
    const stored = new Map([
      [
        '2025-01',
        new Map([
          ['a', f(3, 10)],
          ['b', f(4, 1)],
          ['TOTAL', f(7, 11)],
        ]),
      ],
    ]);
    const fresh = new Map([
      ['2025-01', new Map([['b', f(6, 2)]])],
      ['2025-02', new Map([['c', f(1, 1)]])],
    ]);
    expect(monthTotals(stored, fresh)).toEqual(
      new Map([
        ['2025-01', f(9, 12)],
        ['2025-02', f(1, 1)],
      ]),
    );
  });
});
