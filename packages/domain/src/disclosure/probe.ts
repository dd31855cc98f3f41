import type { Constraint } from './constraints';
import { Groups } from './groups';
import type { LpModel, LpSolver } from './solver';
import { hiddenBounds, isLabelled, labelBounds, type Status } from './status';
import { rowOf, type Table } from './table';

/** A hidden cell counts as protected when some value at least 1 away from the truth is still possible. */
export const STEP = 1 - 1e-6;
/** Below this a displacement is the solver's rounding, not a move. */
const STILL = 1e-6;
/**
 * What moving a cell costs in the objective, against 1 for each target moved a whole step: the solver
 * moves the targets along the shortest ways the relations leave, so a witness moves few rows.
 */
const PENALTY = 1e-4;

/** A cell (local index) asked to move a whole step up (1) or down (−1). */
export type Aim = { i: number; dir: 1 | -1 };

/**
 * A feasible point of the reader's linear program other than the truth, as the cells it moves a whole
 * step (within their labels, by construction) and the centre rows (not the total's) it moves at all.
 * A point is split into pieces that share no relation: each piece alone is a point too, so a cell is
 * settled for every insider whose row its own piece leaves alone.
 */
export type Witness = { moved: number[]; rows: Set<number> }[];

/** What a target moved a whole step is worth against hiding a cell more (a cell costs 1 to 100 a unit). */
const TARGET = 1e5;

/**
 * The reader's linear program over some hidden cells (the others fixed at their true values), written in
 * displacements from the truth: per cell d⁺ ≥ 0 and d⁻ ≥ 0 (columns i and n + i), within what its label
 * allows, every relation among the cells as a row. The truth is the origin, always feasible, so each
 * question is a change of a few bounds and costs from the last basis. A reader who knows a centre's row
 * is the same program with that row's displacements held at 0.
 *
 * Shown cells may be added as candidates: held at the truth, except when asked what hiding them would
 * let move (`repair`): then each may move as its "hidden to protect" label allows, at a cost per unit.
 * So may the labels of hidden cells: a second pair of columns per labelled cell moves it beyond what its
 * label says (down to 0, up without end), at a cost that makes it the last resort.
 */
export class Probe {
  /** Hidden cells, then candidates, then hidden cells again for their labels. */
  readonly cells: readonly number[];
  private readonly model: LpModel;
  private readonly up: Float64Array;
  private readonly down: Float64Array;
  private readonly byRow = new Map<number, number[]>();
  /** Per row of the program, the cells (local indices) in it. */
  private readonly among: number[][] = [];
  private readonly local = new Map<number, number>();
  private readonly hidden: number;
  /** Where the labels' columns begin. */
  private readonly labels: number;
  private readonly held = new Set<number>();
  /** Candidates chosen to be hidden: free from then on, as hidden cells are. */
  private readonly adopted = new Set<number>();
  /** Label columns of cells whose label was dropped: their cell moves freely instead. */
  private readonly spent = new Set<number>();
  lps = 0;

  constructor(
    private readonly t: Table,
    status: Status,
    cells: readonly number[],
    constraints: readonly Constraint[],
    solver: LpSolver,
    repairing?: { candidates: readonly number[] },
  ) {
    const candidates = repairing?.candidates ?? [];
    const labelled = repairing ? cells.filter((cell) => isLabelled(t, status, cell)) : [];
    this.cells = [...cells, ...candidates, ...labelled];
    this.hidden = cells.length;
    this.labels = cells.length + candidates.length;
    const n = this.cells.length;
    this.up = new Float64Array(n);
    this.down = new Float64Array(n);
    this.cells.forEach((cell, i) => {
      if (i < this.labels) this.local.set(cell, i);
      const [lo, hi] = i < this.hidden ? labelBounds(t, status, cell) : hiddenBounds(t, cell);
      const v = t.value[cell] as number;
      this.up[i] = i < this.labels ? hi - v : Number.POSITIVE_INFINITY;
      this.down[i] = i < this.labels ? v - lo : lo;
      const r = rowOf(t, cell);
      const list = this.byRow.get(r) ?? [];
      this.byRow.set(r, list);
      list.push(i);
    });
    const labelAt = new Map(labelled.map((cell, k) => [cell, this.labels + k]));
    const rows = constraints.map((c) => {
      const indices: number[] = [];
      const values: number[] = [];
      let atTruth = 0;
      c.cells.forEach((cell, k) => {
        const coef = c.coefs[k] as number;
        atTruth += coef * (t.value[cell] as number);
        for (const at of [this.local.get(cell), labelAt.get(cell)]) {
          if (at === undefined) continue;
          indices.push(at, n + at);
          values.push(coef, -coef);
        }
      });
      this.among.push(indices.filter((_, k) => k % 2 === 0));
      return { indices, values, lower: c.lower - atTruth, upper: c.upper - atTruth };
    });
    const closed = (i: number, room: number) => (i < this.hidden ? room : 0);
    this.model = solver.open({
      colLower: new Array(2 * n).fill(0),
      colUpper: [...[...this.up].map((u, i) => closed(i, u)), ...[...this.down].map((d, i) => closed(i, d))],
      colCost: new Array(2 * n).fill(-PENALTY),
      rows,
    });
  }

  /** The local index of a cell of the program. */
  at(cell: number): number | undefined {
    return this.local.get(cell);
  }

  rows(): IterableIterator<number> {
    return this.byRow.keys();
  }

  /**
   * Sets the room of the cells (local indices, increasing): as their labels allow (`open`; a candidate:
   * as hiding it would allow), or none. A held row and an adopted candidate keep theirs.
   */
  private free(cells: readonly number[], open: boolean): void {
    const n = this.cells.length;
    const cols: number[] = [];
    const lower: number[] = [];
    const upper: number[] = [];
    const down: number[] = [];
    for (const i of cells) {
      const movable = i >= this.labels ? open && !this.spent.has(i) : open || this.adopted.has(i);
      const room = movable && !this.held.has(rowOf(this.t, this.cells[i] as number));
      cols.push(i);
      lower.push(0);
      upper.push(room ? (this.up[i] as number) : 0);
      down.push(room ? (this.down[i] as number) : 0);
    }
    this.model.setColBounds([...cols, ...cols.map((i) => n + i)], [...lower, ...lower], [...upper, ...down]);
  }

  private cost(cells: readonly number[], cost: (i: number) => number): void {
    const n = this.cells.length;
    const costs = cells.map(cost);
    this.model.setColCost([...cells, ...cells.map((i) => n + i)], [...costs, ...costs]);
  }

  /** Holds a centre's row at the truth (`fixed`) or lets it move again. */
  hold(row: number, fixed: boolean): void {
    if (fixed) this.held.add(row);
    else this.held.delete(row);
    const cells = this.byRow.get(row) ?? [];
    this.free(
      cells.filter((i) => i < this.hidden),
      true,
    );
    this.free(
      cells.filter((i) => i >= this.hidden),
      false,
    );
  }

  /** Whether cell i (local) can be asked to move a whole step that way at all. */
  canMove(i: number, dir: 1 | -1): boolean {
    return ((dir > 0 ? this.up[i] : this.down[i]) as number) >= STEP;
  }

  /** The way cell i has more room to move: asked first. */
  preferred(i: number): 1 | -1 {
    return (this.up[i] as number) >= (this.down[i] as number) ? 1 : -1;
  }

  private solve(aims: readonly Aim[], worth: number): Float64Array | null {
    const n = this.cells.length;
    const toward = aims.map((a) => (a.dir > 0 ? a.i : n + a.i)).sort((a, b) => a - b);
    // The way back is shut: otherwise d⁺ and d⁻ of a target could both grow and leave it where it was.
    const back = aims.map((a) => (a.dir > 0 ? n + a.i : a.i));
    const both = [...toward, ...back].sort((a, b) => a - b);
    const aim = new Set(toward);
    this.model.setColBounds(
      both,
      both.map(() => 0),
      both.map((c) => (aim.has(c) ? 1 : 0)),
    );
    this.model.setColCost(
      toward,
      toward.map(() => worth),
    );
    this.lps++;
    const result = this.model.maximize();
    this.free(
      aims.map((a) => a.i).sort((a, b) => a - b),
      true,
    );
    this.model.setColCost(
      toward,
      toward.map(() => -PENALTY),
    );
    if (result.status === 'infeasible')
      throw new Error('disclosure: the audit found the true values infeasible');
    return result.status === 'optimal' ? result.x : null;
  }

  private displacement(x: Float64Array, i: number): number {
    return Math.abs((x[i] as number) - (x[this.cells.length + i] as number));
  }

  /**
   * The point that moves as many of the aims a whole step their way as possible, along the shortest
   * ways; null when the solver finds none (it cannot: the truth is feasible).
   */
  move(aims: readonly Aim[]): Witness | null {
    const x = this.solve(aims, 1);
    if (!x) return null;
    const groups = new Groups();
    for (let i = 0; i < this.hidden; i++) if (this.displacement(x, i) > STILL) groups.add(i);
    for (const cells of this.among) groups.join(cells);
    const pieces = new Map<number, { moved: number[]; rows: Set<number> }>();
    for (const i of groups.items()) {
      const root = groups.root(i);
      const piece = pieces.get(root) ?? { moved: [], rows: new Set<number>() };
      pieces.set(root, piece);
      const cell = this.cells[i] as number;
      if (this.displacement(x, i) >= STEP) piece.moved.push(cell);
      const r = rowOf(this.t, cell);
      if (r !== this.t.totalRow) piece.rows.add(r);
    }
    return [...pieces.values()];
  }

  /**
   * The cheapest candidates whose hiding, and (if `labels`) labels whose dropping, lets as many aims as
   * possible move a whole step their way, as the program prices them (`cost` per unit moved: of hiding a
   * cell, or of moving a hidden one beyond its label), and the aims (local indices) that then move.
   */
  repair(
    aims: readonly Aim[],
    cost: (cell: number, label: boolean) => number,
    labels: boolean,
  ): { chosen: number[]; relabel: number[]; moved: Set<number> } {
    const n = labels ? this.cells.length : this.labels;
    const open: number[] = [];
    for (let i = this.hidden; i < n; i++) if (!this.adopted.has(i) && !this.spent.has(i)) open.push(i);
    this.free(open, true);
    this.cost(open, (i) => -cost(this.cells[i] as number, i >= this.labels));
    const x = this.solve(aims, TARGET);
    this.free(open, false);
    this.cost(open, () => -PENALTY);
    const moved = new Set(x ? aims.filter((a) => this.displacement(x, a.i) >= STEP).map((a) => a.i) : []);
    const used = !x || moved.size === 0 ? [] : open.filter((i) => this.displacement(x, i) > STILL);
    const cellsOf = (list: number[]) => list.map((i) => this.cells[i] as number);
    return {
      chosen: cellsOf(used.filter((i) => i < this.labels)),
      relabel: cellsOf(used.filter((i) => i >= this.labels)),
      moved,
    };
  }

  /** Candidates now hidden: they move freely from here on, as hidden cells do. */
  adopt(cells: Iterable<number>): void {
    const adopted: number[] = [];
    for (const cell of cells) {
      const i = this.local.get(cell);
      if (i === undefined || i < this.hidden) continue;
      this.adopted.add(i);
      adopted.push(i);
    }
    this.free(
      adopted.sort((a, b) => a - b),
      true,
    );
  }

  /** Hidden cells whose label was dropped: they move as a line without a label does, from 0 up. */
  dropLabels(cells: Iterable<number>): void {
    const freed: number[] = [];
    for (const cell of cells) {
      const i = this.local.get(cell);
      if (i === undefined || i >= this.hidden) continue;
      this.up[i] = Number.POSITIVE_INFINITY;
      this.down[i] = this.t.value[cell] as number;
      freed.push(i);
      for (let k = this.labels; k < this.cells.length; k++) if (this.cells[k] === cell) this.spent.add(k);
    }
    this.free(
      freed.sort((a, b) => a - b),
      true,
    );
  }

  dispose(): void {
    this.model.dispose();
  }
}
