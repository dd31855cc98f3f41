import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import { loggerFor } from '../observability/logger';
import { metricsFor } from '../observability/metrics';
import { serviceNames } from '../observability/names';
import { tracing } from '../observability/tracing';
import { onDocumentClient } from '../runtime/dynamo';
import { recordJobRun } from './observe';
import { type FiguresJobSummary, runFiguresJob } from './run';

export { type FiguresJobOptions, type FiguresJobSummary, runFiguresJob } from './run';

const service = serviceNames.figuresJob;

/**
 * EventBridge Scheduler's target (nightly, and on demand). The schedule's payload carries nothing the
 * job needs: what to do comes from the dirty markers. The summary holds counts only, no names or ids
 * of people, so it can go to the logs as it is; its figures go to the metrics, with the success mark
 * the "has not succeeded for 26 hours" alarm waits for.
 */
export const handler = middy<unknown, FiguresJobSummary>()
  .use(tracing(service, onDocumentClient))
  .use(injectLambdaContext(loggerFor(service)))
  .use(logMetrics(metricsFor(service), { captureColdStartMetric: true }))
  .handler(async () => recordJobRun(loggerFor(service), metricsFor(service), await runFiguresJob()));
