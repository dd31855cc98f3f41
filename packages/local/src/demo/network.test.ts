import { startingCatalogue } from '@crux/domain/catalogue/starting';
import { attack } from '@crux/domain/disclosure/attacker';
import { highsSolver } from '@crux/domain/disclosure/highs-solver';
import type { PublishedCell } from '@crux/domain/disclosure/types';
import { sumFigures, TOTAL } from '@crux/domain/figure-set';
import { defineFigures } from '@crux/domain/figures/define';
import { monthOf } from '@crux/domain/period';
import { protectNetwork } from '@crux/domain/rollup/network';
import { countCentreYear } from '@crux/domain/rollup/publish';
import type { StoredYear } from '@crux/domain/rollup/year-table';
import loadHighs from 'highs';
import { describe, expect, it } from 'vitest';
import { planDemo, recordsOfPlan } from './plan';

const today = '2026-12-02';
const set = defineFigures(startingCatalogue);

/**
 * Issue 10's "done when": the network view of the demo data passes the attacker. The demo centres'
 * years are counted as the figures job counts them, the network's publication made as the job makes
 * it (every year, every line, one set), and a reader with the LP solver, every relation, and one
 * centre's true row (or none) tries every hidden cell, the Tromsø case among them.
 */
describe('the demo data’s network view', () => {
  it('passes the attacker, for every year, every line and every reader', async () => {
    const highs = await loadHighs();
    const plans = planDemo(today);
    const headOffice = new Map<number, Map<string, StoredYear>>();
    const rows: { centre: string; year: number; figures: StoredYear['figures'] }[] = [];
    for (const plan of plans) {
      const records = recordsOfPlan(plan);
      const first = Math.min(...records.participations.map((p) => Number(p.startDate.slice(0, 4))));
      for (let year = first; year <= Number(today.slice(0, 4)); year++) {
        const counted = countCentreYear(
          { id: plan.centre, name: plan.centre },
          year,
          monthOf(today),
          set,
          records,
        );
        const table = headOffice.get(year) ?? new Map<string, StoredYear>();
        headOffice.set(year, table);
        table.set(plan.centre, {
          centre: plan.centre,
          name: plan.centre,
          figures: counted.figures,
          previous: null,
        });
        rows.push({ centre: plan.centre, year, figures: counted.figures });
      }
    }
    for (const table of headOffice.values()) {
      const figures = sumFigures([...table.values()].map((r) => r.figures));
      table.set(TOTAL, { centre: TOTAL, name: undefined, figures, previous: null });
    }
    const p = protectNetwork(set, headOffice, [], highsSolver(highs));
    expect(p.unprotected).toEqual([]);
    const cells: PublishedCell[] = [...p.years].flatMap(([year, list]) =>
      list.flatMap((r) =>
        Object.entries({ ...r.counts, ...r.amounts }).map(([figure, shown]) => ({
          centre: r.centre,
          year,
          figure,
          shown,
        })),
      ),
    );
    expect(cells.some((c) => c.shown !== null && typeof c.shown === 'object')).toBe(true);
    const input = {
      set,
      centres: plans.map((p) => p.centre),
      years: [...headOffice.keys()].sort((a, b) => a - b),
      rows,
    };
    for (const reader of [null, ...input.centres]) expect(attack(input, cells, highs, reader)).toEqual([]);
  }, 300_000);
});
