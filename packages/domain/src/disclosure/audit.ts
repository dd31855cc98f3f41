import type { Links } from './links';
import { type Aim, Probe, type Witness } from './probe';
import type { LpSolver } from './solver';
import { isTarget, type Status } from './status';
import { rowOf, type Table } from './table';

/**
 * A hidden cell the reader can work out: alone (`insider` null) or knowing the row of centre `insider`.
 * `sure`: asked one by one over its whole component and pinned; otherwise no cheaper question moved it.
 */
export type Failure = { cell: number; insider: number | null; sure: boolean };

/** Cells asked one by one over a whole component, per reader and round, unless the round is exact. */
const ONE_BY_ONE = 24;
/** Centres beside a row in its neighbourhood program. */
const PARTNERS = 3;

type Viewpoint = number | null;

/** The cells as aims of a program: each its preferred way (`flip` 1) or the other (−1), where it has room. */
function aims(
  probe: Probe,
  cells: readonly number[],
  local: ReadonlyMap<number, number>,
  flip: 1 | -1,
): Aim[] {
  const out: Aim[] = [];
  for (const c of cells) {
    const i = local.get(c);
    if (i === undefined) continue;
    const dir = flip > 0 ? probe.preferred(i) : probe.preferred(i) > 0 ? -1 : 1;
    if (probe.canMove(i, dir)) out.push({ i, dir });
  }
  return out;
}

/**
 * The audit, kept across the protection's rounds. Hiding more only takes knowledge from the reader
 * (a shown value becomes a range that holds it; a share hidden drops what it said), so a point the
 * reader could not tell from the truth stays one: a cell protected once against a reader stays
 * protected. The audit remembers, per hidden cell, whether the outsider is settled and which centres
 * every point found so far moved (a centre's insider is settled by a point that leaves its row alone),
 * and each round asks only what is still open: the new hidden cells and the failing ones.
 *
 * Each row's cells are first asked in a small program, the row with the few centres hiding cells in the
 * same columns and the total's hidden cells, all else fixed at the truth: a point found there is a point
 * of the whole program, and it moves only those rows, so it settles every other centre's insider at once.
 * What stays open is asked over its whole component.
 */
export class Auditor {
  lps = 0;
  private readonly outsiderOpen: Uint8Array;
  /** Per hidden cell of a centre: the insiders still open (undefined: every other centre, nothing found yet). */
  private readonly insiderOpen = new Map<number, Set<number> | undefined>();
  private readonly registered: Uint8Array;

  constructor(
    private readonly t: Table,
    private readonly solver: LpSolver,
    private readonly insiders: boolean,
  ) {
    this.outsiderOpen = new Uint8Array(t.size);
    this.registered = new Uint8Array(t.size);
  }

  private isOpen(cell: number, v: Viewpoint): boolean {
    if (v === null) return this.outsiderOpen[cell] === 1;
    if (!this.insiderOpen.has(cell)) return false;
    const open = this.insiderOpen.get(cell);
    return open === undefined ? rowOf(this.t, cell) !== v : open.has(v);
  }

  private settle(w: Witness): void {
    for (const piece of w) {
      for (const cell of piece.moved) {
        if (!this.registered[cell]) continue;
        this.outsiderOpen[cell] = 0;
        if (!this.insiderOpen.has(cell)) continue;
        const open = this.insiderOpen.get(cell);
        if (open === undefined) {
          const rows = new Set(piece.rows);
          rows.delete(rowOf(this.t, cell));
          this.insiderOpen.set(cell, rows);
        } else for (const r of open) if (!piece.rows.has(r)) open.delete(r);
      }
    }
  }

  /**
   * Asks a program to move the targets open for a reader: in batches, each target the way it has more
   * room, while that settles some, then the other way; then one by one (at most `limit`). Returns the
   * targets left open and whether each was asked alone.
   */
  private ask(probe: Probe, targets: readonly number[], v: Viewpoint, limit: number) {
    const local = new Map(probe.cells.map((cell, i) => [cell, i]));
    const open = () => targets.filter((c) => this.isOpen(c, v));
    for (const flip of [1, -1] as const) {
      for (;;) {
        const active = aims(probe, open(), local, flip);
        if (active.length === 0) break;
        const w = probe.move(active);
        if (w) this.settle(w);
        if (!w || active.every((a) => this.isOpen(probe.cells[a.i] as number, v))) break;
      }
    }
    const asked = new Set<number>();
    for (const c of open()) {
      if (asked.size >= limit) break;
      if (!this.isOpen(c, v)) continue;
      asked.add(c);
      for (const flip of [1, -1] as const) {
        const one = aims(probe, [c], local, flip);
        if (one.length === 0) continue;
        const w = probe.move(one);
        if (w) this.settle(w);
        if (!this.isOpen(c, v)) break;
      }
    }
    return open().map((cell) => ({ cell, sure: asked.has(cell) }));
  }

  private withProbe<T>(status: Status, links: Links, cells: readonly number[], use: (p: Probe) => T): T {
    const probe = new Probe(this.t, status, cells, links.constraintsOf(cells), this.solver);
    try {
      return use(probe);
    } finally {
      this.lps += probe.lps;
      probe.dispose();
    }
  }

  /** The row's neighbourhood program: its hidden cells, its partners', the total's. */
  private local(status: Status, links: Links, row: number, use: (p: Probe) => void): void {
    const rows = [row, ...links.partners(row, PARTNERS), this.t.totalRow];
    const cells = [...new Set(rows)].sort((a, b) => a - b).flatMap((r) => links.byRow[r] ?? []);
    this.withProbe(status, links, cells, use);
  }

  private register(status: Status): void {
    for (let cell = 0; cell < this.t.size; cell++) {
      if (this.registered[cell] || !isTarget(this.t, status, cell)) continue;
      this.registered[cell] = 1;
      this.outsiderOpen[cell] = 1;
      if (this.insiders && rowOf(this.t, cell) !== this.t.totalRow) this.insiderOpen.set(cell, undefined);
    }
  }

  private openInsiders(cell: number): number[] {
    if (!this.insiderOpen.has(cell)) return [];
    const open = this.insiderOpen.get(cell);
    if (open !== undefined) return [...open];
    return this.t.rows.map((_, r) => r).filter((r) => r !== rowOf(this.t, cell) && r !== this.t.totalRow);
  }

  /**
   * The hidden cells some reader pins under this round's status and constraints (`links`). `exact` asks every
   * cell no batch moved one by one over its component; otherwise at most ONE_BY_ONE per reader and
   * component, the rest reported as not `sure`.
   */
  run(status: Status, links: Links, exact: boolean): Failure[] {
    const t = this.t;
    this.register(status);
    const targetsOf = (row: number) => (links.byRow[row] ?? []).filter((c) => this.registered[c]);
    for (let row = 0; row <= t.totalRow; row++) {
      const targets = targetsOf(row);
      if (!targets.some((c) => this.outsiderOpen[c] || this.openInsiders(c).length > 0)) continue;
      this.local(status, links, row, (probe) => {
        this.ask(probe, targets, null, 0);
        this.insidersLocally(probe, targets);
      });
    }
    const failures = this.escalate(status, links, exact, null);
    if (!this.insiders) return failures;
    const blocked = new Set(failures.map((f) => links.component.get(f.cell)));
    return [...failures, ...this.escalate(status, links, exact, blocked)];
  }

  /**
   * The insiders of the targets, in a row's program: a point leaves every centre outside the program
   * alone; a centre inside it is held at its truth and asked.
   */
  private insidersLocally(probe: Probe, targets: readonly number[]): void {
    if (!this.insiders) return;
    const inProbe = new Set(probe.rows());
    const outside = targets.filter(
      (c) => !this.outsiderOpen[c] && this.openInsiders(c).some((r) => !inProbe.has(r)),
    );
    this.withOutsiders(probe, outside);
    const settled = targets.filter((c) => !this.outsiderOpen[c]);
    const insiders = new Set(settled.flatMap((c) => this.openInsiders(c)));
    for (const r of [...insiders].sort((a, b) => a - b)) {
      if (!inProbe.has(r)) continue;
      probe.hold(r, true);
      this.ask(probe, settled, r, 0);
      probe.hold(r, false);
    }
  }

  /** Moves targets whose open insiders lie outside the program, settling those insiders. */
  private withOutsiders(probe: Probe, targets: readonly number[]): void {
    if (targets.length === 0) return;
    const local = new Map(probe.cells.map((cell, i) => [cell, i]));
    const w = probe.move(aims(probe, targets, local, 1));
    if (w) this.settle(w);
  }

  /**
   * What the neighbourhoods left open, asked over whole components: the outsider (`blocked` null), or
   * the insiders, in components where the outsider pins nothing (an insider knows more than the
   * outsider: while the outsider still pins a cell, that is fixed first).
   */
  private escalate(
    status: Status,
    links: Links,
    exact: boolean,
    blocked: Set<number | undefined> | null,
  ): Failure[] {
    const t = this.t;
    const byComponent = new Map<number, number[]>();
    for (let cell = 0; cell < t.size; cell++) {
      if (!this.registered[cell] || !links.component.has(cell)) continue;
      const open = blocked === null ? this.outsiderOpen[cell] === 1 : this.openInsiders(cell).length > 0;
      if (!open) continue;
      const root = links.component.get(cell) as number;
      if (blocked?.has(root)) continue;
      const list = byComponent.get(root) ?? [];
      byComponent.set(root, list);
      list.push(cell);
    }
    const members = new Map<number, number[]>();
    for (const [cell, root] of links.component) {
      if (!byComponent.has(root)) continue;
      const list = members.get(root) ?? [];
      members.set(root, list);
      list.push(cell);
    }
    const limit = exact ? Number.POSITIVE_INFINITY : ONE_BY_ONE;
    const failures: Failure[] = [];
    for (const [root, targets] of [...byComponent].sort((a, b) => a[0] - b[0])) {
      const cells = (members.get(root) ?? []).sort((a, b) => a - b);
      this.withProbe(status, links, cells, (probe) => {
        if (blocked === null) {
          for (const f of this.ask(probe, targets, null, limit))
            failures.push({ cell: f.cell, insider: null, sure: f.sure });
          return;
        }
        const insiders = new Set(targets.flatMap((c) => this.openInsiders(c)));
        for (const r of [...insiders].sort((a, b) => a - b)) {
          probe.hold(r, true);
          for (const f of this.ask(probe, targets, r, limit))
            failures.push({ cell: f.cell, insider: r, sure: f.sure });
          probe.hold(r, false);
        }
      });
    }
    return failures;
  }
}
