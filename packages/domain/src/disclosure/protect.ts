/**
 * Disclosure control for the experience network (issue 10): what the network may see of every centre's
 * and the foundation's figures, every year published so far, every line, as one linked set.
 *
 * Against whom. A reader who holds everything published and knows the counting rules of DOMAIN.md —
 * the relations stated beside each figure (figures/relations.ts): new ≤ active; active(Y) − started(Y)
 * ≤ active(Y−1); persons with a measure or order ≤ active; hours ≥ min·persons and ≤ max·persons (so 0
 * exactly when persons are 0); parts add up; a whole-percent share bounds its part; centres sum to the
 * total — and what each label says: "under 5" is 1–4, "hidden to protect" a count is 5 or more (zeros
 * are always shown, so never hidden to protect), a hidden line says nothing. Also that reader knowing any
 * one centre's true row (every year, every line): then every hidden cell of another centre must hold.
 *
 * The guarantee. For every hidden cell, the linear program of everything above leaves it a value a whole
 * step (1) away from the truth; for a cell shown as "under 5" that value is in 1–4 too, so at least two of
 * 1–4 remain. The audit is the LP relaxation: each cell's own range is rounded inward to whole numbers,
 * which is exact for it; an integer-programming reader could in rare cases narrow a cell further through
 * the integrality of others (not modelled).
 *
 * Method. Primary: counts of 1–4 (`small`); ratios over a base of 1–4 and hours of 1–4 persons (`ratio`);
 * a tied sum, ratio or share follows the count it is tied to. Audit: hidden cells linked by any relation
 * form components, audited apart (exactly: no relation crosses two components); per component and per
 * viewpoint (the outsider, then each centre with a hidden cell there as insider) a few LPs ask how many
 * cells can move a whole step up, then down, at once, and only the cells left over are solved one by
 * one (HiGHS through an injected solver, see solver.ts). Secondary: for each cell still pinned, the
 * nearest shown cell is hidden — a centre before the total, smallest first (as GaussSuppression's
 * default candidate order), never a zero, a cell shown before, or the insider's own — and the audit runs
 * again, until it passes. Where nothing is left to hide, the labels give the cell away: its line is
 * hidden without one (`line`).
 *
 * Over time. Cells the last publication hid stay hidden; cells it showed with the value they still have
 * are known for good and are never chosen, so more hiding goes into the new or corrected years. The same
 * data gives the same result in any order: everything runs in a canonical order of cells.
 *
 * Cost and time (bench/disclosure.ts, 10 years × 45 generated lines, on a loaded 2-core machine): 2 centres
 * 4.5 s, 21.7 % of cells hidden beyond the small ones (with two centres an insider knows the other by
 * subtraction, so most totals go); 20 centres 156 s, 13.1 %, 11 006 LPs in 64 rounds. The time grows
 * faster than the centres (×35 for ×10): the hidden cells of participants, new, gender and measures join
 * across years (carried-over) and centres (hidden totals) into one component of ~1 750 cells, audited
 * again each round. 200 centres does not finish within the bench's stop.
 *
 * Limits. One publication at a time: a reader who kept an old version of a corrected year is not
 * modelled. The protection is "not a single value" (a step of 1): no protection interval is asked for
 * large amounts. Months are not published to the network; if they were, the months would join the set
 * with `sum`/`distinct` relations to their year.
 */
import { Auditor, type Failure } from './audit';
import { checkTrueValues, roundedConstraints, staticConstraints } from './constraints';
import { Links } from './links';
import { applyEarlier, primaryStatus, propagateTies, reasonOf, ties } from './primary';
import { Repairer } from './repair';
import type { LpSolver } from './solver';
import { LINE, RATIO, SECONDARY, SMALL, type Status, UNSHOWN, VISIBLE } from './status';
import { buildTable, cellIndex, keyOf, type Table } from './table';
import type {
  CellKey,
  DisclosureOptions,
  ProtectionCost,
  Publication,
  PublicationInput,
  PublishedCell,
} from './types';

const DEFAULT_PER_PERSON = { min: 0.25, max: 8784 };

function locate(t: Table): (key: CellKey) => number | undefined {
  const rows = new Map(t.rows.map((r, i) => [r, i]));
  const years = new Map(t.years.map((y, i) => [y, i]));
  return (key) => {
    const r = rows.get(key.centre);
    const y = years.get(key.year);
    const f = t.figureIndex.get(key.figure);
    return r === undefined || y === undefined || f === undefined ? undefined : cellIndex(t, r, y, f);
  };
}

function cost(status: Status): ProtectionCost {
  let cells = 0;
  let primary = 0;
  let secondary = 0;
  let line = 0;
  for (const s of status) {
    if (s === UNSHOWN) continue;
    cells++;
    if (s === SMALL || s === RATIO) primary++;
    else if (s === SECONDARY) secondary++;
    else if (s === LINE) line++;
  }
  return { cells, primary, secondary, line, share: cells ? (secondary + line) / cells : 0 };
}

const codeOfReason = { small: SMALL, ratio: RATIO, secondary: SECONDARY, line: LINE } as const;

function shownValue(t: Table, cell: number): number | null {
  const v = t.value[cell] as number;
  return Number.isNaN(v) ? null : v;
}

/**
 * Audits a pattern as published (cells left out are shown): the hidden cells some reader pins, with the
 * centre whose row that reader knows (null: the outsider). Empty means the pattern protects.
 */
export function auditPublished(
  input: PublicationInput,
  published: readonly PublishedCell[],
  solver: LpSolver,
  options: DisclosureOptions = {},
): { cell: CellKey; insider: string | null }[] {
  const t = buildTable(input);
  const at = locate(t);
  const status = primaryStatus(t, []).map((s) => (s === UNSHOWN ? UNSHOWN : VISIBLE));
  for (const p of published) {
    const cell = at(p);
    if (cell !== undefined && p.shown !== null && typeof p.shown === 'object')
      status[cell] = codeOfReason[p.shown.suppressed];
  }
  const fixed = staticConstraints(t, options.tiedSumPerPerson ?? DEFAULT_PER_PERSON);
  const constraints = [...fixed, ...roundedConstraints(t, (c) => status[c] === VISIBLE)];
  const links = new Links(t, status, constraints);
  const failures = new Auditor(t, solver, options.insiders ?? true).run(status, links, true);
  return failures.map((f) => ({
    cell: keyOf(t, f.cell),
    insider: f.insider === null ? null : (t.rows[f.insider] ?? null),
  }));
}

/** Protects the whole published set; see the comment at the top of this file. */
export function protectPublication(
  input: PublicationInput,
  solver: LpSolver,
  options: DisclosureOptions = {},
): Publication {
  const t = buildTable(input);
  const fixed = staticConstraints(t, options.tiedSumPerPerson ?? DEFAULT_PER_PERSON);
  const everything = [...fixed, ...roundedConstraints(t, () => true)];
  checkTrueValues(t, everything);
  const tieList = ties(t);
  const status = primaryStatus(t, tieList);
  const frozen = applyEarlier(t, status, input.earlier ?? [], locate(t));
  propagateTies(status, tieList);
  const auditor = new Auditor(t, solver, options.insiders ?? true);
  const repairer = new Repairer(t, solver, frozen, tieList);
  const given = new Set<string>();
  const unprotected: Failure[] = [];
  let rounds = 0;
  let exact = false;
  for (;;) {
    rounds++;
    const constraints = [...fixed, ...roundedConstraints(t, (c) => status[c] === VISIBLE)];
    const links = new Links(t, status, constraints);
    const failures = auditor.run(status, links, exact).filter((f) => !given.has(`${f.cell}:${f.insider}`));
    if (failures.length === 0) break;
    const { hidden, relabelled, unrepaired } = repairer.choose(status, links, constraints, failures);
    // What no hiding and no dropped label in its neighbourhood lets move: asked exactly first, then
    // reported (only a late correction the last publication gives away can cause it).
    for (const f of unrepaired) {
      if (!f.sure) continue;
      given.add(`${f.cell}:${f.insider}`);
      unprotected.push(f);
    }
    propagateTies(status, tieList);
    exact = hidden.size === 0 && relabelled.size === 0;
  }
  const cells: PublishedCell[] = [];
  for (let cell = 0; cell < t.size; cell++) {
    const s = status[cell] as number;
    if (s === UNSHOWN) continue;
    const shown = s === VISIBLE ? shownValue(t, cell) : { suppressed: reasonOf[s] ?? 'line' };
    cells.push({ ...keyOf(t, cell), shown });
  }
  const unique = new Map(unprotected.map((f) => [f.cell, keyOf(t, f.cell)]));
  return {
    cells,
    cost: cost(status),
    work: { lps: auditor.lps + repairer.lps, rounds },
    unprotected: [...unique.values()],
  };
}
