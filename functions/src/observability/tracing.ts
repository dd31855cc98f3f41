import { Tracer } from '@aws-lambda-powertools/tracer';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { MiddlewareObj } from '@middy/core';

type ClientHook = (hook: (client: DynamoDBDocumentClient) => void) => void;

/**
 * X-Ray tracing with Powertools' Tracer: the invocation as a segment (with cold-start and service
 * annotations) and, given `clients` (runtime/dynamo's `onDocumentClient`), every DynamoDB request of the
 * function's clients as a subsegment. Used only by the functions whose cold start can afford the X-Ray
 * SDK (about 125 KB): not the centre API, whose invocations Lambda's active tracing still records.
 * Off outside Lambda.
 */
export function tracing<E, R>(service: string, clients?: ClientHook): MiddlewareObj<E, R> {
  const tracer = new Tracer({ serviceName: service });
  clients?.((client) => tracer.captureAWSv3Client(client));
  return captureLambdaHandler(tracer) as MiddlewareObj<E, R>;
}
