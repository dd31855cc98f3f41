import type { ParticipationSpan } from '../figures/people';
import { type Month, monthOf } from '../period';

/** `open`: the participation has no end, so it counts up to the current month at every run. */
export const OPEN = 'open';
export type CountedThrough = Month | typeof OPEN;

export type MonthRange = { from: Month; through: CountedThrough };

/** A participation as the figures job reads it: its span, and what it needs to clear its marker. */
export type Participation = ParticipationSpan & {
  version: number;
  /**
   * Raised by every write of the participant's measures and orders, which leave `version` (the
   * participant's own fields) alone: the marker is cleared only if neither moved since the job read it.
   */
  seq?: number | undefined;
  /** The months the job last counted it in; absent before the first run that saw it. */
  countedFrom?: Month | undefined;
  countedThrough?: CountedThrough | undefined;
};

/** The months a participation counts in: from its start to its end, or `open` while it has none. */
export function spanOf(p: ParticipationSpan): MonthRange {
  return { from: monthOf(p.startDate), through: p.endDate ? monthOf(p.endDate) : OPEN };
}

/** The months the job last counted a participation in, if it has counted it before. */
export function countedOf(p: Participation): MonthRange | undefined {
  return p.countedFrom && p.countedThrough ? { from: p.countedFrom, through: p.countedThrough } : undefined;
}

/** The index read may lag; where a changed participant was read consistently, that version wins. */
export function mergeById<P extends Participation>(fromIndex: readonly P[], consistent: readonly P[]): P[] {
  const byId = new Map(fromIndex.map((p) => [p.id, p]));
  for (const p of consistent) byId.set(p.id, p);
  return [...byId.values()];
}
