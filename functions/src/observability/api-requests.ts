import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import type { Audience } from '@crux/api/audiences';
import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { Principal } from '../http/principal';
import type { ApiResponse } from '../http/response';
import { loggerFor } from './logger';
import { metricsFor } from './metrics';
import { metricNames } from './names';

type Middleware = MiddlewareObj<APIGatewayProxyEventV2, ApiResponse>;

/** Who made a request, once the token said so; kept beside the event, so concurrent requests never mix. */
const callers = new WeakMap<APIGatewayProxyEventV2, Pick<Principal, 'role' | 'centre'>>();

/** Called by the pipeline once the token is verified: the role and centre, the only claims a log line may carry. */
export function noteCaller(event: APIGatewayProxyEventV2, principal: Principal): void {
  callers.set(event, { role: principal.role, ...(principal.centre ? { centre: principal.centre } : {}) });
}

/**
 * One structured line and one set of metrics per request, after the answer: the request id as the
 * correlation id, the route, the audience, the caller's role and centre, the status and the latency.
 * Never the body, the path's values or any other claim.
 */
function requestLine(audience: Audience): Middleware {
  const logger = loggerFor(audience);
  const metrics = metricsFor(audience);
  const started = new WeakMap<APIGatewayProxyEventV2, number>();
  return {
    before: ({ event }) => {
      started.set(event, performance.now());
    },
    after: ({ event, response }) => {
      const status = response?.statusCode ?? 500;
      const latency = Math.round((performance.now() - (started.get(event) ?? performance.now())) * 10) / 10;
      const caller = callers.get(event);
      logger.info('request', {
        correlation_id: event.requestContext?.requestId,
        route: event.routeKey,
        audience,
        role: caller?.role,
        centre: caller?.centre,
        status,
        latency_ms: latency,
      });
      metrics.addMetric(metricNames.requests, MetricUnit.Count, 1);
      metrics.addMetric(metricNames.clientErrors, MetricUnit.Count, status >= 400 && status < 500 ? 1 : 0);
      metrics.addMetric(metricNames.serverErrors, MetricUnit.Count, status >= 500 ? 1 : 0);
      metrics.addMetric(metricNames.latency, MetricUnit.Milliseconds, latency);
      if (status >= 400 && status < 500) {
        const refused = metrics.singleMetric();
        refused.addDimension('status', String(status));
        refused.addMetric(metricNames.refused, MetricUnit.Count, 1);
      }
    },
  };
}

/**
 * The middlewares of every API function, in Powertools' order: `first` (the Tracer, for the functions
 * whose cold start can afford it), the Logger's Lambda context, Metrics (with the cold-start metric),
 * then the request line.
 */
export function apiMiddlewares(audience: Audience, first: readonly Middleware[] = []): Middleware[] {
  return [
    ...first,
    injectLambdaContext(loggerFor(audience)),
    logMetrics(metricsFor(audience), { captureColdStartMetric: true }),
    requestLine(audience),
  ];
}

/** New records written by a request, one kind each (a replayed retry writes nothing and counts nothing). */
export function countRegistrations(audience: Audience, kinds: readonly string[]): void {
  const counts = new Map<string, number>();
  for (const kind of kinds) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  for (const [kind, count] of counts) {
    const metric = metricsFor(audience).singleMetric();
    metric.addDimension('kind', kind);
    metric.addMetric(metricNames.registrations, MetricUnit.Count, count);
  }
}
