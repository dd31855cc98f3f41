/**
 * Disclosure control for the experience network (issue 10): what the network may see of every centre's
 * and the foundation's figures, every year published so far, every line, as one linked set.
 *
 * What the network sees (network.ts, table.ts `seenByNetwork`): every line of the catalogue's table for
 * every centre and the total — counts, persons and hours, the mean age in whole years, the gender shares
 * in whole percent. A share over a shown participants count gives its count (exactly under 100), so the
 * counts of women, men and others count as seen wherever their share is shown. The age sum behind the
 * mean age is seen by no one: an unknown, bounded by what a shown mean age says of it.
 *
 * Against whom. A reader who holds everything published and knows the counting rules — the relations the
 * engine states beside each figure (figures/relations.ts): new ≤ active; everyone active in Y who did not
 * start in Y was active in Y−1 and did not end then (`flow`, exact, so the outcomes of Y−1 follow from
 * participants and new); outcomes ≤ active; persons with a measure or an order ≤ active; hours between
 * ¼ and 8784 per person (so 0 exactly when persons are 0); parts add up; a derived figure shown rounded
 * half up bounds what it derives from (`rounded`); centres sum to the total — and what each label says:
 * "under 5" is 1–4, "hidden to protect" a count is 5 or more (zeros are always shown), a line hidden
 * without a label says nothing. Also that reader knowing any one centre's true row (every year, every
 * stored figure): then every hidden cell of another centre must hold.
 *
 * The guarantee. For every hidden cell, the linear program of everything above leaves it a value a whole
 * step (1) away from the truth; for a cell shown as "under 5" that value is in 1–4 too, so at least two of
 * 1–4 remain. The audit is the LP relaxation: each cell's own range is rounded inward to whole numbers,
 * which is exact for it; an integer-programming reader could in rare cases narrow a cell further through
 * the integrality of others (not modelled). Every hidden cell, for every reader, ends with a witness: a
 * point of that reader's program moving it a whole step (audit.ts).
 *
 * Method. Primary: counts of 1–4 (`small`); a tied sum, mean or share follows the count it is tied to,
 * as "under 5 people" (`ratio`) over a count of 1–4. Audit (audit.ts, probe.ts): linear programs in
 * displacements from the truth (HiGHS through an injected solver, solver.ts), asked per row in a small
 * neighbourhood (the row, the three centres hiding cells in most of the same columns, the total) and,
 * for what that leaves open, over the row's whole component; hiding more only takes knowledge away, so
 * what a round settles stays settled and each round asks only the new and the failing cells. Secondary
 * (repair.ts): for the cells still pinned, the neighbourhood's program with every shown cell as a priced
 * candidate names the cheapest cells whose hiding lets them move — small before large, centres before
 * the total, as SSB's GaussSuppression prefers — and, only where no hiding does, the labels to drop
 * (`line`). The audit runs again until it passes.
 *
 * Over time. Cells the last publication hid stay hidden; cells it showed with the value they still have
 * are known for good and are never chosen, so more hiding goes into the new or corrected years. The same
 * data gives the same result in any order: everything runs in a canonical order of cells.
 *
 * Cost and time: see bench/disclosure.ts and the table in bench/RESULTS.md (2, 20 and 200 centres × 10
 * years × every line of the starting catalogue).
 *
 * Limits. One publication at a time: a reader who kept an old version of a corrected year is not
 * modelled. The protection is "not a single value" (a step of 1): no protection interval is asked for
 * large amounts. Ages are not bounded per person (the engine states no relation for the age sum but the
 * mean age): a reader who also uses "participants are adults" is not modelled. Months are not published
 * to the network; if they were, the months would join the set with `sum`/`distinct` relations to their year.
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
    const changed = hidden.size > 0 || relabelled.size > 0;
    // An exact audit whose failures the repairer changes nothing for would come back the same in every
    // round after: they are reported, so the job holds the publication back (and alarms) rather than
    // running until its timeout. A known defect of the repairer reaches this (protect.property.test.ts).
    const stuck = exact && !changed;
    // What no hiding and no dropped label in its neighbourhood lets move: asked exactly first, then
    // reported (only a late correction the last publication gives away can cause it).
    for (const f of stuck ? failures : unrepaired) {
      if (!(f.sure || stuck)) continue;
      given.add(`${f.cell}:${f.insider}`);
      unprotected.push(f);
    }
    if (stuck) break;
    propagateTies(status, tieList);
    exact = !changed;
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
