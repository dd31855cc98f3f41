import { audienceNames } from '@crux/api/audiences';
import { metricNames, metricNamespace, serviceNames } from '@crux/functions/observability/names';
import { functionEntries } from '@crux/infra/bundling';
import { apiAlarmThresholds, jobSilenceHours } from '@crux/infra/monitoring';
import { table as definition } from '@crux/store/table';
import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { refId, resourcesOf, synthStack } from './synth';

let template: Template;
beforeAll(() => {
  template = synthStack().template;
});

type MetricStat = {
  Metric: { Namespace: string; MetricName: string; Dimensions: { Name: string; Value: unknown }[] };
  Stat: string;
};
type AlarmProps = {
  AlarmActions: unknown[];
  Metrics?: { Id: string; Expression?: string; MetricStat?: MetricStat }[];
  [key: string]: unknown;
};
const alarms = () =>
  Object.values(resourcesOf(template, 'AWS::CloudWatch::Alarm')).map((a) => a.Properties as AlarmProps);
const byDescription = (re: RegExp) => {
  const found = alarms().filter((a) => re.test(String(a.AlarmDescription)));
  expect(found, String(re)).toHaveLength(1);
  return found[0] as AlarmProps;
};
const topicId = () => Object.keys(resourcesOf(template, 'AWS::SNS::Topic'))[0];
const apiId = () => Object.keys(resourcesOf(template, 'AWS::ApiGatewayV2::Api'))[0];

describe('alarms, to the encrypted topic', () => {
  it("the API's 5xx rate: 5xx over all requests of the HTTP API, in per cent", () => {
    const alarm = byDescription(/answered 5xx/);
    expect(alarm.AlarmActions).toEqual([{ Ref: topicId() }]);
    expect(alarm).toMatchObject({
      Threshold: apiAlarmThresholds.serverErrorPercent,
      EvaluationPeriods: 3,
      DatapointsToAlarm: 2,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
    const stats = (alarm.Metrics ?? []).flatMap((m) => (m.MetricStat ? [m.MetricStat] : []));
    expect(stats.map((s) => `${s.Metric.Namespace}/${s.Metric.MetricName}/${s.Stat}`).sort()).toEqual([
      'AWS/ApiGateway/5xx/Sum',
      'AWS/ApiGateway/Count/Sum',
    ]);
    for (const s of stats) expect(refId(s.Metric.Dimensions[0]?.Value)).toBe(apiId());
    expect(alarm.Metrics?.find((m) => m.Expression)?.Expression).toBe(
      'IF(requests > 0, 100 * errors / requests, 0)',
    );
  });

  it("the API's p99 latency", () => {
    const alarm = byDescription(/slowest 1 %/);
    expect(alarm).toMatchObject({
      Namespace: 'AWS/ApiGateway',
      MetricName: 'Latency',
      ExtendedStatistic: 'p99',
      Threshold: apiAlarmThresholds.p99LatencyMs,
      AlarmActions: [{ Ref: topicId() }],
    });
  });

  it('DynamoDB throttling, reads and writes, on the table and every index', () => {
    const alarm = byDescription(/DynamoDB throttled/);
    const stats = (alarm.Metrics ?? []).flatMap((m) => (m.MetricStat ? [m.MetricStat] : []));
    const seen = stats.map(
      (s) =>
        `${s.Metric.MetricName}:${s.Metric.Dimensions.find((d) => d.Name === 'GlobalSecondaryIndexName')?.Value ?? 'table'}`,
    );
    const expected = ['table', ...definition.indexes.map((i) => i.name)].flatMap((t) => [
      `ReadThrottleEvents:${t}`,
      `WriteThrottleEvents:${t}`,
    ]);
    expect(seen.sort()).toEqual(expected.sort());
    const sum = alarm.Metrics?.find((m) => m.Expression)?.Expression ?? '';
    expect(sum.split(' + ')).toHaveLength(expected.length);
    expect(alarm).toMatchObject({ Threshold: 1, AlarmActions: [{ Ref: topicId() }] });
  });

  it('the figures job has not succeeded for 26 hours: its success mark missing is the breach', () => {
    const alarm = byDescription(/has not succeeded/);
    expect(alarm).toMatchObject({
      Namespace: metricNamespace,
      MetricName: metricNames.jobSucceeded,
      Dimensions: [{ Name: 'service', Value: serviceNames.figuresJob }],
      Statistic: 'Sum',
      Period: 3600,
      EvaluationPeriods: jobSilenceHours,
      DatapointsToAlarm: jobSilenceHours,
      Threshold: 1,
      ComparisonOperator: 'LessThanThreshold',
      TreatMissingData: 'breaching',
      AlarmActions: [{ Ref: topicId() }],
    });
    // CloudWatch allows at most seven days of evaluation for periods of an hour or more.
    expect(3600 * jobSilenceHours).toBeLessThanOrEqual(7 * 24 * 3600);
    expect(jobSilenceHours).toBe(26);
  });
});

describe("the network's publication", () => {
  it('alarms when a figures run held the network back because no protection could keep a hidden cell', () => {
    expect(byDescription(/held the network's figures back/)).toMatchObject({
      Namespace: metricNamespace,
      MetricName: metricNames.networkUnprotected,
      Dimensions: [{ Name: 'service', Value: serviceNames.figuresJob }],
      Statistic: 'Maximum',
      Period: 3600,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      AlarmActions: [{ Ref: topicId() }],
    });
  });
});

describe('the dashboard', () => {
  const body = () => {
    const dashboards = Object.values(resourcesOf(template, 'AWS::CloudWatch::Dashboard'));
    expect(dashboards).toHaveLength(1);
    return JSON.stringify(dashboards[0]?.Properties.DashboardBody);
  };

  it('per audience: 4xx and 5xx rates and p50/p99 latency from the functions’ own metrics', () => {
    const text = body();
    for (const audience of audienceNames) {
      for (const metric of [metricNames.clientErrors, metricNames.serverErrors])
        expect(text).toContain(`[\\"${metricNamespace}\\",\\"${metric}\\",\\"service\\",\\"${audience}\\"`);
      expect(text).toContain(`API ${audience}: latency`);
      expect(text).toMatch(
        new RegExp(`"${metricNames.latency}\\\\",\\\\"service\\\\",\\\\"${audience}\\\\",\\{[^}]*p50`),
      );
      expect(text).toMatch(
        new RegExp(`"${metricNames.latency}\\\\",\\\\"service\\\\",\\\\"${audience}\\\\",\\{[^}]*p99`),
      );
    }
  });

  it('per function errors, throttles, duration and cold starts; DynamoDB; the job; the dead letters', () => {
    const text = body();
    const functionIds = Object.entries(resourcesOf(template, 'AWS::Lambda::Function'))
      .filter(([, f]) => String(f.Properties.Runtime).startsWith('nodejs'))
      .map(([id]) => id);
    // Every function entry is deployed once.
    expect(functionIds).toHaveLength(Object.keys(functionEntries).length);
    for (const id of functionIds) {
      for (const metric of ['Errors', 'Throttles', 'Duration'])
        expect(text).toContain(`[\\"AWS/Lambda\\",\\"${metric}\\",\\"FunctionName\\",\\"",{"Ref":"${id}"}`);
      expect(text).toContain(`\\"ColdStart\\",\\"function_name\\",\\"",{"Ref":"${id}"}`);
    }
    for (const metric of [
      'ReadThrottleEvents',
      'WriteThrottleEvents',
      'ConsumedReadCapacityUnits',
      'ConsumedWriteCapacityUnits',
      'ApproximateNumberOfMessagesVisible',
      metricNames.jobDuration,
      metricNames.markersHandled,
      metricNames.centresRecomputed,
      metricNames.jobSucceeded,
    ])
      expect(text, metric).toContain(`\\"${metric}\\"`);
  });
});
