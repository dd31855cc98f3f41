import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Figures, type NetworkCell, sumFigures } from './figure-set';

/** The four figures these tables are built of; suppression itself takes whatever figures a row has. */
const figureKeys = ['participants', 'newParticipants', 'visits', 'contactPoints'] as const;
type FigureKey = (typeof figureKeys)[number];

import { type CentreFigures, type SuppressedTable, suppressTable } from './suppression';

const f = (participants: number, newParticipants = 0, visits = 0, contactPoints = 0): Figures => ({
  participants,
  newParticipants,
  visits,
  contactPoints,
});

const column = (t: SuppressedTable, key: FigureKey) => ({
  centres: Object.fromEntries(t.centres.map((c) => [c.centre, c.figures[key]])),
  total: t.total[key],
});

describe('suppressTable, worked examples', () => {
  it('shows 0 and 5, hides 1-4; a small total and its small cell already protect each other', () => {
    const t = suppressTable([
      { centre: 'a', figures: f(0, 5, 4, 1) },
      { centre: 'b', figures: f(0, 5, 0, 0) },
    ]);
    expect(column(t, 'participants')).toEqual({ centres: { a: 0, b: 0 }, total: 0 });
    expect(column(t, 'newParticipants')).toEqual({ centres: { a: 5, b: 5 }, total: 10 });
    expect(column(t, 'visits')).toEqual({
      centres: { a: { suppressed: 'small' }, b: 0 },
      total: { suppressed: 'small' },
    });
    expect(column(t, 'contactPoints')).toEqual({
      centres: { a: { suppressed: 'small' }, b: 0 },
      total: { suppressed: 'small' },
    });
  });

  it('one small cell with a visible total: the smallest other centre is hidden too, ties by id', () => {
    const t = suppressTable([
      { centre: 'tromso', figures: f(3) },
      { centre: 'ovre-eiker', figures: f(9) },
      { centre: 'bergen', figures: f(9) },
      { centre: 'oslo', figures: f(20) },
    ]);
    expect(column(t, 'participants')).toEqual({
      centres: {
        tromso: { suppressed: 'small' },
        'ovre-eiker': 9,
        bergen: { suppressed: 'secondary' },
        oslo: 20,
      },
      total: 41,
    });
  });

  it('two small cells already protect each other', () => {
    const t = suppressTable([
      { centre: 'a', figures: f(2) },
      { centre: 'b', figures: f(3) },
      { centre: 'c', figures: f(30) },
    ]);
    expect(column(t, 'participants')).toEqual({
      centres: { a: { suppressed: 'small' }, b: { suppressed: 'small' }, c: 30 },
      total: 35,
    });
  });

  it('refuses a centre listed twice', () => {
    expect(() =>
      suppressTable([
        { centre: 'a', figures: f(1) },
        { centre: 'a', figures: f(2) },
      ]),
    ).toThrow();
  });
});

const count = fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 500 }));
const figuresArb = fc.record({
  participants: count,
  newParticipants: count,
  visits: count,
  contactPoints: count,
});
const tableArb = fc.uniqueArray(
  fc.record({ centre: fc.stringMatching(/^[a-z][a-z0-9-]{1,8}$/), figures: figuresArb }),
  {
    selector: (r) => r.centre,
    maxLength: 12,
  },
);

const isHidden = (c: NetworkCell) => typeof c !== 'number';

describe('suppressTable, properties', () => {
  it('no visible cell is between 1 and 4', () => {
    fc.assert(
      fc.property(tableArb, (rows) => {
        const t = suppressTable(rows);
        for (const cell of [
          ...t.centres.flatMap((c) => Object.values(c.figures)),
          ...Object.values(t.total),
        ]) {
          if (typeof cell === 'number') expect(cell < 1 || cell > 4).toBe(true);
        }
      }),
    );
  });

  it('in every column the hidden cells are none, or at least two (the total equation cannot be solved)', () => {
    fc.assert(
      fc.property(tableArb, (rows) => {
        const t = suppressTable(rows);
        for (const key of figureKeys) {
          const hidden = [...t.centres.map((c) => c.figures[key] ?? 0), t.total[key] ?? 0].filter(
            isHidden,
          ).length;
          expect(hidden === 0 || hidden >= 2).toBe(true);
        }
      }),
    );
  });

  it('visible cells equal the input, and the visible total is the sum over centres', () => {
    fc.assert(
      fc.property(tableArb, (rows) => {
        const t = suppressTable(rows);
        const total = sumFigures(rows.map((r) => r.figures));
        rows.forEach((r, i) => {
          for (const key of figureKeys) {
            const cell = t.centres[i]?.figures[key];
            expect(t.centres[i]?.centre).toBe(r.centre);
            if (typeof cell === 'number') expect(cell).toBe(r.figures[key]);
          }
        });
        for (const key of figureKeys) {
          const cell = t.total[key];
          if (typeof cell === 'number') expect(cell).toBe(total[key]);
        }
      }),
    );
  });

  it('is deterministic: the same data in any order hides the same cells', () => {
    fc.assert(
      fc.property(
        tableArb.chain((rows) =>
          fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length })),
        ),
        ([rows, shuffled]: [CentreFigures[], CentreFigures[]]) => {
          const byCentre = (t: SuppressedTable) =>
            Object.fromEntries(t.centres.map((c) => [c.centre, c.figures] as const));
          const a = suppressTable(rows);
          const b = suppressTable(shuffled);
          expect(byCentre(b)).toEqual(byCentre(a));
          expect(b.total).toEqual(a.total);
          expect(suppressTable(rows)).toEqual(a);
        },
      ),
    );
  });

  it('hides nothing more in a column without a small cell', () => {
    fc.assert(
      fc.property(tableArb, (rows) => {
        const t = suppressTable(rows);
        for (const key of figureKeys) {
          const cells = [...t.centres.map((c) => c.figures[key] ?? 0), t.total[key] ?? 0];
          const small = cells.filter((c) => typeof c !== 'number' && c.suppressed === 'small').length;
          if (small === 0) expect(cells.every((c) => typeof c === 'number')).toBe(true);
        }
      }),
    );
  });

  /**
   * A reader's own attempt, by brute force over every value each hidden cell could have: "under 5" is
   * 1-4, "hidden to protect another" is 0 or 5 and up (to a bound above the real total, so the reader
   * has at least the room they really have). No hidden cell may have just one value that fits, unless
   * every cell of the column is hidden and the labels alone pin it (nothing more can be hidden then).
   */
  it('leaves no hidden cell that a reader could work out from the total, the visible cells and the labels', () => {
    const small = fc.array(fc.record({ participants: fc.integer({ min: 0, max: 9 }) }), {
      minLength: 1,
      maxLength: 4,
    });
    fc.assert(
      fc.property(small, (values) => {
        const rows = values.map((v, i) => ({ centre: `c${i}`, figures: f(v.participants) }));
        const t = suppressTable(rows);
        const cells = [...t.centres.map((c) => c.figures.participants ?? 0), t.total.participants ?? 0];
        const truth = [
          ...rows.map((r) => r.figures.participants ?? 0),
          sumFigures(rows.map((r) => r.figures)).participants ?? 0,
        ];
        if (cells.every((c) => typeof c !== 'number')) return;
        const bound = (truth[truth.length - 1] as number) + 8;
        const options = cells.map((c) => {
          if (typeof c === 'number') return [c];
          const all = Array.from({ length: bound + 1 }, (_, v) => v);
          return c.suppressed === 'small'
            ? all.filter((v) => v >= 1 && v <= 4)
            : all.filter((v) => v === 0 || v >= 5);
        });
        const fitting = cells.map(() => new Set<number>());
        const walk = (i: number, chosen: number[]): void => {
          if (i === cells.length) {
            const total = chosen[chosen.length - 1] as number;
            if (chosen.slice(0, -1).reduce((a, b) => a + b, 0) !== total) return;
            for (const [j, v] of chosen.entries()) fitting[j]?.add(v);
            return;
          }
          for (const v of options[i] ?? []) walk(i + 1, [...chosen, v]);
        };
        walk(0, []);
        cells.forEach((c, i) => {
          if (typeof c !== 'number')
            expect(fitting[i]?.size, `cell ${i} of ${JSON.stringify(truth)}`).toBeGreaterThan(1);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('hides one more centre when two small cells would add up to a unique pair', () => {
    const t = suppressTable([
      { centre: 'a', figures: f(1) },
      { centre: 'b', figures: f(1) },
      { centre: 'c', figures: f(30) },
    ]);
    expect(column(t, 'participants')).toEqual({
      centres: { a: { suppressed: 'small' }, b: { suppressed: 'small' }, c: { suppressed: 'secondary' } },
      total: 32,
    });
  });
});
