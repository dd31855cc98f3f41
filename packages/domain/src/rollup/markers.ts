import type { Month } from '../period';

/**
 * What a write leaves for the figures job: a centre-month whose records changed (with the marker's `seq`,
 * bumped by every write, so the job clears it only if nothing was written after it read it), a
 * participant that changed (the participant item is its own marker), or a register's span that changed
 * (a volunteer or a staff position, by its sort key; its item is its own marker too).
 */
export type DirtyMarker =
  | { kind: 'month'; centre: string; month: Month; seq: number }
  | { kind: 'participant'; centre: string; id: string }
  | { kind: 'span'; centre: string; sortKey: string }
  /** A survey round that closed: its year is counted again, with the round's answers. */
  | { kind: 'round'; centre: string; year: number; id: string };
