import { classOf, type Table } from './table';
import { SMALL_MAX } from './types';

/** Per cell: shown, or hidden and why (the order of `Reason`), or stored and never shown to anyone. */
export const VISIBLE = 0;
export const SMALL = 1;
export const RATIO = 2;
export const SECONDARY = 3;
export const LINE = 4;
export const UNSHOWN = 5;
export type Status = Uint8Array;

/** A derived figure takes part in no sum: a hidden one is no unknown of the audit (a shown one is a constraint). */
export function isUnknown(t: Table, status: Status, cell: number): boolean {
  return status[cell] !== VISIBLE && classOf(t, cell).kind !== 'ratio';
}

/** An unknown the network reads a label for, which must not be worked out. */
export function isTarget(t: Table, status: Status, cell: number): boolean {
  return status[cell] !== UNSHOWN && isUnknown(t, status, cell);
}

function bounds(t: Table, code: number, cell: number): [number, number] {
  if (classOf(t, cell).kind !== 'count') return [0, Number.POSITIVE_INFINITY];
  if (code === SMALL) return [1, SMALL_MAX];
  if (code === SECONDARY) return [SMALL_MAX + 1, Number.POSITIVE_INFINITY];
  return [0, Number.POSITIVE_INFINITY];
}

/** What the label says: "under 5" is 1–4; "hidden to protect" a count is 5 or more (zeros are never hidden so). */
export function labelBounds(t: Table, status: Status, cell: number): [number, number] {
  return bounds(t, status[cell] as number, cell);
}

/** What the label would say of a shown cell hidden to protect another. */
export function hiddenBounds(t: Table, cell: number): [number, number] {
  return bounds(t, SECONDARY, cell);
}

/** A hidden count whose label says something of its value ("under 5", "5 or more"). */
export function isLabelled(t: Table, status: Status, cell: number): boolean {
  return classOf(t, cell).kind === 'count' && (status[cell] === SMALL || status[cell] === SECONDARY);
}
