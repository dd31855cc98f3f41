import { randomUUID } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Catalogue } from '@crux/domain/catalogue/lists';
import { defineFigures, type FigureSet } from '@crux/domain/figures/define';
import { type Month, monthOf, todayInOslo, yearPeriod } from '@crux/domain/period';
import { mergeById, spanOf } from '@crux/domain/rollup/participation';
import { addChangedParticipants, type CentreWork, planFromMarkers, yearsOf } from '@crux/domain/rollup/plan';
import { type CentreYear, countCentreYear, publishYear } from '@crux/domain/rollup/publish';
import { usedEntries } from '@crux/domain/rollup/used';
import type { StoredYear } from '@crux/domain/rollup/year-table';
import { centreSurveyView } from '@crux/domain/survey/figures';
import type { Questionnaire } from '@crux/domain/survey/questionnaire';
import { countAnswers, type RoundResults, roundResults } from '@crux/domain/survey/results';
import { putAll } from '@crux/store/batch';
import { catalogueRepo } from '@crux/store/catalogue-repo';
import { centresRepo } from '@crux/store/centres-repo';
import { dirtyMarkersRepo } from '@crux/store/dirty-markers';
import { figureItems } from '@crux/store/figure-items';
import { headOfficeFiguresRepo } from '@crux/store/headoffice-figures-repo';
import { jobLeaseRepo, type LeaseHolder } from '@crux/store/job-lease-repo';
import { questionnaireRepo } from '@crux/store/questionnaire-repo';
import { type CountedParticipation, centreRecords, recordsRepo } from '@crux/store/records-repo';
import { type CountedSpan, registerRecordsRepo, registersOf } from '@crux/store/register-records-repo';
import { countRequests, type RequestCounts } from '@crux/store/request-counter';
import { type ClosedRoundRecords, surveyRecordsRepo } from '@crux/store/survey-records';
import { issueTenantScope, type TenantScope } from '@crux/store/tenant-scope';
import { documentClient, tableName } from '../runtime/dynamo';
import { type Lease, leaseFor } from './lease';
import { type NetworkSummary, publishNetwork } from './network';

export type FiguresJobOptions = {
  /** Defaults to the function's client (DYNAMODB_ENDPOINT locally, none in AWS). */
  client?: DynamoDBDocumentClient;
  /** Defaults to TABLE_NAME. */
  tableName?: string;
  /** The run's clock at its start: which month is current in Oslo, the lease, and `computedAt`. */
  now?: Date;
};

export type FiguresJobSummary = {
  runId: string;
  status: 'done' | 'skipped_running';
  /** For a skipped run: the run that holds the lease, and until when unless it renews it. */
  heldBy?: LeaseHolder;
  computedAt: string;
  currentMonth: Month;
  /** Centres whose figures were recomputed. */
  centres: number;
  /** Centre-years recounted from records. */
  centreYears: number;
  /** Years whose head-office and network figures were rebuilt. */
  years: number[];
  markers: { read: number; cleared: number; kept: number; unknownCentre: number };
  itemsWritten: number;
  /** The network's publication, when one was made (network.ts). */
  network?: NetworkSummary;
  requests: RequestCounts;
  durationMs: number;
};

const SUBJECT = 'figures-job';

type Run = {
  doc: DynamoDBDocumentClient;
  table: string;
  current: Month;
  computedAt: string;
  lease: Lease;
  /** The catalogue of this run, and the figures it defines. */
  catalogue: Catalogue;
  set: FigureSet;
  /** The survey's published questionnaire versions, by version. */
  questionnaires: Map<number, Questionnaire>;
};
type Planned = CentreWork & {
  scope: TenantScope;
  changed: CountedParticipation[];
  /** The changed register spans as they are now. */
  spansNow: CountedSpan[];
};

/** Which centres and years to recount: the markers, the changed participants, the months begun since. */
async function plan(run: Run, throughMonth: Month | undefined, summary: FiguresJobSummary) {
  const markers = await dirtyMarkersRepo(run.doc, run.table).all();
  const registry = await centresRepo(run.doc, run.table).list();
  const { work, unknownCentre } = planFromMarkers(registry, markers, throughMonth, run.current);
  summary.markers.read = markers.length;
  summary.markers.unknownCentre = unknownCentre;
  const planned: Planned[] = [];
  for (const w of work.values()) {
    const scope = issueTenantScope(w.centre, 'job', SUBJECT);
    const changed = w.changedIds.length
      ? await recordsRepo(run.doc, run.table, scope).participantsNow(w.changedIds)
      : [];
    const spansNow = w.changedSpans.length
      ? await registerRecordsRepo(run.doc, run.table, scope).spansNow(w.changedSpans)
      : [];
    addChangedParticipants(w, [...changed, ...spansNow], run.current);
    planned.push({ ...w, scope, changed, spansNow });
  }
  return planned;
}

/** A closed survey round's results, for its centre's items. */
type RoundItem = { round: ClosedRoundRecords; results: RoundResults };

/**
 * A centre's affected years, each counted whole from the year's people, entries, hours and registers,
 * and its closed survey rounds (whose results are written beside the figures).
 */
async function recount(run: Run, w: Planned): Promise<{ years: CentreYear[]; rounds: RoundItem[] }> {
  const records = recordsRepo(run.doc, run.table, w.scope);
  const registers = registerRecordsRepo(run.doc, run.table, w.scope);
  const out: CentreYear[] = [];
  const rounds: RoundItem[] = [];
  for (const year of yearsOf(w.months)) {
    const { first, last } = yearPeriod(year);
    const people = mergeById(await records.participationsActive(first, last), w.changed);
    const entries = await records.entries(first, last);
    const hours = await records.hours(first, last, people);
    const spans = mergeById(await registers.spansActive(first, last), w.spansNow);
    const conversations = await records.conversations(first, last);
    const closed = (await surveyRecordsRepo(run.doc, run.table, w.scope).closedRounds(year)).flatMap(
      (round) => {
        const questionnaire = run.questionnaires.get(round.version);
        return questionnaire ? [{ round, questionnaire }] : [];
      },
    );
    const counted = {
      ...centreRecords(
        people,
        entries,
        hours,
        conversations,
        registersOf(spans, await registers.datedOfYear(year)),
      ),
      rounds: closed.map((c) => ({ questionnaire: c.questionnaire, answers: c.round.answers })),
    };
    out.push(countCentreYear({ id: w.centre, name: w.name }, year, run.current, run.set, counted));
    for (const c of closed)
      rounds.push({
        round: c.round,
        results: roundResults(c.questionnaire, countAnswers(c.questionnaire, c.round.answers)),
      });
  }
  return { years: out, rounds };
}

/**
 * The head-office and network items of every affected year and of the year after each (whose
 * `previous` follows), in order, so a year's rows are ready when the next year takes `previous` from them.
 */
async function publish(
  run: Run,
  recounted: readonly CentreYear[],
  summary: FiguresJobSummary,
): Promise<Record<string, unknown>[]> {
  const hq = headOfficeFiguresRepo(run.doc, run.table);
  const items: Record<string, unknown>[] = [];
  const tables = new Map<number, Map<string, StoredYear>>();
  const years = new Set(recounted.flatMap((c) => [c.year, c.year + 1]));
  for (const year of [...years].sort((a, b) => a - b)) {
    const inYear = recounted.filter((c) => c.year === year);
    const stored = await hq.stored(year, inYear.length > 0);
    const before = tables.get(year - 1) ?? (await hq.stored(year - 1, false)).years;
    const published = publishYear(stored, before, inYear);
    tables.set(year, published.rows);
    for (const row of published.changedRows)
      items.push(figureItems.headOfficeYear(year, row, run.computedAt));
    for (const m of published.monthRows) {
      items.push(figureItems.headOfficeMonth(year, m.month, m.centre, m.figures, run.computedAt));
    }
  }
  const network = await publishNetwork(run.doc, run.table, run.set, tables, run.computedAt);
  if (network.summary) summary.network = network.summary;
  items.push(...network.items);
  return items;
}

async function recomputeAndPublish(run: Run, throughMonth: Month | undefined, summary: FiguresJobSummary) {
  const work = await plan(run, throughMonth, summary);
  const active = work.filter((w) => w.months.size > 0);
  const recounted: CentreYear[] = [];
  const roundItems: Record<string, unknown>[] = [];
  for (const w of active) {
    const { years, rounds } = await recount(run, w);
    recounted.push(...years);
    for (const r of rounds)
      roundItems.push(figureItems.roundResults(w.scope, r.round, r.results, run.computedAt));
  }
  summary.centres = active.length;
  summary.centreYears = recounted.length;
  summary.years = [...new Set(recounted.map((c) => c.year))].sort((a, b) => a - b);

  const items = await publish(run, recounted, summary);
  await catalogueRepo(run.doc, run.table).markUsed(
    usedEntries(
      run.catalogue,
      recounted.map((c) => c.figures),
    ),
  );
  const scopes = new Map(active.map((w) => [w.centre, w.scope]));
  for (const c of recounted) {
    const scope = scopes.get(c.centre) as TenantScope;
    for (const [m, f] of c.months) items.push(figureItems.centreMonth(scope, m, f, run.computedAt));
    items.push(figureItems.centreYear(scope, c.year, centreSurveyView(run.set, c.figures), run.computedAt));
  }
  items.push(...roundItems);
  await run.lease.assertHeld();
  await putAll(run.doc, run.table, items);
  summary.itemsWritten = items.length;

  // Only now, with every figure written: a crash before this point leaves the markers for the rerun.
  await run.lease.assertHeld();
  const markers = dirtyMarkersRepo(run.doc, run.table);
  for (const w of work) {
    for (const { month, seq } of w.monthMarkers) {
      if (await markers.clearMonth(w.scope, month, seq)) summary.markers.cleared += 1;
      else summary.markers.kept += 1;
    }
    for (const p of w.changed) {
      if (await markers.clearParticipant(w.scope, p, spanOf(p))) summary.markers.cleared += 1;
      else summary.markers.kept += 1;
    }
    for (const s of w.spansNow) {
      if (await markers.clearSpan(w.scope, s.sortKey, s.version, spanOf(s))) summary.markers.cleared += 1;
      else summary.markers.kept += 1;
    }
    for (const r of w.closedRounds) {
      if (await markers.clearRound(w.scope, r.id)) summary.markers.cleared += 1;
      else summary.markers.kept += 1;
    }
  }
  summary.markers.kept += summary.markers.unknownCentre;
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
  const table = options.tableName ?? tableName();
  const now = options.now ?? new Date();
  const started = performance.now();
  const counter = countRequests(doc);
  const summary: FiguresJobSummary = {
    runId: randomUUID(),
    status: 'done',
    computedAt: now.toISOString(),
    currentMonth: monthOf(todayInOslo(now)),
    centres: 0,
    centreYears: 0,
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
  const { outcome, lease } = await leaseFor(doc, table, summary.runId, now);
  try {
    if (outcome.kind === 'held') {
      summary.status = 'skipped_running';
      summary.heldBy = outcome.holder;
      return finish();
    }
    const { catalogue } = await catalogueRepo(doc, table).current();
    const published = await questionnaireRepo(doc, table).published();
    const run: Run = {
      doc,
      table,
      current: summary.currentMonth,
      computedAt: summary.computedAt,
      lease,
      catalogue,
      set: defineFigures(catalogue, published),
      questionnaires: new Map(published.map((p) => [p.version, p.questionnaire])),
    };
    try {
      await recomputeAndPublish(run, outcome.state.throughMonth, summary);
    } catch (error) {
      // Free the lease so a retry need not wait for it to expire; should this fail too, it expires.
      await jobLeaseRepo(doc, table)
        .release(summary.runId, { runId: summary.runId, failedAt: summary.computedAt })
        .catch(() => {});
      throw error;
    }
    // The stored summary counts the requests up to this last one.
    await jobLeaseRepo(doc, table).release(summary.runId, { ...finish() }, run.current);
    return finish();
  } finally {
    lease.stop();
    counter.detach();
  }
}
