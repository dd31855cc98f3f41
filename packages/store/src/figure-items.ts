import { reasonText, SMALL_MAX } from '@crux/domain/disclosure/types';
import { type Figures, type NetworkCell, type NetworkFigures, TOTAL } from '@crux/domain/figure-set';
import type { Month } from '@crux/domain/period';
import type { NetworkRow } from '@crux/domain/rollup/network';
import type { StoredHeadOfficeYear, StoredYear } from '@crux/domain/rollup/year-table';
import type { RoundResults } from '@crux/domain/survey/results';
import { centreKeys, headOfficeKeys, networkKeys } from './keys';
import { assertIssued, type TenantScope } from './tenant-scope';

/**
 * The figure items: written by the figures job, read by the centre, head-office and network APIs.
 * Every item carries `computedAt`, the time of the run that wrote it. Builders and readers side by side.
 */

export const figureItems = {
  centreMonth: (scope: TenantScope, month: Month, figures: Figures, computedAt: string) => {
    assertIssued(scope);
    return { ...centreKeys.figuresMonth(scope, month), month, figures, computedAt };
  },
  centreYear: (scope: TenantScope, year: number, figures: Figures, computedAt: string) => {
    assertIssued(scope);
    return { ...centreKeys.figuresYear(scope, year), year, figures, computedAt };
  },
  /** A closed survey round's results, as its centre may see them (survey/results.ts). */
  roundResults: (
    scope: TenantScope,
    round: { id: string; year: number; version: number },
    results: RoundResults,
    computedAt: string,
  ) => {
    assertIssued(scope);
    return {
      ...centreKeys.roundResults(scope, round.id),
      round: round.id,
      year: round.year,
      version: round.version,
      results,
      computedAt,
    };
  },
  headOfficeYear: (year: number, row: StoredYear, computedAt: string) => ({
    ...headOfficeKeys.year(year, row.centre),
    centre: row.centre,
    ...(row.name !== undefined ? { name: row.name } : {}),
    figures: row.figures,
    previous: row.previous,
    computedAt,
  }),
  headOfficeMonth: (year: number, month: Month, centre: string, figures: Figures, computedAt: string) => ({
    ...headOfficeKeys.month(year, month, centre),
    centre,
    month,
    figures,
    computedAt,
  }),
  /** The years the head office has figures for: the network's publication covers them all. */
  headOfficeYears: (years: readonly number[], computedAt: string) => ({
    ...headOfficeKeys.years,
    years: [...years],
    computedAt,
  }),
  /**
   * Already suppressed: nothing under `NET#` ever holds a number the network may not see. The counts
   * (`figures`) apart from the amounts (hours, mean age, shares), so the read can check each.
   */
  networkYear: (year: number, row: NetworkRow, computedAt: string) => ({
    ...networkKeys.year(year, row.centre),
    centre: row.centre,
    ...(row.name !== undefined ? { name: row.name } : {}),
    figures: row.counts,
    amounts: row.amounts,
    computedAt,
  }),
};

/** A stored map of figures; anything that is not a finite number is not a figure and is dropped. */
export function toFigures(value: unknown): Figures {
  const v = (value ?? {}) as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(v).flatMap(([id, n]) => (typeof n === 'number' && Number.isFinite(n) ? [[id, n]] : [])),
  );
}

function suppression(value: unknown): NetworkCell | undefined {
  const reason = (value as { suppressed?: unknown } | null)?.suppressed;
  return typeof reason === 'string' && Object.hasOwn(reasonText, reason)
    ? { suppressed: reason as keyof typeof reasonText }
    : undefined;
}

/** A count: 0, 5 and up, or hidden. */
function toNetworkCount(value: unknown): NetworkCell {
  if (typeof value === 'number' && Number.isInteger(value) && (value === 0 || value > SMALL_MAX))
    return value;
  const hidden = suppression(value);
  if (hidden) return hidden;
  // Fail closed: a network item is never shown with a cell that is not a safe count or a suppression.
  throw new Error('network figures item holds a value that may not be shown');
}

/** An amount (hours, a mean age, a share): a number, null (over nobody), or hidden. */
function toNetworkAmount(value: unknown): NetworkCell {
  if (value === null || (typeof value === 'number' && Number.isFinite(value) && value >= 0)) return value;
  const hidden = suppression(value);
  if (hidden) return hidden;
  throw new Error('network figures item holds a value that may not be shown');
}

/** A network item's every figure: its counts, each checked as a count, and its amounts. */
export function toNetworkFigures(item: Record<string, unknown>): NetworkFigures {
  const of = (value: unknown) => Object.entries((value ?? {}) as Record<string, unknown>);
  return Object.fromEntries([
    ...of(item.amounts).map(([id, cell]) => [id, toNetworkAmount(cell)]),
    ...of(item.figures).map(([id, cell]) => [id, toNetworkCount(cell)]),
  ]);
}

/** The latest `computedAt` of the items, or null when there are none. */
export function latestComputedAt(items: readonly Record<string, unknown>[]): string | null {
  let latest: string | null = null;
  for (const i of items) {
    if (typeof i.computedAt === 'string' && (latest === null || i.computedAt > latest)) latest = i.computedAt;
  }
  return latest;
}

/** A year table's items split into the centres' rows and the foundation total's. */
export function splitTotal(items: readonly Record<string, unknown>[]) {
  return {
    centres: items.filter((i) => i.centre !== TOTAL),
    total: items.find((i) => i.centre === TOTAL),
  };
}

/** A head-office partition's items as the job reads them: every centre's year row and month figures. */
export function toStoredHeadOfficeYear(items: readonly Record<string, unknown>[]): StoredHeadOfficeYear {
  const out: StoredHeadOfficeYear = { years: new Map(), months: new Map() };
  for (const item of items) {
    const sk = String(item.SK);
    const centre = String(item.centre);
    if (sk.startsWith(headOfficeKeys.yearPrefix)) {
      out.years.set(centre, {
        centre,
        name: typeof item.name === 'string' ? item.name : undefined,
        figures: toFigures(item.figures),
        previous: item.previous ? toFigures(item.previous) : null,
      });
    } else if (sk.startsWith(headOfficeKeys.monthPrefix)) {
      const month = String(item.month);
      const byCentre = out.months.get(month) ?? new Map<string, Figures>();
      byCentre.set(centre, toFigures(item.figures));
      out.months.set(month, byCentre);
    }
  }
  return out;
}
