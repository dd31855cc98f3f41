import fc from 'fast-check';
import loadHighs, { type Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { attack } from './attacker';
import { highsSolver } from './highs-solver';
import { protectPublication } from './protect';
import type { LpSolver } from './solver';
import { type SyntheticOptions, syntheticPublication } from './synthetic';
import { type Publication, type PublicationInput, SMALL_MAX } from './types';

let highs: Highs;
let solver: LpSolver;
beforeAll(async () => {
  highs = await loadHighs();
  solver = highsSolver(highs);
});

/** Small centres, many zeros, centres alone in a cell, and the Tromsø case with its variants. */
const tables = fc
  .record({
    centres: fc.integer({ min: 1, max: 3 }),
    years: fc.integer({ min: 2, max: 3 }),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    smallCentres: fc.constantFrom(0.5, 0.8, 1),
    zeros: fc.constantFrom(0.3, 0.6, 0.85),
    tromso: fc.option(
      fc.record({ before: fc.integer({ min: 1, max: 4 }), fresh: fc.integer({ min: 1, max: 4 }) }),
      {
        nil: undefined,
      },
    ),
  })
  .map((o): SyntheticOptions => ({ ...o, lines: 'small' }));

function everyReader(input: PublicationInput, p: Publication) {
  return [null, ...input.centres].flatMap((insider) => attack(input, p.cells, highs, insider));
}

describe('protectPublication against the attacker (issue 10, items 1, 2 and 4)', () => {
  it('no reader, alone or knowing one centre, pins a hidden cell or narrows "under 5" to one value', () => {
    fc.assert(
      fc.property(tables, (o) => {
        const input = syntheticPublication(o);
        const p = protectPublication(input, solver);
        expect(p.unprotected).toEqual([]);
        expect(everyReader(input, p)).toEqual([]);
      }),
      { numRuns: 4 },
    );
  }, 60_000);

  it('labels tell the truth: "under 5" is 1–4, a shown count is 0 or 5 and up, a ratio over under 5 people or a hidden count is hidden', () => {
    fc.assert(
      fc.property(tables, (o) => {
        const input = syntheticPublication(o);
        const p = protectPublication(input, solver);
        const byKey = new Map(p.cells.map((c) => [`${c.centre}|${c.year}|${c.figure}`, c.shown]));
        for (const c of p.cells) {
          const def = input.set.byId.get(c.figure);
          const truth = input.rows.find((r) => r.centre === c.centre && r.year === c.year)?.figures[c.figure];
          if (def?.disclosure.kind === 'count' && typeof c.shown === 'number') {
            expect(c.shown === 0 || c.shown > SMALL_MAX).toBe(true);
          }
          if (
            c.shown !== null &&
            typeof c.shown === 'object' &&
            c.shown.suppressed === 'small' &&
            truth !== undefined
          ) {
            expect(truth >= 1 && truth <= SMALL_MAX).toBe(true);
          }
          if (def?.disclosure.kind === 'ratio') {
            const base = byKey.get(`${c.centre}|${c.year}|${def.disclosure.base}`);
            if (typeof base !== 'number') expect(typeof c.shown).toBe('object');
          }
          if (def?.rule.from === 'figures' && def.rule.derive === 'share' && typeof c.shown === 'number') {
            expect(typeof byKey.get(`${c.centre}|${c.year}|${def.rule.part}`)).toBe('number');
          }
        }
      }),
      { numRuns: 4 },
    );
  }, 60_000);
});

describe('the same data, the same result (item 3)', () => {
  it('in any order of centres, years, figures and rows', () => {
    fc.assert(
      fc.property(tables, fc.integer(), (o, salt) => {
        const input = syntheticPublication(o);
        const shuffle = <T>(xs: readonly T[]) =>
          [...xs]
            .map((x, i) => ({ x, k: Math.sin(salt + i * 7919) }))
            .sort((a, b) => a.k - b.k)
            .map((e) => e.x);
        const shuffled: PublicationInput = {
          ...input,
          centres: shuffle(input.centres),
          years: shuffle(input.years),
          set: { ...input.set, figures: shuffle(input.set.figures), lines: shuffle(input.set.lines) },
          rows: shuffle(input.rows),
        };
        expect(protectPublication(shuffled, solver).cells).toEqual(protectPublication(input, solver).cells);
      }),
      { numRuns: 4 },
    );
  }, 60_000);

  // Found on 2026-12-02 by a local run of this property (fast-check seed 6, case 199): protection never
  // ended. The audit finds tromso's 2017 community-sentence persons pinned by the reader who knows
  // centre-001; the repairer finds it moves with nothing hidden and nothing left unrepaired, so each
  // round hid nothing and the next audit found the same cell again (likely cause, not yet confirmed:
  // the repairer's program leaves out what a shown share says once a count under it is a candidate,
  // chosen or not). Protection now stops when an exact audit's failures change nothing and reports
  // them: it ends, nothing is published that a reader pins, and the job holds the set back. Still a
  // defect (the set should be protected, not held back): this first case ends and is safe; the second
  // fails until the repairer protects the cell.
  const unimprovable = () =>
    syntheticPublication({
      centres: 1,
      years: 3,
      seed: 756395107,
      smallCentres: 1,
      zeros: 0.3,
      tromso: { before: 1, fresh: 3 },
      lines: 'small',
    });
  it('a table the repairer cannot improve ends, with the pinned cell reported unprotected', () => {
    const input = unimprovable();
    const p = protectPublication(input, solver);
    const pinned = new Set(everyReader(input, p).map((a) => `${a.centre}|${a.year}|${a.figure}`));
    const reported = new Set(p.unprotected.map((c) => `${c.centre}|${c.year}|${c.figure}`));
    expect(reported.size).toBeGreaterThan(0);
    for (const cell of pinned) expect(reported.has(cell), cell).toBe(true);
  }, 60_000);

  it.fails('known defect: that table is protected in full', () => {
    const input = unimprovable();
    const p = protectPublication(input, solver);
    expect(p.unprotected).toEqual([]);
    expect(everyReader(input, p)).toEqual([]);
  }, 60_000);
});
