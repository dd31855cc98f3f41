import { SMALL_MAX } from '../suppression';
import type { Constraint } from './constraints';
import type { LpModel, LpSolver } from './solver';
import { classOf, rowOf, type Table } from './table';

/** Per cell: shown, or hidden and why (the order of `Reason`). */
export const VISIBLE = 0;
export const SMALL = 1;
export const RATIO = 2;
export const SECONDARY = 3;
export const LINE = 4;
export type Status = Uint8Array;

/**
 * A hidden cell the reader can work out: alone (`insider` null) or knowing the row of centre `insider`.
 * `sure`: solved one by one and pinned; otherwise only no batch could move it (see `pinned`).
 */
export type Failure = { cell: number; insider: number | null; sure: boolean };

/** A hidden cell counts as protected when some value at least 1 away from the truth is still possible. */
const STEP = 1 - 1e-6;

/** Cells solved one by one per viewpoint and round (see `pinned`). */
const ONE_BY_ONE = 24;

/** Ratios take part in no sum: a hidden ratio is no unknown of the audit (a shown share is a constraint). */
export function isUnknown(t: Table, status: Status, cell: number): boolean {
  return status[cell] !== VISIBLE && classOf(t, cell).kind !== 'ratio';
}

/** What the label says: "under 5" is 1–4; "hidden to protect" a count is 5 or more (zeros are never hidden so). */
function labelBounds(t: Table, status: Status, cell: number): [number, number] {
  if (classOf(t, cell).kind !== 'count') return [0, Number.POSITIVE_INFINITY];
  if (status[cell] === SMALL) return [1, SMALL_MAX];
  if (status[cell] === SECONDARY) return [SMALL_MAX + 1, Number.POSITIVE_INFINITY];
  return [0, Number.POSITIVE_INFINITY];
}

type Component = { vars: number[]; constraints: Constraint[] };

/** Hidden cells linked through some relation form one component; components are audited apart, exactly. */
export function components(t: Table, status: Status, constraints: readonly Constraint[]): Component[] {
  const parent = new Map<number, number>();
  const find = (c: number): number => {
    let root = c;
    while (parent.get(root) !== root) root = parent.get(root) as number;
    parent.set(c, root);
    return root;
  };
  const touching: [Constraint, number][] = [];
  for (const c of constraints) {
    let first = -1;
    for (const cell of c.cells) {
      if (!isUnknown(t, status, cell)) continue;
      if (!parent.has(cell)) parent.set(cell, cell);
      if (first < 0) first = cell;
      else {
        const a = find(first);
        const b = find(cell);
        if (a !== b) parent.set(Math.max(a, b), Math.min(a, b));
      }
    }
    if (first >= 0) touching.push([c, first]);
  }
  for (let cell = 0; cell < t.size; cell++) {
    if (isUnknown(t, status, cell) && !parent.has(cell)) parent.set(cell, cell);
  }
  const byRoot = new Map<number, Component>();
  for (const cell of [...parent.keys()].sort((a, b) => a - b)) {
    const root = find(cell);
    const comp = byRoot.get(root) ?? { vars: [], constraints: [] };
    byRoot.set(root, comp);
    comp.vars.push(cell);
  }
  for (const [c, first] of touching) byRoot.get(find(first))?.constraints.push(c);
  return [...byRoot.values()];
}

/**
 * One component's linear program: its hidden cells as columns (bounded by their labels), every relation
 * among them with the shown cells as constants, and per cell an auxiliary column u with the row x − u,
 * switched on to ask "how many cells can move a whole step up (or down) at once".
 */
class ComponentAudit {
  private readonly local = new Map<number, number>();
  private readonly model: LpModel;
  private readonly n: number;
  /** Row of cell i's auxiliary: after the component's constraints. */
  private readonly auxRow: number;
  lps = 0;

  constructor(
    private readonly t: Table,
    private readonly status: Status,
    private readonly comp: Component,
    solver: LpSolver,
  ) {
    this.n = comp.vars.length;
    this.auxRow = comp.constraints.length;
    comp.vars.forEach((cell, i) => {
      this.local.set(cell, i);
    });
    const colLower: number[] = [];
    const colUpper: number[] = [];
    for (const cell of comp.vars) {
      const [lo, hi] = labelBounds(t, status, cell);
      colLower.push(lo);
      colUpper.push(hi);
    }
    for (let i = 0; i < this.n; i++) {
      colLower.push(0);
      colUpper.push(0);
    }
    const rows = comp.constraints.map((c) => {
      const indices: number[] = [];
      const values: number[] = [];
      let constant = 0;
      c.cells.forEach((cell, i) => {
        const coef = c.coefs[i] as number;
        const at = this.local.get(cell);
        if (at === undefined) constant += coef * (t.value[cell] as number);
        else {
          indices.push(at);
          values.push(coef);
        }
      });
      return { indices, values, lower: c.lower - constant, upper: c.upper - constant };
    });
    const free = { lower: Number.NEGATIVE_INFINITY, upper: Number.POSITIVE_INFINITY };
    for (let i = 0; i < this.n; i++) rows.push({ indices: [i, this.n + i], values: [1, -1], ...free });
    this.model = solver.open({ colLower, colUpper, rows });
  }

  private truth(i: number): number {
    return this.t.value[this.comp.vars[i] as number] as number;
  }

  private solve(objective: Map<number, number>): Float64Array | null {
    this.lps++;
    const result = this.model.maximize(objective);
    if (result.status === 'infeasible')
      throw new Error('disclosure: the audit found the true values infeasible');
    return result.status === 'optimal' ? result.x : null;
  }

  /** The targets (local indices) that stay pinned: no feasible value a whole step from the truth. */
  private pinned(targets: number[], limit: number): { i: number; sure: boolean }[] {
    const open = new Set(targets);
    const settle = (x: Float64Array) => {
      let settled = 0;
      for (const i of open) {
        if (Math.abs((x[i] as number) - this.truth(i)) >= STEP) {
          open.delete(i);
          settled++;
        }
      }
      return settled;
    };
    for (const dir of [1, -1]) {
      while (open.size > 0) {
        const active = [...open];
        const objective = new Map<number, number>();
        for (const i of active) {
          this.model.setColBounds(this.n + i, dir > 0 ? 0 : -1, dir > 0 ? 1 : 0);
          const t = this.truth(i);
          this.model.setRowBounds(
            this.auxRow + i,
            dir > 0 ? t : Number.NEGATIVE_INFINITY,
            dir > 0 ? Number.POSITIVE_INFINITY : t,
          );
          objective.set(this.n + i, dir);
        }
        const x = this.solve(objective);
        for (const i of active) {
          this.model.setColBounds(this.n + i, 0, 0);
          this.model.setRowBounds(this.auxRow + i, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY);
        }
        if (!x || settle(x) === 0) break;
      }
    }
    // Cells no batch moved are asked one by one, a bounded number a round: the rest count as pinned
    // for now, which can only hide more, and the round that passes has asked every cell exactly.
    const asked = new Set<number>();
    for (const i of [...open]) {
      if (!open.has(i)) continue;
      if (asked.size >= limit) break;
      asked.add(i);
      for (const dir of [1, -1]) {
        const x = this.solve(new Map([[i, dir]]));
        if (!x) {
          open.delete(i);
          break;
        }
        settle(x);
        if (!open.has(i)) break;
      }
    }
    return [...open].sort((a, b) => a - b).map((i) => ({ i, sure: asked.has(i) }));
  }

  /** The outside reader, then (if asked) each centre in the component as an insider who knows its own row. */
  failures(insiders: boolean, limit: number): Failure[] {
    const out: Failure[] = [];
    const all = this.comp.vars.map((_, i) => i);
    for (const { i, sure } of this.pinned(all, limit))
      out.push({ cell: this.comp.vars[i] as number, insider: null, sure });
    // An insider knows more than the outsider: while the outsider still pins a cell, fix that first.
    if (!insiders || out.length > 0) return out;
    const rowsHere = [...new Set(this.comp.vars.map((c) => rowOf(this.t, c)))].filter(
      (r) => r !== this.t.totalRow,
    );
    for (const r of rowsHere) {
      const own = all.filter((i) => rowOf(this.t, this.comp.vars[i] as number) === r);
      const targets = all.filter((i) => {
        const row = rowOf(this.t, this.comp.vars[i] as number);
        return row !== r && row !== this.t.totalRow;
      });
      if (targets.length === 0) continue;
      for (const i of own) this.model.setColBounds(i, this.truth(i), this.truth(i));
      for (const { i, sure } of this.pinned(targets, limit))
        out.push({ cell: this.comp.vars[i] as number, insider: r, sure });
      for (const i of own) {
        const [lo, hi] = labelBounds(this.t, this.status, this.comp.vars[i] as number);
        this.model.setColBounds(i, lo, hi);
      }
    }
    return out;
  }

  dispose(): void {
    this.model.dispose();
  }
}

/**
 * Audits a whole publication, component by component; a component audited before with the same hidden
 * cells and labels is not solved again (the protection loop changes a few components a round). `exact`
 * asks every cell no batch moved one by one; otherwise at most ONE_BY_ONE per viewpoint, the rest
 * reported as not `sure`.
 */
export class Auditor {
  lps = 0;
  private readonly cache = new Map<string, { failures: Failure[]; exact: boolean }>();

  constructor(
    private readonly t: Table,
    private readonly solver: LpSolver,
    private readonly insiders: boolean,
  ) {}

  run(status: Status, constraints: readonly Constraint[], exact = true): Failure[] {
    const out: Failure[] = [];
    for (const comp of components(this.t, status, constraints)) {
      const key = comp.vars.map((c) => `${c}:${status[c]}`).join(',');
      let found = this.cache.get(key);
      if (!found || (exact && !found.exact)) {
        const audit = new ComponentAudit(this.t, status, comp, this.solver);
        try {
          const failures = audit.failures(this.insiders, exact ? Number.POSITIVE_INFINITY : ONE_BY_ONE);
          found = { failures, exact: exact || failures.every((f) => f.sure) };
        } finally {
          audit.dispose();
          this.lps += audit.lps;
        }
        this.cache.set(key, found);
      }
      out.push(...found.failures);
    }
    return out;
  }
}
