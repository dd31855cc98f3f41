import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { describe, expect, it, vi } from 'vitest';
import { metricNames } from '../observability/names';
import { recordJobRun } from './observe';
import type { FiguresJobSummary } from './run';

const summary = (status: FiguresJobSummary['status']): FiguresJobSummary => ({
  runId: 'run-1',
  status,
  computedAt: '2026-12-02T01:30:00.000Z',
  currentMonth: '2026-12',
  centres: 3,
  centreYears: 4,
  years: [2026],
  markers: { read: 7, cleared: 6, kept: 1, unknownCentre: 0 },
  itemsWritten: 40,
  requests: { total: 30, byCommand: {}, itemsRead: 90 },
  durationMs: 850,
});

function metricsOf(run: FiguresJobSummary): Record<string, number> {
  const metrics = new Metrics({ namespace: 'CRUX-test', serviceName: 'figures-job' });
  const logger = new Logger({ serviceName: 'figures-job', logLevel: 'SILENT' });
  const added: Record<string, number> = {};
  vi.spyOn(metrics, 'addMetric').mockImplementation((name, _unit, value) => {
    added[name] = value;
    return metrics;
  });
  recordJobRun(logger, metrics, run);
  return added;
}

describe("the figures job's metrics", () => {
  it('a run that did its work: duration, markers handled, centres recomputed and the success mark', () => {
    expect(metricsOf(summary('done'))).toEqual({
      [metricNames.jobDuration]: 850,
      [metricNames.markersHandled]: 7,
      [metricNames.centresRecomputed]: 3,
      [metricNames.jobSucceeded]: 1,
    });
  });

  it("a run that published the network's figures: its cells, the share hidden beyond the small ones, and the unprotected", () => {
    const run = { ...summary('done'), network: { cells: 1200, hiddenBeyondSmall: 0.0425, unprotected: 0 } };
    expect(metricsOf(run)).toMatchObject({
      [metricNames.networkCells]: 1200,
      [metricNames.networkHiddenBeyondSmall]: 4.3,
      [metricNames.networkUnprotected]: 0,
    });
    const held = { ...run, network: { ...run.network, unprotected: 2 } };
    expect(metricsOf(held)[metricNames.networkUnprotected]).toBe(2);
  });

  it('a run that found another holding the lease marks no success: only the holder may', () => {
    expect(metricsOf(summary('skipped_running'))).toEqual({ [metricNames.jobDuration]: 850 });
  });
});
