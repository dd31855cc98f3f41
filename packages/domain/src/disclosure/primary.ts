import { LINE, RATIO, SECONDARY, SMALL, type Status, UNSHOWN, VISIBLE } from './status';
import { cellIndex, classOf, isSeen, type Table } from './table';
import { type PublishedCell, type Reason, SMALL_MAX } from './types';

const isSmall = (v: number) => v >= 1 && v <= SMALL_MAX;

/**
 * Cells shown only with another: hours with their persons, a mean or share with the count it is over,
 * a share with the count it is a share of.
 */
export type Tie = { cell: number; on: number };

export function ties(t: Table): Tie[] {
  const out: Tie[] = [];
  const each = (figure: number, onId: string) => {
    const on = t.figureIndex.get(onId);
    if (on === undefined) throw new Error(`disclosure: ${onId} is named but not in the set`);
    if (!t.seen[on] || !t.seen[figure]) return;
    for (let r = 0; r <= t.totalRow; r++) {
      for (let y = 0; y < t.years.length; y++) {
        out.push({ cell: cellIndex(t, r, y, figure), on: cellIndex(t, r, y, on) });
      }
    }
  };
  t.figures.forEach((def, f) => {
    if (def.disclosure.kind === 'tiedSum') each(f, def.disclosure.persons);
    if (def.disclosure.kind === 'ratio') each(f, def.disclosure.base);
    for (const rel of def.relations) {
      if (rel.kind === 'rounded' && rel.value === def.id) each(f, rel.numerator);
      if (rel.kind === 'scaled' && rel.value === def.id) each(f, rel.of);
    }
  });
  return out;
}

/**
 * A tied cell is hidden whenever what it is tied to is: over a count of 1–4 it says "under 5 people";
 * otherwise it takes the same reason. Repeats until nothing changes, so a chain of ties is followed
 * whatever the order of the figures.
 */
export function propagateTies(status: Status, tieList: readonly Tie[]): void {
  let changed = true;
  while (changed) {
    changed = false;
    for (const tie of tieList) {
      const on = status[tie.on] as number;
      if (on === VISIBLE) continue;
      const follows = on === SMALL ? RATIO : on === RATIO ? SECONDARY : on;
      if ((status[tie.cell] as number) < follows) {
        status[tie.cell] = follows;
        changed = true;
      }
    }
  }
}

/** Small counts, and everything tied to one; stored figures no one sees are unshown. */
export function primaryStatus(t: Table, tieList: readonly Tie[]): Status {
  const status = new Uint8Array(t.size);
  for (let cell = 0; cell < t.size; cell++) {
    if (!isSeen(t, cell)) status[cell] = UNSHOWN;
    else if (classOf(t, cell).kind === 'count' && isSmall(t.value[cell] as number)) status[cell] = SMALL;
  }
  propagateTies(status, tieList);
  return status;
}

const codeOf: Record<Reason, number> = { small: SMALL, ratio: RATIO, secondary: SECONDARY, line: LINE };

/**
 * The last publication: what it hid stays hidden (a count that is now 0 cannot be called "5 or more",
 * so it is hidden as a line), a line hidden without a label stays so; what it showed with the value it
 * still has is frozen, never a candidate.
 */
export function applyEarlier(
  t: Table,
  status: Status,
  earlier: readonly PublishedCell[],
  lookup: (cell: PublishedCell) => number | undefined,
): Uint8Array {
  const frozen = new Uint8Array(t.size);
  for (const e of earlier) {
    const cell = lookup(e);
    if (cell === undefined || status[cell] === UNSHOWN) continue;
    const v = t.value[cell] as number;
    if (e.shown === null || typeof e.shown === 'number') {
      const same = e.shown === null ? Number.isNaN(v) : Math.abs(e.shown - v) <= 1e-9 * Math.max(1, v);
      if (same) frozen[cell] = 1;
      continue;
    }
    const was = codeOf[e.shown.suppressed];
    // A line once hidden without a label keeps it: "under 5" now, beside what the last one said of
    // the cells around it, could give away what hiding the line protected.
    if (was === LINE) status[cell] = LINE;
    if (status[cell] !== VISIBLE) continue;
    const count = classOf(t, cell).kind === 'count';
    status[cell] = was === LINE || (count && v === 0) ? LINE : SECONDARY;
  }
  return frozen;
}

export const reasonOf: Record<number, Reason> = {
  [SMALL]: 'small',
  [RATIO]: 'ratio',
  [SECONDARY]: 'secondary',
  [LINE]: 'line',
};
