import { type Failure, LINE, SECONDARY, SMALL, type Status, VISIBLE } from './audit';
import type { Constraint } from './constraints';
import { classOf, rowOf, type Table } from './table';

/** Which cells share a relation with which: where a hidden cell can be protected from. */
export class Neighbourhood {
  private readonly of: number[][];

  constructor(
    t: Table,
    private readonly constraints: readonly Constraint[],
  ) {
    this.of = Array.from({ length: t.size }, () => []);
    constraints.forEach((c, i) => {
      for (const cell of c.cells) this.of[cell]?.push(i);
    });
  }

  neighbours(cell: number): number[] {
    const out = new Set<number>();
    for (const i of this.of[cell] ?? []) for (const other of this.constraints[i]?.cells ?? []) out.add(other);
    out.delete(cell);
    return [...out].sort((a, b) => a - b);
  }
}

/**
 * Breadth-first from the failing cell through hidden cells: the first layer whose neighbours hold a cell
 * that `accept`s gives them, nearest first.
 */
function nearest(
  status: Status,
  nb: Neighbourhood,
  from: number,
  accept: (cell: number) => boolean,
): number[] {
  const seen = new Set([from]);
  let layer = [from];
  while (layer.length > 0) {
    const found: number[] = [];
    const next: number[] = [];
    for (const cell of layer) {
      for (const other of nb.neighbours(cell)) {
        if (seen.has(other)) continue;
        seen.add(other);
        if (accept(other)) found.push(other);
        if (status[other] !== VISIBLE) next.push(other);
      }
    }
    if (found.length > 0) return found;
    layer = next;
  }
  return [];
}

/**
 * The cell to hide next for a failure, by the rule SSB's GaussSuppression uses for its candidates
 * (CandidatesDefault: the larger a cell, the later it is suppressed; totals last): among the shown cells
 * nearest the failing one, a centre's before the total, the smallest first, ties by canonical position.
 * Never a zero (0 is always shown, so a hidden count is 5 or more), never a cell the last publication
 * showed (the reader has it), never a cell of the insider the failure is about (that insider knows it).
 */
export function candidate(
  t: Table,
  status: Status,
  frozen: Uint8Array,
  nb: Neighbourhood,
  failure: Failure,
): number | null {
  const ok = (cell: number) =>
    status[cell] === VISIBLE &&
    !frozen[cell] &&
    t.value[cell] !== 0 &&
    (failure.insider === null || rowOf(t, cell) !== failure.insider);
  const found = nearest(status, nb, failure.cell, ok);
  const rank = (cell: number) => (rowOf(t, cell) === t.totalRow ? 1 : 0);
  found.sort((a, b) => rank(a) - rank(b) || (t.value[a] as number) - (t.value[b] as number) || a - b);
  return found[0] ?? null;
}

const labelled = (t: Table, status: Status, cell: number) =>
  classOf(t, cell).kind === 'count' && (status[cell] === SMALL || status[cell] === SECONDARY);

/**
 * When no shown cell is left to hide, the labels themselves give the cell away (four centres with one
 * person each and a total of "under 5": the total must be 4). Then one line is hidden without a label:
 * the total's if it is among the failing cell and its nearest labelled cells (a centre keeps its "under
 * 5"), else the failing cell's, else the nearest labelled cells'. False if no label is left to drop.
 */
export function dropLabels(t: Table, status: Status, nb: Neighbourhood, failure: Failure): boolean {
  const near = nearest(status, nb, failure.cell, (cell) => labelled(t, status, cell));
  const own = labelled(t, status, failure.cell) ? [failure.cell] : [];
  const total = [...own, ...near].find((cell) => rowOf(t, cell) === t.totalRow);
  const drop = total !== undefined ? [total] : own.length > 0 ? own : near;
  for (const cell of drop) status[cell] = LINE;
  return drop.length > 0;
}
