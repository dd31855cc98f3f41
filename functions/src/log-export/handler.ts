import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import { loggerFor } from '../observability/logger';
import { metricsFor } from '../observability/metrics';
import { serviceNames } from '../observability/names';
import { type LogExportSummary, runLogExport } from './run';

export { type LogExportOptions, type LogExportSummary, runLogExport } from './run';

const service = serviceNames.logExport;

/** EventBridge Scheduler's target, hourly. The summary holds counts and hours, never a person. */
export const handler = middy<unknown, LogExportSummary>()
  .use(injectLambdaContext(loggerFor(service)))
  .use(logMetrics(metricsFor(service)))
  .handler(async () => {
    const summary = await runLogExport();
    loggerFor(service).info('log_export_done', { ...summary });
    return summary;
  });
