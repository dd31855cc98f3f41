import { randomUUID } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Figures } from '@crux/domain/figure-set';
import {
  type ActivityCount,
  computeFigures,
  monthPeriod,
  yearFigures,
  yearPeriod,
  zeroFigures,
} from '@crux/domain/figures';
import { firstDayOf, lastDayOf, type Month, monthOf, todayInOslo, yearOf } from '@crux/domain/period';
import { suppressTable } from '@crux/domain/suppression';
import { centresRepo } from '@crux/store/centres-repo';
import { figureItems, type StoredYear } from '@crux/store/figure-items';
import { type FiguresRepo, figuresRepo, type Participation } from '@crux/store/figures-repo';
import { TOTAL } from '@crux/store/keys';
import { countRequests, type RequestCounts } from '@crux/store/request-counter';
import { issueTenantScope, type TenantScope } from '@crux/store/tenant-scope';
import { documentClient, tableName } from '../runtime/dynamo';
import { contiguousRuns, countedOf, monthsOfYear, monthsUpTo, rolloverMonths, spanOf, yearsOf } from './plan';
import { headOfficeYearRows, monthTotals } from './publish';

export type FiguresJobOptions = {
  /** Defaults to the function's client (DYNAMODB_ENDPOINT locally, none in AWS). */
  client?: DynamoDBDocumentClient;
  /** Defaults to TABLE_NAME. */
  tableName?: string;
  /** The run's clock: which month is current in Oslo, the lease, and `computedAt`. */
  now?: Date;
};

export type FiguresJobSummary = {
  runId: string;
  status: 'done' | 'skipped_running';
  computedAt: string;
  currentMonth: Month;
  /** Centres whose figures were recomputed. */
  centres: number;
  /** Centre-months recomputed from records. */
  centreMonths: number;
  /** Years whose head-office and network figures were rebuilt. */
  years: number[];
  markers: { read: number; cleared: number; kept: number; unknownCentre: number };
  itemsWritten: number;
  requests: RequestCounts;
  durationMs: number;
};

/** Longer than a Lambda can run, so a lease left by a run that died has expired before the next one. */
const LEASE_MS = 15 * 60 * 1000;
const SUBJECT = 'figures-job';

type CentreWork = {
  centre: string;
  name: string;
  scope: TenantScope;
  months: Set<Month>;
  monthMarkers: { month: Month; seq: number }[];
  participantIds: string[];
  /** Changed participants, read strongly consistent in this run. */
  changed: Participation[];
  participations: Participation[];
  monthFigures: Map<Month, Figures>;
  yearFigures: Map<number, Figures>;
};

type Run = {
  repo: FiguresRepo;
  doc: DynamoDBDocumentClient;
  table: string;
  current: Month;
  computedAt: string;
};

/** The index read may lag; where a changed participant was read consistently, that version wins. */
function mergeById(fromIndex: Participation[], consistent: Participation[]): Participation[] {
  const byId = new Map(fromIndex.map((p) => [p.id, p]));
  for (const p of consistent) byId.set(p.id, p);
  return [...byId.values()];
}

/** Which centre-months to recompute: marked months, changed participants' old and new spans, new months. */
async function plan(run: Run, throughMonth: Month | undefined) {
  const markers = await run.repo.dirtyMarkers();
  const registry = await centresRepo(run.doc, run.table).list();
  const rollover = rolloverMonths(throughMonth, run.current);
  const work = new Map<string, CentreWork>();
  for (const c of registry) {
    work.set(c.id, {
      centre: c.id,
      name: c.name,
      scope: issueTenantScope(c.id, 'job', SUBJECT),
      months: new Set(rollover),
      monthMarkers: [],
      participantIds: [],
      changed: [],
      participations: [],
      monthFigures: new Map(),
      yearFigures: new Map(),
    });
  }
  // A marker of a centre that is not in the registry is left alone: no scope is issued for it.
  let unknownCentre = 0;
  for (const marker of markers) {
    const w = work.get(marker.centre);
    if (!w) unknownCentre += 1;
    else if (marker.kind === 'participant') w.participantIds.push(marker.id);
    else {
      w.monthMarkers.push({ month: marker.month, seq: marker.seq });
      // A month that has not begun is counted when it does (rollover); its marker can go.
      if (marker.month <= run.current) w.months.add(marker.month);
    }
  }
  for (const w of work.values()) {
    if (w.participantIds.length === 0) continue;
    w.changed = await run.repo.participantsNow(w.scope, w.participantIds);
    for (const p of w.changed) {
      for (const m of monthsUpTo(spanOf(p), run.current)) w.months.add(m);
      const counted = countedOf(p);
      if (counted) for (const m of monthsUpTo(counted, run.current)) w.months.add(m);
    }
  }
  return { work: [...work.values()], markersRead: markers.length, unknownCentre };
}

/** A centre's affected months from its records: the people active in the affected years, the entries of the months. */
async function recomputeMonths(run: Run, w: CentreWork): Promise<void> {
  const months = [...w.months].sort();
  const years = yearsOf(months);
  // Whole years: a year's distinct people are counted from everyone active in it.
  const from = yearPeriod(years[0] ?? 0).first;
  const to = yearPeriod(years.at(-1) ?? 0).last;
  w.participations = mergeById(await run.repo.participationsActive(w.scope, from, to), w.changed);
  const entries: ActivityCount[] = [];
  for (const [first, last] of contiguousRuns(months)) {
    entries.push(...(await run.repo.activities(w.scope, firstDayOf(first), lastDayOf(last))));
  }
  for (const m of months) w.monthFigures.set(m, computeFigures(monthPeriod(m), w.participations, entries));
}

/**
 * One year's head-office and network items. Distinct counts come from the people; activity sums from
 * the months, recomputed where affected and as stored elsewhere (one query of the year's partition
 * gives every centre's months and years).
 */
async function publishYear(
  run: Run,
  year: number,
  affected: CentreWork[],
  before: Map<string, StoredYear>,
  items: Record<string, unknown>[],
): Promise<Map<string, StoredYear>> {
  const stored = await run.repo.headOfficeYear(year, affected.length > 0);
  const fresh = new Map<string, { name: string; figures: Figures }>();
  const freshMonths = new Map<Month, Map<string, Figures>>();
  for (const w of affected) {
    const months = monthsOfYear(year).map(
      (m) => w.monthFigures.get(m) ?? stored.months.get(m)?.get(w.centre) ?? zeroFigures(),
    );
    const figures = yearFigures(year, w.participations, months);
    w.yearFigures.set(year, figures);
    fresh.set(w.centre, { name: w.name, figures });
    for (const [m, f] of w.monthFigures) {
      if (yearOf(m) !== year) continue;
      items.push(figureItems.headOfficeMonth(year, m, w.centre, f, run.computedAt));
      const byCentre = freshMonths.get(m) ?? new Map<string, Figures>();
      byCentre.set(w.centre, f);
      freshMonths.set(m, byCentre);
    }
  }
  const { rows, changed } = headOfficeYearRows(stored.years, before, fresh);
  for (const row of changed) items.push(figureItems.headOfficeYear(year, row, run.computedAt));
  if (affected.length === 0) return rows;

  for (const [m, total] of monthTotals(stored.months, freshMonths)) {
    items.push(figureItems.headOfficeMonth(year, m, TOTAL, total, run.computedAt));
  }
  // Suppression of one cell can move to another centre's, so the whole year is rewritten.
  const centres = [...rows.values()].filter((r) => r.centre !== TOTAL);
  const network = suppressTable(centres.map((r) => ({ centre: r.centre, figures: r.figures })));
  for (const row of network.centres) {
    items.push(
      figureItems.networkYear(year, row.centre, rows.get(row.centre)?.name, row.figures, run.computedAt),
    );
  }
  items.push(figureItems.networkYear(year, TOTAL, undefined, network.total, run.computedAt));
  return rows;
}

async function recomputeAndPublish(run: Run, throughMonth: Month | undefined, summary: FiguresJobSummary) {
  const { work, markersRead, unknownCentre } = await plan(run, throughMonth);
  summary.markers.read = markersRead;
  summary.markers.unknownCentre = unknownCentre;

  const active = work.filter((w) => w.months.size > 0);
  for (const w of active) await recomputeMonths(run, w);
  summary.centres = active.length;
  summary.centreMonths = active.reduce((n, w) => n + w.months.size, 0);

  const years = [...new Set(active.flatMap((w) => yearsOf([...w.months].sort())))].sort((a, b) => a - b);
  summary.years = years;
  // Each affected year and the year after it (whose `previous` follows), in order, so a year's rows are
  // ready when the next year takes its `previous` from them.
  const items: Record<string, unknown>[] = [];
  const tables = new Map<number, Map<string, StoredYear>>();
  for (const year of [...new Set(years.flatMap((y) => [y, y + 1]))].sort((a, b) => a - b)) {
    const before = tables.get(year - 1) ?? (await run.repo.headOfficeYear(year - 1, false)).years;
    const inYear = active.filter((w) => [...w.months].some((m) => yearOf(m) === year));
    tables.set(year, await publishYear(run, year, inYear, before, items));
  }
  for (const w of active) {
    for (const [m, f] of w.monthFigures) items.push(figureItems.centreMonth(w.scope, m, f, run.computedAt));
    for (const [y, f] of w.yearFigures) items.push(figureItems.centreYear(w.scope, y, f, run.computedAt));
  }
  await run.repo.putAll(items);
  summary.itemsWritten = items.length;

  // Only now, with every figure written: a crash before this point leaves the markers for the rerun.
  for (const w of work) {
    for (const { month, seq } of w.monthMarkers) {
      if (await run.repo.clearMonthMarker(w.scope, month, seq)) summary.markers.cleared += 1;
      else summary.markers.kept += 1;
    }
    for (const p of w.changed) {
      if (await run.repo.clearParticipantMarker(w.scope, p, spanOf(p))) summary.markers.cleared += 1;
      else summary.markers.kept += 1;
    }
  }
  summary.markers.kept += unknownCentre;
}

/**
 * Recomputes what changed since the last run and publishes it: the centres' own figures, the head
 * office's (every centre, the totals, `previous` kept in step with the year before) and the network's,
 * suppressed. Then clears the markers it handled, each only if nothing was written to it meanwhile.
 * Every write is a whole-item put of a value computed from records and from items this run does not
 * change, so a rerun after a crash converges to the same figures; one run at a time holds the lease.
 */
export async function runFiguresJob(options: FiguresJobOptions = {}): Promise<FiguresJobSummary> {
  const doc = options.client ?? documentClient('batch');
  const now = options.now ?? new Date();
  const started = performance.now();
  const counter = countRequests(doc);
  const run: Run = {
    repo: figuresRepo(doc, options.tableName ?? tableName()),
    doc,
    table: options.tableName ?? tableName(),
    current: monthOf(todayInOslo(now)),
    computedAt: now.toISOString(),
  };
  const summary: FiguresJobSummary = {
    runId: randomUUID(),
    status: 'done',
    computedAt: run.computedAt,
    currentMonth: run.current,
    centres: 0,
    centreMonths: 0,
    years: [],
    markers: { read: 0, cleared: 0, kept: 0, unknownCentre: 0 },
    itemsWritten: 0,
    requests: { total: 0, byCommand: {}, itemsRead: 0 },
    durationMs: 0,
  };
  const finish = () => {
    summary.requests = counter.counts();
    summary.durationMs = Math.round(performance.now() - started);
    return summary;
  };
  try {
    const until = new Date(now.getTime() + LEASE_MS).toISOString();
    const state = await run.repo.acquireLease(summary.runId, run.computedAt, until);
    if (!state) {
      summary.status = 'skipped_running';
      return finish();
    }
    try {
      await recomputeAndPublish(run, state.throughMonth, summary);
    } catch (error) {
      // Free the lease so a retry need not wait for it to expire; should this fail too, it expires.
      await run.repo
        .releaseLease(summary.runId, { runId: summary.runId, failedAt: run.computedAt })
        .catch(() => {});
      throw error;
    }
    // The stored summary counts the requests up to this last one.
    await run.repo.releaseLease(summary.runId, { ...finish() }, run.current);
    return finish();
  } finally {
    counter.detach();
  }
}
