import { Tracer } from '@aws-lambda-powertools/tracer';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import type { MiddlewareObj } from '@middy/core';
import { onDocumentClient } from '../runtime/dynamo';

/**
 * X-Ray tracing with Powertools' Tracer: the invocation as a segment (with cold start and service
 * annotations) and every DynamoDB request of the function's client as a subsegment. Imported only by
 * the functions whose cold start can afford the X-Ray SDK (about 125 KB): not the centre API, whose
 * invocations Lambda's active tracing still records. Off outside Lambda.
 */
export function tracing<E, R>(service: string): MiddlewareObj<E, R> {
  const tracer = new Tracer({ serviceName: service });
  onDocumentClient((client) => tracer.captureAWSv3Client(client));
  return captureLambdaHandler(tracer) as MiddlewareObj<E, R>;
}
