import loadHighs, { type Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { attack } from '../disclosure/attacker';
import { highsSolver } from '../disclosure/highs-solver';
import type { LpSolver } from '../disclosure/solver';
import { syntheticPublication } from '../disclosure/synthetic';
import type { PublishedCell } from '../disclosure/types';
import { sumFigures, TOTAL } from '../figure-set';
import { type EarlierNetworkYear, type NetworkRow, protectNetwork } from './network';
import type { StoredYear } from './year-table';

let highs: Highs;
let solver: LpSolver;
beforeAll(async () => {
  highs = await loadHighs();
  solver = highsSolver(highs);
});

/** Generated centres as the head office stores them: per year every centre's row and the total. */
function headOffice(input: ReturnType<typeof syntheticPublication>, years = input.years) {
  const out = new Map<number, Map<string, StoredYear>>();
  for (const year of years) {
    const rows = input.rows.filter((r) => r.year === year);
    const table = new Map<string, StoredYear>(
      rows.map((r) => [
        r.centre,
        { centre: r.centre, name: `CRUX ${r.centre}`, figures: r.figures, previous: null },
      ]),
    );
    const figures = sumFigures(rows.map((r) => r.figures));
    table.set(TOTAL, { centre: TOTAL, name: undefined, figures, previous: null });
    out.set(year, table);
  }
  return out;
}

const earlierOf = (years: Map<number, NetworkRow[]>): EarlierNetworkYear[] =>
  [...years].map(([year, rows]) => ({
    year,
    rows: rows.map((r) => ({ centre: r.centre, name: r.name, figures: { ...r.counts, ...r.amounts } })),
  }));

const cellsOf = (years: Map<number, NetworkRow[]>): PublishedCell[] =>
  [...years].flatMap(([year, rows]) =>
    rows.flatMap((r) =>
      Object.entries({ ...r.counts, ...r.amounts }).map(([figure, shown]) => ({
        centre: r.centre,
        year,
        figure,
        shown,
      })),
    ),
  );

describe('the figures job’s network publication (issue 10)', () => {
  const input = syntheticPublication({ centres: 3, years: 2, seed: 21, lines: 'small', smallCentres: 0.5 });

  it('answers every line for every centre and the total, counts apart from amounts, and passes every reader', () => {
    const p = protectNetwork(input.set, headOffice(input), [], solver);
    expect(p.unprotected).toEqual([]);
    const lineFigures = new Set(input.set.lines.flatMap((l) => l.figures));
    for (const [year, rows] of p.years) {
      expect(rows.map((r) => r.centre)).toEqual([...input.centres].sort().concat(TOTAL));
      for (const r of rows) {
        expect(new Set(Object.keys({ ...r.counts, ...r.amounts }))).toEqual(lineFigures);
        for (const [id, cell] of Object.entries(r.counts)) {
          if (typeof cell === 'number')
            expect(cell === 0 || cell >= 5, `${year} ${r.centre} ${id}`).toBe(true);
        }
      }
    }
    // Every row is new the first time; published again from the same data, nothing changes.
    expect(p.changed).toHaveLength(2 * 4);
    const again = protectNetwork(input.set, headOffice(input), earlierOf(p.years), solver);
    expect(again.changed).toEqual([]);
    expect(again.years).toEqual(p.years);
    for (const reader of [null, ...input.centres])
      expect(attack(input, cellsOf(p.years), highs, reader)).toEqual([]);
  }, 60_000);

  it('a new year never shows what the year before hid', () => {
    const first = input.years[0] as number;
    const before = protectNetwork(input.set, headOffice(input, [first]), [], solver);
    const after = protectNetwork(input.set, headOffice(input), earlierOf(before.years), solver);
    const now = new Map(cellsOf(after.years).map((c) => [`${c.centre}|${c.year}|${c.figure}`, c.shown]));
    for (const c of cellsOf(before.years)) {
      const shown = now.get(`${c.centre}|${c.year}|${c.figure}`);
      if (c.shown !== null && typeof c.shown === 'object') expect(typeof shown).toBe('object');
      else expect(shown).toEqual(c.shown);
    }
  }, 60_000);
});
