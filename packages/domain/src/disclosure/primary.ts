import type { Relation } from '../figures/relations';
import { SMALL_MAX } from '../suppression';
import { LINE, RATIO, SECONDARY, SMALL, type Status, VISIBLE } from './audit';
import { cellIndex, classOf, type Table } from './table';
import type { PublishedCell, Reason } from './types';

const isSmall = (v: number) => v >= 1 && v <= SMALL_MAX;

/** Cells tied to another: a tied sum to its persons, a ratio to its base, a share to its part. */
export type Tie = { cell: number; on: number; kind: 'persons' | 'base' | 'part' };

export function ties(t: Table, relations: readonly Relation[]): Tie[] {
  const out: Tie[] = [];
  const each = (figure: number, on: number, kind: Tie['kind']) => {
    for (let r = 0; r <= t.totalRow; r++) {
      for (let y = 0; y < t.years.length; y++) {
        out.push({ cell: cellIndex(t, r, y, figure), on: cellIndex(t, r, y, on), kind });
      }
    }
  };
  const index = (id: string) => {
    const f = t.figureIndex.get(id);
    if (f === undefined) throw new Error(`disclosure: ${id} is named but not in the set`);
    return f;
  };
  t.figures.forEach((def, f) => {
    if (def.disclosure.kind === 'tiedSum') each(f, index(def.disclosure.persons), 'persons');
    if (def.disclosure.kind === 'ratio') each(f, index(def.disclosure.base), 'base');
  });
  for (const rel of relations) if (rel.kind === 'shareOf') each(index(rel.share), index(rel.part), 'part');
  return out;
}

/**
 * A tied cell is hidden whenever what it is tied to is: hours of under 5 persons and a ratio over under
 * 5 people say "under 5 people"; otherwise the tied cell takes the same reason. Repeats until nothing
 * changes, so a chain of ties is followed whatever the order of the figures.
 */
export function propagateTies(status: Status, tieList: readonly Tie[]): void {
  let changed = true;
  while (changed) {
    changed = false;
    for (const tie of tieList) {
      const on = status[tie.on] as number;
      if (on === VISIBLE) continue;
      const follows =
        on === SMALL ? (tie.kind === 'part' ? SECONDARY : RATIO) : on === RATIO ? SECONDARY : on;
      if ((status[tie.cell] as number) < follows) {
        status[tie.cell] = follows;
        changed = true;
      }
    }
  }
}

/** Small counts, and ratios over a base of 1–4 (a base of 0 leaves nothing to point at). */
export function primaryStatus(t: Table, tieList: readonly Tie[]): Status {
  const status = new Uint8Array(t.size);
  for (let cell = 0; cell < t.size; cell++) {
    if (classOf(t, cell).kind === 'count' && isSmall(t.value[cell] as number)) status[cell] = SMALL;
  }
  for (const tie of tieList)
    if (tie.kind === 'base' && isSmall(t.value[tie.on] as number)) status[tie.cell] = RATIO;
  propagateTies(status, tieList);
  return status;
}

const codeOf: Record<Reason, number> = { small: SMALL, ratio: RATIO, secondary: SECONDARY, line: LINE };

/**
 * The last publication: what it hid stays hidden (a count that is now 0 cannot be called "5 or more",
 * so it is hidden as a line); what it showed with the value it still has is frozen, never a candidate.
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
    if (cell === undefined) continue;
    const v = t.value[cell] as number;
    if (typeof e.shown === 'number') {
      if (Math.abs(e.shown - v) <= 1e-9 * Math.max(1, v)) frozen[cell] = 1;
      continue;
    }
    if (status[cell] !== VISIBLE) continue;
    const was = codeOf[e.shown.suppressed];
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
