import { metricNames } from '@crux/functions/observability/names';
import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { type MonitoredFunction, OpsDashboard } from './dashboard';
import { dynamoThrottles, own, period } from './ops-metrics';

export type MonitoringProps = {
  /** Every function by its platform name, with its Powertools service name. */
  functions: Record<string, MonitoredFunction>;
  /** The API's audiences, each the `service` of its function's metrics. */
  audiences: readonly string[];
  httpApi: apigw.IHttpApi;
  table: dynamodb.ITable;
  indexNames: readonly string[];
  /** The figures job's service name: the "not succeeded for 26 hours" alarm watches its success mark. */
  jobService: string;
  deadLetterQueue: sqs.IQueue;
  /** Who is told; without it the topic exists and subscriptions are added by hand. */
  alarmEmail?: string;
};

/** Thresholds of the API alarms: a share of 5xx answers, and the slowest 1 % of requests. */
export const apiAlarmThresholds = { serverErrorPercent: 5, p99LatencyMs: 2000 } as const;

/** A nightly job that has not succeeded for this long has missed a night and then some. */
export const jobSilenceHours = 26;

/**
 * One topic for everything that needs a person: any function error or throttle; the API answering 5xx
 * to more than a few per cent of requests, or slowly; DynamoDB throttling; any message in the job's
 * dead-letter queue; and a figures job that has not succeeded for 26 hours (stale figures, whatever the
 * cause: the schedule gone, a run that never started, one that fails before it can even dead-letter).
 * And one dashboard (dashboard.ts).
 */
export class Monitoring extends Construct {
  readonly topic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[] = [];
  readonly dashboard: cloudwatch.Dashboard;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    const key = new kms.Key(this, 'AlarmTopicKey', {
      description: 'Encrypts the CRUX alarm topic',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // CloudWatch publishes to the encrypted topic, so it must be able to use the key.
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'CloudWatchAlarmsPublish',
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
    );
    this.topic = new sns.Topic(this, 'Alarms', { masterKey: key, enforceSSL: true });
    if (props.alarmEmail) this.topic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail));
    const notify = new actions.SnsAction(this.topic);

    type AlarmShape = Partial<
      Pick<
        cloudwatch.AlarmProps,
        'threshold' | 'evaluationPeriods' | 'datapointsToAlarm' | 'comparisonOperator' | 'treatMissingData'
      >
    >;
    const alarm = (id: string, metric: cloudwatch.IMetric, description: string, shape: AlarmShape = {}) => {
      const a = new cloudwatch.Alarm(this, id, {
        metric,
        alarmDescription: description,
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        ...shape,
      });
      a.addAlarmAction(notify);
      this.alarms.push(a);
    };

    for (const [name, { fn }] of Object.entries(props.functions)) {
      alarm(`${name}Errors`, fn.metricErrors({ period, statistic: 'Sum' }), `The ${name} function failed`);
      alarm(
        `${name}Throttles`,
        fn.metricThrottles({ period, statistic: 'Sum' }),
        `The ${name} function was throttled`,
      );
    }
    alarm(
      'DeadLetters',
      props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period, statistic: 'Maximum' }),
      'A scheduled job run (figures, retention or access-log export) failed after every retry; see its logs',
    );

    alarm(
      'ApiServerErrorRate',
      new cloudwatch.MathExpression({
        expression: 'IF(requests > 0, 100 * errors / requests, 0)',
        usingMetrics: {
          errors: props.httpApi.metricServerError({ period, statistic: 'Sum' }),
          requests: props.httpApi.metricCount({ period, statistic: 'Sum' }),
        },
        label: 'API 5xx (% of requests)',
        period,
      }),
      `The API answered 5xx to ${apiAlarmThresholds.serverErrorPercent} % or more of its requests in two of three 5-minute periods`,
      { threshold: apiAlarmThresholds.serverErrorPercent, evaluationPeriods: 3, datapointsToAlarm: 2 },
    );
    alarm(
      'ApiLatencyP99',
      props.httpApi.metricLatency({ period, statistic: 'p99' }),
      `The slowest 1 % of API requests took ${apiAlarmThresholds.p99LatencyMs} ms or more for 15 minutes`,
      { threshold: apiAlarmThresholds.p99LatencyMs, evaluationPeriods: 3, datapointsToAlarm: 3 },
    );
    alarm(
      'DynamoThrottles',
      dynamoThrottles(props.table, props.indexNames),
      'DynamoDB throttled requests to the table or an index: users get errors or slow answers',
    );
    alarm(
      'FiguresJobNotSucceeded',
      own(metricNames.jobSucceeded, props.jobService, 'Sum', {}, Duration.hours(1)),
      `The figures job has not succeeded for ${jobSilenceHours} hours: the figures are stale`,
      {
        threshold: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
        evaluationPeriods: jobSilenceHours,
        datapointsToAlarm: jobSilenceHours,
        // No success mark in an hour is the breach itself: silence is what this alarm is for.
        treatMissingData: cloudwatch.TreatMissingData.BREACHING,
      },
    );
    alarm(
      'NetworkPublicationHeldBack',
      own(metricNames.networkUnprotected, props.jobService, 'Maximum', {}, Duration.hours(1)),
      "The figures job held the network's figures back: a late correction would show a cell the network was told was hidden; someone must decide what the network may see",
      { threshold: 1 },
    );

    this.dashboard = new OpsDashboard(this, 'Dashboard', props).dashboard;
  }
}
