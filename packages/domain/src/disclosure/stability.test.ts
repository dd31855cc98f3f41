import fc from 'fast-check';
import loadHighs, { type Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { attack } from './attacker';
import { highsSolver } from './highs-solver';
import { protectPublication } from './protect';
import type { LpSolver } from './solver';
import { syntheticPublication } from './synthetic';
import type { PublicationInput, PublishedCell } from './types';

let highs: Highs;
let solver: LpSolver;
beforeAll(async () => {
  highs = await loadHighs();
  solver = highsSolver(highs);
});

const key = (c: PublishedCell) => `${c.centre}|${c.year}|${c.figure}`;

/** Nothing hidden before is shown now; everything shown before with the same value is shown the same. */
function expectStable(
  before: readonly PublishedCell[],
  after: readonly PublishedCell[],
  changed: Set<string>,
) {
  const now = new Map(after.map((c) => [key(c), c.shown]));
  for (const c of before) {
    if (typeof c.shown === 'object') expect(typeof now.get(key(c)), key(c)).toBe('object');
    else if (!changed.has(key(c))) expect(now.get(key(c)), key(c)).toBe(c.shown);
  }
}

/** Three years of a synthetic table, and the same table as published before its last year came. */
function threeYears(o: { centres: number; seed: number; zeros: number; smallCentres: number }) {
  const all = syntheticPublication({ ...o, years: 3, lines: 'small' });
  const last = all.years[2] as number;
  const first: PublicationInput = {
    ...all,
    years: all.years.slice(0, 2),
    rows: all.rows.filter((r) => r.year !== last),
  };
  return { all, first };
}

const seeds = fc.record({
  centres: fc.integer({ min: 2, max: 3 }),
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  zeros: fc.constantFrom(0.3, 0.6),
  smallCentres: fc.constantFrom(0.5, 1),
});

describe('stable across time (issue 10, item 3)', () => {
  it('a new year never reveals what an earlier publication hid, and the set still passes the attacker', () => {
    fc.assert(
      fc.property(seeds, (o) => {
        const { all, first } = threeYears(o);
        const p1 = protectPublication(first, solver);
        const p2 = protectPublication({ ...all, earlier: p1.cells }, solver);
        expectStable(p1.cells, p2.cells, new Set());
        expect(p2.unprotected).toEqual([]);
        for (const insider of [null, ...all.centres])
          expect(attack(all, p2.cells, highs, insider)).toEqual([]);
      }),
      { numRuns: 2 },
    );
  }, 60_000);

  // Found by the property above (the first on 2026-12-02, fast-check seed 1077547913; the others in a
  // local run of 1000 cases): the repairer gave up on a count (reported unprotected, so the job held the
  // whole publication back and raised its alarm) although the attacker, insiders included, solved
  // nothing in the cells published — even with no earlier publication (seeds 17 and 2147483639). Its
  // program for a row kept what the shares of counts hidden earlier in the same round had said
  // (repair.test.ts): in the first, the total's 2018 participants of another gender were pinned by the
  // women's and men's shares of a total whose counts centre-001's repair had just hidden.
  it.each([
    { centres: 2, seed: 1888915379, zeros: 0.6, smallCentres: 0.5 },
    { centres: 2, seed: 17, zeros: 0.3, smallCentres: 1 },
    { centres: 3, seed: 348206691, zeros: 0.3, smallCentres: 1 },
    { centres: 2, seed: 2147483639, zeros: 0.6, smallCentres: 1 },
  ])(
    'a new year with nothing corrected is published in full (centres $centres, seed $seed)',
    (o) => {
      const { all, first } = threeYears(o);
      const p1 = protectPublication(first, solver);
      expect(p1.unprotected).toEqual([]);
      const p2 = protectPublication({ ...all, earlier: p1.cells }, solver);
      expectStable(p1.cells, p2.cells, new Set());
      for (const insider of [null, ...all.centres]) expect(attack(all, p2.cells, highs, insider)).toEqual([]);
      expect(p2.unprotected).toEqual([]);
    },
    60_000,
  );

  // Found on 2026-12-02 by a local run of the first property with 4 to 6 centres (more than it draws):
  // with nothing corrected, centre-001's 2017 "other" outcome is left pinned for the outsider in the
  // new publication. It is reported unprotected (the job holds the publication back), not leaked; the
  // cause is not yet known. Kept as a known defect: this fails once it is fixed.
  it.fails('known defect: a new year with nothing corrected is published in full (centres 6, seed 2147483618)', () => {
    const { all, first } = threeYears({ centres: 6, seed: 2147483618, zeros: 0.6, smallCentres: 0.5 });
    const p2 = protectPublication({ ...all, earlier: protectPublication(first, solver).cells }, solver);
    expect(p2.unprotected).toEqual([]);
  }, 60_000);

  it('a late correction of an old year hides more in the corrected cells, never shows a hidden one', () => {
    fc.assert(
      fc.property(seeds, fc.integer({ min: 1, max: 40 }), (o, delta) => {
        const input = syntheticPublication({ ...o, years: 2, lines: 'small' });
        const p1 = protectPublication(input, solver);
        const year = input.years[0] as number;
        const centre = input.centres[0] as string;
        const rows = input.rows.map((r) =>
          r.centre === centre && r.year === year
            ? { ...r, figures: { ...r.figures, 'kind.visit': (r.figures['kind.visit'] ?? 0) + delta } }
            : r,
        );
        const corrected = { ...input, rows, earlier: p1.cells };
        const p2 = protectPublication(corrected, solver);
        const changed = new Set([`${centre}|${year}|kind.visit`, `TOTAL|${year}|kind.visit`]);
        expectStable(p1.cells, p2.cells, changed);
        for (const insider of [null, ...input.centres])
          expect(attack(corrected, p2.cells, highs, insider)).toEqual([]);
      }),
      { numRuns: 2 },
    );
  }, 60_000);
});
