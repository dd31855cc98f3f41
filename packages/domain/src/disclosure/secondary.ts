import type { Failure } from './audit';
import type { Constraint } from './constraints';
import { LINE, SECONDARY, SMALL, type Status, VISIBLE } from './status';
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
