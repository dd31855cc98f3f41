import type { Failure } from './audit';
import type { Constraint } from './constraints';
import type { Links } from './links';
import { propagateTies, type Tie } from './primary';
import { type Aim, Probe } from './probe';
import type { LpSolver } from './solver';
import { isUnknown, LINE, SECONDARY, type Status, VISIBLE } from './status';
import { cellIndex, classOf, rowOf, type Table } from './table';

/** Centres beside a failing cell's row among which cells to hide are sought. */
const PARTNERS = 3;
/** A total costs this many centre cells: totals are hidden last. */
const TOTAL_COST = 25;
/**
 * Moving a hidden cell beyond its label costs more than hiding any cell: a label is dropped only where
 * no hiding protects, the total's before a centre's (a centre keeps its "under 5" where it can).
 */
const LABEL_COST = 1e4;

/**
 * Secondary suppression by linear programming. For a cell some reader pins, the program of its row's
 * neighbourhood (the row, the centres hiding cells in the same columns, the total) is asked again with
 * every shown cell there as a candidate: which cells, if hidden, let the pinned cell move a whole step,
 * at the least cost? The answer is the cells to hide — exactly those that break what pinned it, as
 * GaussSuppression's elimination finds them — and the next audit finds the cell moved. The cost prefers
 * what SSB's GaussSuppression prefers: small cells before large ones, centres before the total; a cell
 * others are shown with (a participants count, with its mean age and shares) costs them too.
 * Never a candidate: a count of 0 (0 is always shown, so a hidden count is 5 or more), a cell the last
 * publication showed (the reader has it), a derived figure (hidden only with what it derives from).
 * Where the labels themselves give a cell away (four centres "under 5" and a total of 4), the same
 * program drops the fewest labels instead (see LABEL_COST): those cells are hidden as a line.
 */
export class Repairer {
  lps = 0;
  private readonly tied = new Map<number, number>();

  constructor(
    private readonly t: Table,
    private readonly solver: LpSolver,
    private readonly frozen: Uint8Array,
    private readonly ties: readonly Tie[],
  ) {
    for (const tie of ties) this.tied.set(tie.on, (this.tied.get(tie.on) ?? 0) + 1);
  }

  private cost = (cell: number, label = false): number => {
    const total = rowOf(this.t, cell) === this.t.totalRow;
    if (label) return total ? LABEL_COST : 2 * LABEL_COST;
    const v = this.t.value[cell] as number;
    const base = 1 + Math.log10(1 + v) + (this.tied.get(cell) ?? 0);
    return total ? TOTAL_COST * base : base;
  };

  private candidate(status: Status, cell: number): boolean {
    const t = this.t;
    if (status[cell] !== VISIBLE || this.frozen[cell] || classOf(t, cell).kind === 'ratio') return false;
    return classOf(t, cell).kind !== 'count' || (t.value[cell] as number) > 0;
  }

  /**
   * Hides (in `status`) what the failures need, row by row; returns the cells hidden and the failures no
   * hiding in their neighbourhood lets move.
   */
  choose(
    status: Status,
    links: Links,
    constraints: readonly Constraint[],
    failures: readonly Failure[],
  ): { hidden: Set<number>; relabelled: Set<number>; unrepaired: Failure[] } {
    const t = this.t;
    const of = new Map<number, number[]>();
    constraints.forEach((c, k) => {
      for (const cell of c.cells) {
        const list = of.get(cell) ?? [];
        of.set(cell, list);
        list.push(k);
      }
    });
    const byRow = new Map<number, Failure[]>();
    for (const f of failures) {
      const r = rowOf(t, f.cell);
      byRow.set(r, [...(byRow.get(r) ?? []), f]);
    }
    const hidden = new Set<number>();
    const relabelled = new Set<number>();
    const unrepaired: Failure[] = [];
    for (const [row, list] of [...byRow].sort((a, b) => a[0] - b[0])) {
      // A count an earlier row hid in this round takes its shares and means with it: followed now, so
      // that this row's program does not keep what they said (the round's constraints were written
      // before). Kept, they pinned cells the reader cannot pin, and the repair gave up on them or hid more.
      propagateTies(status, this.ties);
      const rows = [...new Set([row, ...links.partners(row, PARTNERS), t.totalRow])].sort((a, b) => a - b);
      const cells: number[] = [];
      const candidates: number[] = [];
      for (const r of rows) {
        for (let y = 0; y < t.years.length; y++) {
          for (let f = 0; f < t.figures.length; f++) {
            const cell = cellIndex(t, r, y, f);
            if (isUnknown(t, status, cell)) cells.push(cell);
            else if (this.candidate(status, cell)) candidates.push(cell);
          }
        }
      }
      const ks = new Set<number>();
      for (const cell of [...cells, ...candidates]) for (const k of of.get(cell) ?? []) ks.add(k);
      // What a shown mean or share says goes with it when a candidate it derives from is hidden, or when
      // it is hidden already.
      const open = new Set(candidates);
      const rowsOf = [...ks]
        .sort((a, b) => a - b)
        .map((k) => constraints[k] as Constraint)
        .filter(
          (c) =>
            c.shown === undefined || (status[c.shown] === VISIBLE && !c.cells.some((cell) => open.has(cell))),
        );
      const probe = new Probe(t, status, cells, rowsOf, this.solver, { candidates });
      try {
        const groups = new Map<number, Failure[]>();
        for (const f of list) groups.set(f.insider ?? -1, [...(groups.get(f.insider ?? -1) ?? []), f]);
        for (const [insider, group] of [...groups].sort((a, b) => a[0] - b[0])) {
          const done = this.repairGroup(probe, insider < 0 ? null : insider, group, unrepaired);
          for (const cell of done.hide) {
            status[cell] = SECONDARY;
            hidden.add(cell);
          }
          for (const cell of done.relabel) {
            status[cell] = LINE;
            relabelled.add(cell);
          }
        }
      } finally {
        this.lps += probe.lps;
        probe.dispose();
      }
    }
    return { hidden, relabelled, unrepaired };
  }

  /**
   * Lets the failing cells of one row and reader move: all at once, each the way it has more room, then
   * the others the other way, then each left alone either way (ways chosen together may contradict
   * each other), by hiding cells; only then, one by one, by dropping labels too. The cells to hide and
   * the labels to drop are taken into the program at once; the failures nothing lets move are added to
   * `unrepaired`.
   */
  private repairGroup(
    probe: Probe,
    insider: number | null,
    group: readonly Failure[],
    unrepaired: Failure[],
  ) {
    if (insider !== null) probe.hold(insider, true);
    const hide: number[] = [];
    const relabel: number[] = [];
    let open = group.filter((f) => probe.at(f.cell) !== undefined);
    const attempt = (failures: readonly Failure[], flip: 1 | -1, labels = false) => {
      const aims: Aim[] = [];
      for (const f of failures) {
        const i = probe.at(f.cell) as number;
        const dir = flip > 0 ? probe.preferred(i) : probe.preferred(i) > 0 ? -1 : 1;
        if (probe.canMove(i, dir)) aims.push({ i, dir });
      }
      if (aims.length === 0) return;
      const { chosen, relabel: dropped, moved } = probe.repair(aims, this.cost, labels);
      probe.adopt(chosen);
      probe.dropLabels(dropped);
      hide.push(...chosen);
      relabel.push(...dropped);
      open = open.filter((f) => !moved.has(probe.at(f.cell) as number));
    };
    attempt(open, 1);
    attempt(open, -1);
    for (const labels of [false, true]) {
      if (group.length === 1 && !labels) continue;
      for (const f of [...open]) {
        attempt([f], 1, labels);
        if (open.includes(f)) attempt([f], -1, labels);
      }
    }
    if (insider !== null) probe.hold(insider, false);
    const left = new Set(open);
    unrepaired.push(...group.filter((f) => left.has(f) || probe.at(f.cell) === undefined));
    return { hide, relabel };
  }
}
