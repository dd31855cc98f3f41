import { type Figures, TOTAL } from '../figure-set';
import { computeFigures, yearFromMonths } from '../figures/compute';
import type { FigureSet } from '../figures/define';
import type { CentreRecords } from '../figures/records';
import { type Month, monthPeriod, yearPeriod } from '../period';
import { countSurveyYear } from '../survey/figures';
import { monthsOfYear } from './plan';
import { headOfficeYearRows, monthTotals, type StoredHeadOfficeYear, type StoredYear } from './year-table';

/** A centre's recounted year: every month that has begun, and the year (distinct people from the people). */
export type CentreYear = {
  centre: string;
  name: string;
  year: number;
  months: Map<Month, Figures>;
  figures: Figures;
};

/**
 * A centre's figures for a whole year, from its records: the people active in the year, and the entries,
 * hours and measures of the year, and its closed survey rounds. A whole year at a time, so the year's distinct counts and its months
 * come from the same records and a run's cost is bounded by a year, not by the history.
 */
export function countCentreYear(
  centre: { id: string; name: string },
  year: number,
  current: Month,
  set: FigureSet,
  records: CentreRecords,
): CentreYear {
  const months = new Map<Month, Figures>();
  for (const m of monthsOfYear(year, current)) months.set(m, computeFigures(set, monthPeriod(m), records));
  const people = computeFigures(set, yearPeriod(year), records, 'distinct');
  const figures = {
    ...yearFromMonths(set, [...months.values()], people),
    ...countSurveyYear(set, records.rounds ?? []),
  };
  return { centre: centre.id, name: centre.name, year, months, figures };
}

export type PublishedYear = {
  /** Every row of the year after the run: the next year takes its `previous` from these. */
  rows: Map<string, StoredYear>;
  /** The head-office year rows that differ from what is stored. */
  changedRows: StoredYear[];
  /** The head-office month rows to write: the recounted centres' months and the months' totals. */
  monthRows: { month: Month; centre: string; figures: Figures }[];
};

/**
 * One year's head-office publication after a run: the recounted centres replace their rows and months,
 * every row takes `previous` from the year before, and the totals are summed again. The network's view
 * is protected over every year at once (rollup/network.ts).
 */
export function publishYear(
  stored: StoredHeadOfficeYear,
  before: ReadonlyMap<string, StoredYear>,
  recounted: readonly CentreYear[],
): PublishedYear {
  const fresh = new Map(recounted.map((c) => [c.centre, { name: c.name, figures: c.figures }]));
  const { rows, changed } = headOfficeYearRows(stored.years, before, fresh);
  const monthRows: PublishedYear['monthRows'] = [];
  const freshMonths = new Map<Month, Map<string, Figures>>();
  for (const c of recounted) {
    for (const [month, figures] of c.months) {
      monthRows.push({ month, centre: c.centre, figures });
      const byCentre = freshMonths.get(month) ?? new Map<string, Figures>();
      byCentre.set(c.centre, figures);
      freshMonths.set(month, byCentre);
    }
  }
  for (const [month, figures] of monthTotals(stored.months, freshMonths)) {
    monthRows.push({ month, centre: TOTAL, figures });
  }
  return { rows, changedRows: changed, monthRows };
}
