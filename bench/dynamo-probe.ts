import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { countRequests } from '@crux/store/request-counter';

/**
 * Counts the requests a client sends and the time spent inside `send` (marshalling, signing, the round
 * trip): that time is what the raw DynamoDB requests cost, so what a handler adds on top is the rest.
 */
export type Probe = { reset(): void; requests(): number; sendMs(): number };

const probes = new WeakMap<DynamoDBDocumentClient, Probe>();

export function probe(client: DynamoDBDocumentClient): Probe {
  const existing = probes.get(client);
  if (existing) return existing;
  const counter = countRequests(client);
  let sendMs = 0;
  client.middlewareStack.add(
    (next) => async (args) => {
      const started = performance.now();
      try {
        return await next(args);
      } finally {
        sendMs += performance.now() - started;
      }
    },
    { step: 'initialize', priority: 'high', name: 'benchSendTimer' },
  );
  const made: Probe = {
    reset() {
      counter.reset();
      sendMs = 0;
    },
    requests: () => counter.counts().total,
    sendMs: () => sendMs,
  };
  probes.set(client, made);
  return made;
}
