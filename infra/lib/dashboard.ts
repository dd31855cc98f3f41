import { metricNames } from '@crux/functions/observability/names';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { dynamoThrottles, errorRate, own, period } from './ops-metrics';

export type MonitoredFunction = { fn: lambda.IFunction; service: string };

export type DashboardProps = {
  audiences: readonly string[];
  functions: Record<string, MonitoredFunction>;
  table: dynamodb.ITable;
  indexNames: readonly string[];
  jobService: string;
  deadLetterQueue: sqs.IQueue;
};

const wide = 24;

/**
 * One dashboard for whoever runs the platform: per audience the API's 4xx and 5xx rates and p50/p99
 * latency; per function errors, throttles, duration and cold starts; DynamoDB throttles and consumed
 * capacity; the figures job's duration and markers; the dead-letter queue.
 */
export class OpsDashboard extends Construct {
  readonly dashboard: cloudwatch.Dashboard;

  constructor(scope: Construct, id: string, props: DashboardProps) {
    super(scope, id);
    const graph = (title: string, left: cloudwatch.IMetric[], width = 12, right: cloudwatch.IMetric[] = []) =>
      new cloudwatch.GraphWidget({ title, left, right, width, height: 6 });
    const fns = Object.entries(props.functions);

    const api = props.audiences.flatMap((audience) => [
      graph(`API ${audience}: 4xx and 5xx (% of requests)`, [
        errorRate(audience, 'clientErrors'),
        errorRate(audience, 'serverErrors'),
      ]),
      graph(`API ${audience}: latency (ms)`, [
        own(metricNames.latency, audience, 'p50'),
        own(metricNames.latency, audience, 'p99'),
      ]),
    ]);
    const functions = [
      graph(
        'Function errors',
        fns.map(([, f]) => f.fn.metricErrors({ period, statistic: 'Sum' })),
        6,
      ),
      graph(
        'Function throttles',
        fns.map(([, f]) => f.fn.metricThrottles({ period, statistic: 'Sum' })),
        6,
      ),
      graph(
        'Function duration p99 (ms)',
        fns.map(([, f]) => f.fn.metricDuration({ period, statistic: 'p99' })),
        6,
      ),
      graph(
        'Cold starts',
        fns.map(([, f]) =>
          own('ColdStart', f.service, 'Sum', { function_name: f.fn.functionName }).with({ label: f.service }),
        ),
        6,
      ),
    ];
    const data = [
      graph('DynamoDB throttled requests', [dynamoThrottles(props.table, props.indexNames)], 8),
      graph(
        'DynamoDB consumed capacity units',
        [
          props.table.metricConsumedReadCapacityUnits({ period, statistic: 'Sum' }),
          props.table.metricConsumedWriteCapacityUnits({ period, statistic: 'Sum' }),
        ],
        8,
      ),
      graph(
        'Figures job dead letters',
        [props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period, statistic: 'Maximum' })],
        8,
      ),
    ];
    const job = props.jobService;
    const jobWidgets = [
      graph('Figures job duration (ms)', [own(metricNames.jobDuration, job, 'Maximum')], 8),
      graph(
        'Figures job markers and centres',
        [own(metricNames.markersHandled, job, 'Sum'), own(metricNames.centresRecomputed, job, 'Sum')],
        8,
      ),
      graph('Figures job successful runs', [own(metricNames.jobSucceeded, job, 'Sum')], 8),
    ];
    const text = (markdown: string) => new cloudwatch.TextWidget({ markdown, width: wide, height: 1 });
    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      widgets: [
        [text('### API per audience')],
        [...api],
        [text('### Functions')],
        functions,
        [text('### Data, figures job and dead letters')],
        data,
        jobWidgets,
      ],
    });
  }
}
