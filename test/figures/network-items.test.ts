import type { NetworkCell } from '@crux/domain/figure-set';
import { runFiguresJob } from '@crux/functions/figures-job/handler';
import { describe, expect, it } from 'vitest';
import { figuresTable, itemsUnder, seeder } from './seed';

/** A small deterministic generator, so the scenario is the same on every run. */
function random(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return Math.floor((state / 2 ** 31) * n);
  };
}

describe('network items', () => {
  it('hold no count from 1 to 4 anywhere under NET#, and no column gives a hidden cell away', async () => {
    const ctx = await figuresTable();
    const seed = seeder(ctx.doc, ctx.table);
    const next = random(20250320);
    const centres = Array.from({ length: 12 }, (_, i) => `net-${String(i).padStart(2, '0')}`);
    for (const c of centres) {
      await seed.centre(c);
      const people = next(8);
      for (let i = 0; i < people; i++)
        await seed.participant(c, `p${i}`, `2025-0${1 + next(3)}-${10 + next(18)}`);
      const entries = next(4);
      for (let i = 0; i < entries; i++) {
        await seed.activity(
          c,
          `2025-0${1 + next(3)}-${10 + next(18)}`,
          next(2) ? 'visit' : 'contact_point',
          1 + next(6),
        );
      }
    }
    await runFiguresJob({ client: ctx.doc, tableName: ctx.table, now: new Date('2025-03-28T12:00:00Z') });

    const net = await itemsUnder(ctx.doc, ctx.table, 'NET#');
    const hq = await itemsUnder(ctx.doc, ctx.table, 'HQ#2025');
    expect(net).toHaveLength(centres.length + 1);
    // Every figure the catalogue defines, as the network items carry them.
    const figureIds = [...new Set(net.flatMap((i) => Object.keys(i.figures as object)))];
    expect(figureIds.length).toBeGreaterThan(20);
    let hidden = 0;
    for (const item of net) {
      for (const key of figureIds) {
        const cell = (item.figures as Record<string, NetworkCell>)[key];
        if (typeof cell === 'number') {
          expect(cell === 0 || cell >= 5, `${String(item.SK)} ${key} = ${cell}`).toBe(true);
          // A shown cell is the head office's figure, unchanged.
          const row = hq.find((h) => h.SK === item.SK) as { figures: Record<string, number> } | undefined;
          expect(cell).toBe(row?.figures[key]);
        } else {
          hidden += 1;
          expect(['small', 'secondary', 'line']).toContain(cell?.suppressed);
        }
      }
    }
    // The scenario is made of small centres: there is something to suppress.
    expect(hidden).toBeGreaterThan(5);
    for (const key of figureIds) {
      const inColumn = net.filter(
        (i) => typeof (i.figures as Record<string, NetworkCell>)[key] !== 'number',
      ).length;
      expect(inColumn === 0 || inColumn >= 2, `${key}: ${inColumn} hidden`).toBe(true);
    }
  }, 60_000);
});
