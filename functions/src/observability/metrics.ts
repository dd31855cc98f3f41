import { Metrics } from '@aws-lambda-powertools/metrics';
import { metricNamespace } from './names';

const all = new Map<string, Metrics>();

/**
 * The Powertools Metrics of one function, in the platform's namespace with `service` as its dimension.
 * Published as embedded metric format on the function's log stream when the invocation ends (the
 * `logMetrics` middleware), so a metric costs no API call. `POWERTOOLS_METRICS_DISABLED` turns them
 * off (the local runtime and the tests).
 */
export function metricsFor(service: string): Metrics {
  let metrics = all.get(service);
  if (!metrics) {
    metrics = new Metrics({ namespace: metricNamespace, serviceName: service });
    all.set(service, metrics);
  }
  return metrics;
}
