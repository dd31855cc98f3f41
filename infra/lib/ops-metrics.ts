import { metricNames, metricNamespace } from '@crux/functions/observability/names';
import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';

/**
 * The metrics the dashboard and the alarms read, built once: the platform's own (Powertools Metrics,
 * embedded metric format, namespace and names from functions/src/observability/names.ts) and AWS's.
 */
export const period = Duration.minutes(5);

/** One of the platform's metrics of one function (`service` is its Powertools service name). */
export const own = (
  name: string,
  service: string,
  statistic: string,
  extra: Record<string, string> = {},
  metricPeriod: Duration = period,
) =>
  new cloudwatch.Metric({
    namespace: metricNamespace,
    metricName: name,
    dimensionsMap: { service, ...extra },
    statistic,
    period: metricPeriod,
  });

/** An audience's share of answers that are 4xx or 5xx, in per cent: the metrics are 0 or 1 per request. */
export const errorRate = (audience: string, which: 'clientErrors' | 'serverErrors') =>
  new cloudwatch.MathExpression({
    // Ids must be unique within a graph, which shows both rates.
    expression: `100 * ${which}_${audience}`,
    usingMetrics: { [`${which}_${audience}`]: own(metricNames[which], audience, 'Average') },
    label: `${audience} ${which === 'clientErrors' ? '4xx' : '5xx'} %`,
    period,
  });

/** Throttled requests on the table and each index, reads and writes together. */
export function dynamoThrottles(
  table: dynamodb.ITable,
  indexNames: readonly string[],
): cloudwatch.MathExpression {
  const metrics: Record<string, cloudwatch.IMetric> = {};
  const targets: (string | undefined)[] = [undefined, ...indexNames];
  targets.forEach((index, i) => {
    for (const op of ['Read', 'Write'] as const) {
      metrics[`${op.toLowerCase()}${i}`] = table.metric(`${op}ThrottleEvents`, {
        statistic: 'Sum',
        period,
        ...(index ? { dimensionsMap: { TableName: table.tableName, GlobalSecondaryIndexName: index } } : {}),
      });
    }
  });
  return new cloudwatch.MathExpression({
    expression: Object.keys(metrics).join(' + '),
    usingMetrics: metrics,
    label: 'Throttled requests (table and indexes)',
    period,
  });
}
