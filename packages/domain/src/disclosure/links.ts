import type { Constraint } from './constraints';
import { Groups } from './groups';
import { isUnknown, type Status } from './status';
import { cellIndex, figureOf, rowOf, type Table, yearOf } from './table';

/**
 * How this round's hidden cells hang together: which relations each takes part in, which hidden cells
 * are linked through some relation (components: no relation crosses two, so each is audited apart,
 * exactly), and which rows hide a cell in the same column.
 */
export class Links {
  /** Per cell, the constraints (indices) it appears in that hold a hidden cell. */
  private readonly of = new Map<number, number[]>();
  /** Per hidden cell, its component's smallest cell. */
  readonly component = new Map<number, number>();
  /** Per row, its hidden cells in canonical order. */
  readonly byRow: number[][];

  constructor(
    private readonly t: Table,
    private readonly status: Status,
    readonly constraints: readonly Constraint[],
  ) {
    this.byRow = t.rows.map(() => []);
    const groups = new Groups();
    for (let cell = 0; cell < t.size; cell++) {
      if (!isUnknown(t, status, cell)) continue;
      groups.add(cell);
      this.byRow[rowOf(t, cell)]?.push(cell);
    }
    constraints.forEach((c, k) => {
      if (!c.cells.some((cell) => groups.has(cell))) return;
      groups.join(c.cells);
      for (const cell of c.cells) {
        const list = this.of.get(cell) ?? [];
        this.of.set(cell, list);
        list.push(k);
      }
    });
    for (const cell of groups.items()) this.component.set(cell, groups.root(cell));
  }

  /** The constraints any of the cells appears in, each once, in canonical order. */
  constraintsOf(cells: Iterable<number>): Constraint[] {
    const ks = new Set<number>();
    for (const cell of cells) for (const k of this.of.get(cell) ?? []) ks.add(k);
    return [...ks].sort((a, b) => a - b).map((k) => this.constraints[k] as Constraint);
  }

  /**
   * The centres most likely to make up for a move of `row`'s hidden cells: those hiding a cell in the
   * most of the same columns (year and figure), ties by canonical order; at most `k`.
   */
  partners(row: number, k: number): number[] {
    const t = this.t;
    const score = new Map<number, number>();
    for (const cell of this.byRow[row] ?? []) {
      const y = yearOf(t, cell);
      const f = figureOf(t, cell);
      for (let r = 0; r < t.totalRow; r++) {
        if (r !== row && isUnknown(t, this.status, cellIndex(t, r, y, f)))
          score.set(r, (score.get(r) ?? 0) + 1);
      }
    }
    return [...score]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, k)
      .map(([r]) => r);
  }
}
