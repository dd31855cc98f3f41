import { type Figures, sameFigures, sumFigures, TOTAL } from '../figure-set';
import type { Month } from '../period';

/**
 * The head office's table of a year: every centre's row and the foundation total, each with the year
 * before beside it, as stored in the year's head-office partition and as a run leaves it.
 */

/** A head-office year row: a centre's (or `TOTAL`'s) figures beside the year before's. */
export type StoredYear = {
  centre: string;
  name: string | undefined;
  figures: Figures;
  previous: Figures | null;
};

/** A year's head-office partition as stored: every centre's year row and month figures, `TOTAL` included. */
export type StoredHeadOfficeYear = {
  years: Map<string, StoredYear>;
  /** month → centre → figures */
  months: Map<Month, Map<string, Figures>>;
};

/**
 * A year's head-office rows after a run: the stored rows, the recomputed centres' new figures, every
 * row's `previous` set from the year before (so a change to year Y reaches Y+1's rows), and the
 * foundation total as the sum over centres. `changed` is what differs from what is stored (recomputed
 * rows always count as changed, so `computedAt` says when they were last counted).
 */
export function headOfficeYearRows(
  stored: ReadonlyMap<string, StoredYear>,
  before: ReadonlyMap<string, StoredYear>,
  fresh: ReadonlyMap<string, { name: string; figures: Figures }>,
): { rows: Map<string, StoredYear>; changed: StoredYear[] } {
  const rows = new Map<string, StoredYear>();
  const changed: StoredYear[] = [];
  for (const [centre, row] of stored) if (centre !== TOTAL) rows.set(centre, { ...row });
  for (const [centre, f] of fresh)
    rows.set(centre, { centre, name: f.name, figures: f.figures, previous: null });
  for (const row of rows.values()) {
    const previous = before.get(row.centre)?.figures ?? null;
    const differs = fresh.has(row.centre) || !sameFigures(stored.get(row.centre)?.previous ?? null, previous);
    row.previous = previous;
    if (differs) changed.push(row);
  }
  if (rows.size === 0) return { rows, changed };
  const total: StoredYear = {
    centre: TOTAL,
    name: undefined,
    figures: sumFigures([...rows.values()].map((r) => r.figures)),
    previous: before.get(TOTAL)?.figures ?? null,
  };
  const was = stored.get(TOTAL);
  if (!was || !sameFigures(was.figures, total.figures) || !sameFigures(was.previous, total.previous)) {
    changed.push(total);
  }
  rows.set(TOTAL, total);
  return { rows, changed };
}

/** The foundation total of each recomputed month: stored centres' figures, replaced where recomputed. */
export function monthTotals(
  stored: ReadonlyMap<Month, ReadonlyMap<string, Figures>>,
  fresh: ReadonlyMap<Month, ReadonlyMap<string, Figures>>,
): Map<Month, Figures> {
  const out = new Map<Month, Figures>();
  for (const [month, freshByCentre] of fresh) {
    const byCentre = new Map(stored.get(month) ?? []);
    byCentre.delete(TOTAL);
    for (const [centre, figures] of freshByCentre) byCentre.set(centre, figures);
    out.set(month, sumFigures([...byCentre.values()]));
  }
  return out;
}
