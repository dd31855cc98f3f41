import type { Logger } from '@aws-lambda-powertools/logger';
import { type Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { metricNames } from '../observability/names';
import type { FiguresJobSummary } from './run';

/**
 * What a run tells the operators: one log line with its summary (counts only) and its metrics. A run
 * that found another holding the lease did no work and marks no success: the holder marks its own.
 */
export function recordJobRun(
  logger: Logger,
  metrics: Metrics,
  summary: FiguresJobSummary,
): FiguresJobSummary {
  logger.info('figures job', { ...summary });
  metrics.addMetric(metricNames.jobDuration, MetricUnit.Milliseconds, summary.durationMs);
  if (summary.status === 'done') {
    metrics.addMetric(
      metricNames.markersHandled,
      MetricUnit.Count,
      summary.markers.cleared + summary.markers.kept,
    );
    metrics.addMetric(metricNames.centresRecomputed, MetricUnit.Count, summary.centres);
    metrics.addMetric(metricNames.jobSucceeded, MetricUnit.Count, 1);
  }
  if (summary.network) {
    metrics.addMetric(metricNames.networkCells, MetricUnit.Count, summary.network.cells);
    metrics.addMetric(
      metricNames.networkHiddenBeyondSmall,
      MetricUnit.Percent,
      Math.round(summary.network.hiddenBeyondSmall * 1000) / 10,
    );
    metrics.addMetric(metricNames.networkUnprotected, MetricUnit.Count, summary.network.unprotected);
  }
  return summary;
}
