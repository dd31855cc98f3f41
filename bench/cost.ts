import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@crux/infra/bundling';
import { CruxStack } from '@crux/infra/stack';
import { Template } from 'aws-cdk-lib/assertions';
import { makeApp, webDistFixture } from '../test/infra/synth';
import type { RouteCost } from './api';
import type { JobCost } from './cost-job';
import { type Figure, round } from './measure';

type Coefficients = Partial<
  Record<'perStaffDay' | 'perRegistration' | 'perParticipant' | 'perSession' | 'foundationPerMonth', number>
>;
type CostData = {
  prices: {
    region: string;
    asOf: string;
    lambda: { requestsPerMillion: number; gbSecondArm64: number; initBilled: boolean };
    apiGatewayHttp: { requestsPerMillion: number };
    dynamodb: {
      writeRequestUnitsPerMillion: number;
      readRequestUnitsPerMillion: number;
      storageGbMonth: number;
      pointInTimeRecoveryGbMonth: number;
    };
    cloudwatch: {
      logsIngestedPerGb: number;
      logsStoredGbMonth: number;
      customMetricMonth: number;
      standardAlarmMonth: number;
      dashboardMonth: number;
    };
    xray: { tracesRecordedPerMillion: number };
    kms: { keyMonth: number };
    cognito: { plusMonthlyActiveUser: number };
  };
  usage: {
    centre: Record<
      | 'visitsPerYear'
      | 'contactPointsPerYear'
      | 'participantsPerYear'
      | 'staff'
      | 'volunteers'
      | 'workingDaysPerYear',
      number
    >;
    calls: Record<string, Coefficients>;
    sessions: {
      perStaffDay: number;
      perVolunteerWeek: number;
      tokensPerSession: number;
      coldStartsPerSession: number;
    };
    preTokenMsPerCall: number;
    lambdaPlatformLogBytesPerInvocation: number;
    logRetentionMonths: number;
    tracedShareOfRequests: number;
    storage: {
      bytesPerRegistration: number;
      bytesPerParticipant: number;
      yearsKept: number;
      copiesWithIndexes: number;
    };
    customMetricsActiveShare: number;
  };
};

export const costData: CostData = JSON.parse(readFileSync(join(repoRoot, 'bench/cost-data.json'), 'utf8'));

const MONTHS = 12;
const NIGHTS_PER_MONTH = 365 / MONTHS;
const GB = 1024 ** 3;
const perMillion = (n: number, price: number) => (n / 1e6) * price;

/** What the deployed stack holds that costs by the month, and each function's memory, from `cdk synth`. */
function deployed() {
  const app = makeApp();
  const template = Template.fromStack(
    new CruxStack(app, 'Crux', { webDistDir: webDistFixture() }),
  ).toJSON() as {
    Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
  };
  const all = Object.values(template.Resources);
  const memory: Record<string, number> = {};
  for (const r of all.filter((r) => r.Type === 'AWS::Lambda::Function')) {
    const name = (r.Properties.Tags as { Key: string; Value: string }[] | undefined)?.find(
      (t) => t.Key === 'crux:function',
    )?.Value;
    if (name) memory[name] = Number(r.Properties.MemorySize ?? 128);
  }
  const count = (type: string) => all.filter((r) => r.Type === type).length;
  return {
    memory,
    kmsKeys: count('AWS::KMS::Key'),
    alarms: count('AWS::CloudWatch::Alarm'),
    dashboards: count('AWS::CloudWatch::Dashboard'),
  };
}

/**
 * The monthly cost of the platform from what the bench measured per route (DynamoDB request units,
 * handler time, log bytes), the nightly job at a centre's volume, the stack's memory sizes, and the
 * prices and usage in bench/cost-data.json. Per centre it counts what grows with the centres (the API,
 * DynamoDB, the job, their logs and traces); what the foundation pays once is listed apart.
 */
export function costModel(routes: RouteCost[], jobs: JobCost[], coldImportMs: number): Figure[] {
  const { prices, usage } = costData;
  const stack = deployed();
  const measured = new Map(routes.map((r) => [r.routeKey, r]));
  const missing = Object.keys(usage.calls).filter((k) => !measured.has(k));
  if (missing.length) throw new Error(`cost model: no measurement for ${missing.join(', ')} (bench/api.ts)`);
  const unmodelled = routes.map((r) => r.routeKey).filter((k) => !(k in usage.calls));

  const c = usage.centre;
  const staffDays = (c.staff * c.workingDaysPerYear) / MONTHS;
  const sessions =
    staffDays * usage.sessions.perStaffDay + (c.volunteers * 52 * usage.sessions.perVolunteerWeek) / MONTHS;
  const drivers = {
    perStaffDay: staffDays,
    perRegistration: (c.visitsPerYear + c.contactPointsPerYear) / MONTHS,
    perParticipant: c.participantsPerYear / MONTHS,
    perSession: sessions,
  };
  const gbSecond = (ms: number, fn: string) => (Math.ceil(ms) / 1000) * ((stack.memory[fn] ?? 1024) / 1024);

  function perCentre(centres: number) {
    let calls = 0;
    let lambdaGbS = 0;
    let rru = 0;
    let wru = 0;
    let logBytes = 0;
    for (const [key, coefficients] of Object.entries(usage.calls)) {
      const r = measured.get(key) as RouteCost;
      const n =
        Object.entries(drivers).reduce(
          (sum, [d, v]) => sum + (coefficients[d as keyof typeof drivers] ?? 0) * v,
          0,
        ) +
        (coefficients.foundationPerMonth ?? 0) / centres;
      calls += n;
      lambdaGbS += n * gbSecond(r.handlerMs, r.audience);
      rru += n * r.readUnits;
      wru += n * r.writeUnits;
      logBytes += n * (r.logBytes + usage.lambdaPlatformLogBytesPerInvocation);
    }
    const tokens = sessions * usage.sessions.tokensPerSession;
    const coldStarts = sessions * usage.sessions.coldStartsPerSession;
    const initGbS = prices.lambda.initBilled ? coldStarts * gbSecond(coldImportMs, 'centre') : 0;
    const tokenGbS = tokens * gbSecond(usage.preTokenMsPerCall, 'preToken');
    logBytes += tokens * usage.lambdaPlatformLogBytesPerInvocation;

    // The nightly job: a fixed part and a part per centre, from the runs measured at two sizes.
    const [small, large] = [jobs[0], jobs[jobs.length - 1]] as [JobCost, JobCost];
    const slope = (f: (j: JobCost) => number) =>
      large.centres === small.centres
        ? f(small) / small.centres
        : (f(large) - f(small)) / (large.centres - small.centres);
    const at = (f: (j: JobCost) => number) =>
      Math.max(0, f(small) + slope(f) * (centres - small.centres)) / centres;
    const jobNight =
      perMillion(1 / centres, prices.lambda.requestsPerMillion) +
      gbSecond(
        at((j) => j.durationMs),
        'figuresJob',
      ) *
        prices.lambda.gbSecondArm64 +
      perMillion(
        at((j) => j.readUnits),
        prices.dynamodb.readRequestUnitsPerMillion,
      ) +
      perMillion(
        at((j) => j.writeUnits),
        prices.dynamodb.writeRequestUnitsPerMillion,
      );

    const storedGb =
      (((c.visitsPerYear + c.contactPointsPerYear) * usage.storage.bytesPerRegistration +
        c.participantsPerYear * usage.storage.bytesPerParticipant) *
        usage.storage.yearsKept *
        usage.storage.copiesWithIndexes) /
      GB;
    const parts = {
      lambdaRequests: perMillion(calls + tokens, prices.lambda.requestsPerMillion),
      lambdaDuration: (lambdaGbS + initGbS + tokenGbS) * prices.lambda.gbSecondArm64,
      apiGateway: perMillion(calls, prices.apiGatewayHttp.requestsPerMillion),
      dynamodbRequests:
        perMillion(rru, prices.dynamodb.readRequestUnitsPerMillion) +
        perMillion(wru, prices.dynamodb.writeRequestUnitsPerMillion),
      dynamodbStorage:
        storedGb * (prices.dynamodb.storageGbMonth + prices.dynamodb.pointInTimeRecoveryGbMonth),
      logs:
        (logBytes / GB) *
        (prices.cloudwatch.logsIngestedPerGb +
          prices.cloudwatch.logsStoredGbMonth * usage.logRetentionMonths),
      tracing: perMillion(
        (calls + tokens) * usage.tracedShareOfRequests,
        prices.xray.tracesRecordedPerMillion,
      ),
      figuresJob: jobNight * NIGHTS_PER_MONTH,
    };
    const total = Object.values(parts).reduce((a, b) => a + b, 0);
    return { total, parts, calls: Math.round(calls), sessions: Math.round(sessions) };
  }

  const scales = [1, 20, 200].map((n) => ({ centres: n, ...perCentre(n) }));
  const goal = 0.25;
  const money = (n: number) => round(n, 4);
  const customMetricsUpperBound =
    // Per audience: requests, 4xx, 5xx, latency, cold starts and the refusals by status; the job's four;
    // the trigger's two and its cold start; registrations by kind (12 kinds assumed).
    4 * (4 + 1 + 8) + 4 + 3 + 12;
  const fixed = {
    kmsKeys: stack.kmsKeys * prices.kms.keyMonth,
    alarms: stack.alarms * prices.cloudwatch.standardAlarmMonth,
    dashboard: stack.dashboards * prices.cloudwatch.dashboardMonth,
    customMetrics:
      customMetricsUpperBound * usage.customMetricsActiveShare * prices.cloudwatch.customMetricMonth,
    cloudFront: 0,
  };
  const fixedTotal = Object.values(fixed).reduce((a, b) => a + b, 0);
  const cognitoPerCentre = (c.staff + c.volunteers) * prices.cognito.plusMonthlyActiveUser;
  const [one] = scales as [(typeof scales)[number]];
  return [
    {
      id: 'cost.centre-month',
      label: `Monthly cost per centre at Øvre Eiker's volume: API, DynamoDB and figures job (USD, ${prices.region} on-demand, prices of ${prices.asOf})`,
      value: money(one.total),
      unit: 'USD',
      target: `≤ ${goal} per centre-month, alone and at 20 and 200 centres`,
      pass: scales.every((s) => s.total <= goal),
      detail: {
        ...Object.fromEntries(
          scales.map((s) => [
            `${s.centres} centre${s.centres > 1 ? 's' : ''}`,
            { perCentre: money(s.total), foundationTotal: round(s.total * s.centres, 2) },
          ]),
        ),
        breakdownOneCentre: Object.fromEntries(Object.entries(one.parts).map(([k, v]) => [k, money(v)])),
        apiCallsPerCentreMonth: one.calls,
        signInsPerCentreMonth: one.sessions,
        ...(unmodelled.length ? { unmodelledRoutes: unmodelled } : {}),
      },
    },
    {
      id: 'cost.fixed-month',
      label:
        'Monthly costs listed apart: foundation-wide (KMS keys, alarms, dashboard, custom metrics, CloudFront) and Cognito per centre (USD)',
      value: round(fixedTotal, 2),
      unit: 'USD',
      target: 'listed apart, not in the per-centre goal',
      pass: true,
      detail: {
        ...Object.fromEntries(Object.entries(fixed).map(([k, v]) => [k, round(v, 2)])),
        counts: { kmsKeys: stack.kmsKeys, alarms: stack.alarms, dashboards: stack.dashboards },
        cloudFrontNote: 'within the always-free tier (1 TB and 10 M requests a month) at 200 centres',
        cognitoPlusPerCentre: round(cognitoPerCentre, 2),
        cognitoNote: `${c.staff + c.volunteers} monthly active users per centre on the Plus plan (MFA and threat protection)`,
        ...Object.fromEntries(
          scales
            .slice(1)
            .map((s) => [
              `foundationAt${s.centres}WithEverything`,
              round(s.total * s.centres + fixedTotal + cognitoPerCentre * s.centres, 2),
            ]),
        ),
      },
    },
  ];
}
