import { type Figures, figureKeys, type NetworkFigures, type Suppressed } from './figure-set';
import { sumFigures } from './figures';

/** Counts from 1 to 4 could point at a person; 0 is shown. */
export const SMALL_MAX = 4;

export type CentreFigures = { centre: string; figures: Figures };
export type SuppressedTable = {
  centres: { centre: string; figures: NetworkFigures }[];
  total: NetworkFigures;
};

type Cell = { centre: string | null; value: number; hidden: Suppressed['suppressed'] | null };

function isSmall(value: number): boolean {
  return value >= 1 && value <= SMALL_MAX;
}

/** Smallest value first, ties by centre id: the same table always hides the same cell. */
function byValueThenCentre(a: Cell, b: Cell): number {
  if (a.value !== b.value) return a.value - b.value;
  const ac = a.centre ?? '';
  const bc = b.centre ?? '';
  return ac < bc ? -1 : ac > bc ? 1 : 0;
}

/**
 * One column: its centre cells and the total, tied by total = sum of centre cells. With exactly one
 * cell hidden that equation gives it away, so a second one is hidden; with two or more hidden it
 * cannot be solved. A centre cell is preferred over the total so the total stays readable.
 */
function suppressColumn(cells: Cell[], total: Cell): void {
  for (const c of [...cells, total]) if (isSmall(c.value)) c.hidden = 'small';
  for (;;) {
    const hidden = [...cells, total].filter((c) => c.hidden !== null).length;
    if (hidden !== 1) return;
    const candidate = cells.filter((c) => c.hidden === null).sort(byValueThenCentre)[0] ?? total;
    if (candidate.hidden !== null) return;
    candidate.hidden = 'secondary';
  }
}

function cellOut(c: Cell): number | Suppressed {
  return c.hidden === null ? c.value : { suppressed: c.hidden };
}

/**
 * The experience network's view of a year: each centre's figures and the total (computed here as the
 * sum, so it cannot disagree with the rows), with small counts hidden (`small`) and, per column, one
 * more cell hidden wherever the total and the visible cells would give a hidden one away
 * (`secondary`). Columns are independent: the figures are not additive across keys
 * (newParticipants ≤ participants is a bound, not a sum). Deterministic for the same data, in any
 * row order.
 */
export function suppressTable(rows: readonly CentreFigures[]): SuppressedTable {
  const ids = new Set(rows.map((r) => r.centre));
  if (ids.size !== rows.length) throw new Error('suppressTable: a centre appears more than once');
  const total = sumFigures(rows.map((r) => r.figures));
  const centres = rows.map((r) => ({ centre: r.centre, figures: {} as NetworkFigures }));
  const totalOut = {} as NetworkFigures;
  for (const key of figureKeys) {
    const cells: Cell[] = rows.map((r) => ({ centre: r.centre, value: r.figures[key], hidden: null }));
    const totalCell: Cell = { centre: null, value: total[key], hidden: null };
    suppressColumn(cells, totalCell);
    cells.forEach((c, i) => {
      const row = centres[i];
      if (row) row.figures[key] = cellOut(c);
    });
    totalOut[key] = cellOut(totalCell);
  }
  return { centres, total: totalOut };
}
