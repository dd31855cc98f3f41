import { SMALL_MAX } from './disclosure/types';
import { type Figures, figureOf, type NetworkFigures, type Suppressed, sumFigures } from './figure-set';

/** Defined by the disclosure control; re-exported until this file gives way to it. */
export { SMALL_MAX };

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
 * What a reader of the published column knows of a hidden cell: "under 5" is 1 to 4; a cell hidden to
 * protect another is not under 5 (it would say so), so 0 or 5 and up. `bound` caps the open range; a
 * cap the reader does not have only removes possibilities, so the check below is stricter for it.
 */
function domainHas(cell: Cell, v: number, bound: number): boolean {
  if (v < 0 || v > bound) return false;
  return cell.hidden === 'small' ? v >= 1 && v <= SMALL_MAX : v === 0 || v > SMALL_MAX;
}

/** Every sum the given hidden cells can make, up to `bound` (bit i set: sum i is possible). */
function reachableSums(cells: readonly Cell[], bound: number): Uint8Array {
  let sums = new Uint8Array(bound + 1);
  sums[0] = 1;
  for (const cell of cells) {
    const next = new Uint8Array(bound + 1);
    if (cell.hidden === 'small') {
      for (let s = 0; s <= bound; s++) {
        if (!sums[s]) continue;
        for (let v = 1; v <= SMALL_MAX && s + v <= bound; v++) next[s + v] = 1;
      }
    } else {
      // 0 keeps every sum; 5 and up adds every sum from the smallest reachable one plus 5.
      let smallest = -1;
      for (let s = 0; s <= bound; s++) {
        if (!sums[s]) continue;
        next[s] = 1;
        if (smallest < 0) smallest = s;
      }
      if (smallest >= 0) for (let s = smallest + SMALL_MAX + 1; s <= bound; s++) next[s] = 1;
    }
    sums = next;
  }
  return sums;
}

/**
 * True when a reader could work out a hidden cell from what is shown: the column's equation
 * (total = sum of centre cells), the visible cells, and what each label says of its hidden cell's
 * range. A cell is given away when only one value of it fits.
 */
function givesAway(cells: readonly Cell[], total: Cell): boolean {
  const hiddenCentres = cells.filter((c) => c.hidden !== null);
  const visibleSum = cells.filter((c) => c.hidden === null).reduce((sum, c) => sum + c.value, 0);
  // The real total bounds every cell; assuming the reader knows it only makes the check stricter.
  const bound = Math.max(total.value, SMALL_MAX + 1);
  const totalFits = (t: number) => (total.hidden === null ? t === total.value : domainHas(total, t, bound));

  for (const cell of hiddenCentres) {
    const others = reachableSums(
      hiddenCentres.filter((c) => c !== cell),
      bound,
    );
    let fits = 0;
    for (let v = 0; v <= bound && fits < 2; v++) {
      if (!domainHas(cell, v, bound)) continue;
      for (let s = 0; s + v + visibleSum <= bound; s++) {
        if (others[s] && totalFits(s + v + visibleSum)) {
          fits++;
          break;
        }
      }
    }
    if (fits < 2) return true;
  }
  if (total.hidden !== null) {
    const all = reachableSums(hiddenCentres, bound);
    let fits = 0;
    for (let s = 0; s + visibleSum <= bound && fits < 2; s++) if (all[s] && totalFits(s + visibleSum)) fits++;
    if (fits < 2) return true;
  }
  return false;
}

/**
 * One column: its centre cells and the total, tied by total = sum of centre cells. Cells of 1-4 are
 * hidden; then, while the equation and the labels would still give a hidden cell away, one more cell
 * is hidden: the smallest visible centre cell (ties by centre id), the total only when no centre cell
 * is left, so the total stays readable where it can.
 */
function suppressColumn(cells: Cell[], total: Cell): void {
  for (const c of [...cells, total]) if (isSmall(c.value)) c.hidden = 'small';
  while ([...cells, total].some((c) => c.hidden !== null) && givesAway(cells, total)) {
    const candidate = cells.filter((c) => c.hidden === null).sort(byValueThenCentre)[0] ?? total;
    // Everything is hidden and the labels alone still pin a cell down (e.g. four centres with one
    // person each and a total of 4): nothing more can be hidden; the ranges are what the rule publishes.
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
  const centres = rows.map((r) => ({
    centre: r.centre,
    figures: {} as Record<string, NetworkFigures[string]>,
  }));
  const totalOut: Record<string, NetworkFigures[string]> = {};
  for (const key of Object.keys(total).sort()) {
    const cells: Cell[] = rows.map((r) => ({
      centre: r.centre,
      value: figureOf(r.figures, key),
      hidden: null,
    }));
    const totalCell: Cell = { centre: null, value: figureOf(total, key), hidden: null };
    suppressColumn(cells, totalCell);
    cells.forEach((c, i) => {
      const row = centres[i];
      if (row) row.figures[key] = cellOut(c);
    });
    totalOut[key] = cellOut(totalCell);
  }
  return { centres, total: totalOut };
}
