import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import { loggerFor } from '../observability/logger';
import { metricsFor } from '../observability/metrics';
import { serviceNames } from '../observability/names';
import { type RetentionJobSummary, runRetentionJob } from './run';

export { type RetentionJobOptions, type RetentionJobSummary, runRetentionJob } from './run';

const service = serviceNames.retentionJob;

/**
 * EventBridge Scheduler's target, nightly. The summary holds counts and dates only, never a person, so
 * it goes to the logs as it is.
 */
export const handler = middy<unknown, RetentionJobSummary>()
  .use(injectLambdaContext(loggerFor(service)))
  .use(logMetrics(metricsFor(service)))
  .handler(async () => {
    const summary = await runRetentionJob();
    loggerFor(service).info('retention_job_done', { ...summary });
    return summary;
  });
