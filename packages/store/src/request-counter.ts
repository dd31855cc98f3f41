import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * How many requests went over the wire, in all and per operation (`QueryCommand`, `BatchWriteItemCommand`…),
 * and how many items the reads went through (a query's `ScannedCount`, including what a filter dropped):
 * a read that grows with history shows there even while it still fits in one request.
 */
export type RequestCounts = { total: number; byCommand: Record<string, number>; itemsRead: number };

function itemsReadBy(output: unknown): number {
  const o = (output ?? {}) as { ScannedCount?: unknown; Item?: unknown; Responses?: unknown };
  if (typeof o.ScannedCount === 'number') return o.ScannedCount;
  if (o.Item) return 1;
  if (o.Responses && typeof o.Responses === 'object' && !Array.isArray(o.Responses)) {
    return Object.values(o.Responses as Record<string, unknown[]>).reduce((n, items) => n + items.length, 0);
  }
  return 0;
}

export type RequestCounter = {
  /** A copy of the counts so far. */
  counts(): RequestCounts;
  reset(): void;
  /** Takes the middleware off the client again. */
  detach(): void;
};

let counters = 0;

/**
 * Counts the requests a client sends: the figures job reports its cost with it, and the incremental
 * test and the benchmark compare counts. It sits at the end of `finalizeRequest`, after the retry
 * middleware, so every attempt is counted (a retried request costs DynamoDB twice). The document client
 * shares its middleware stack with the client it wraps, so either may be passed.
 */
export function countRequests(client: DynamoDBDocumentClient | DynamoDBClient): RequestCounter {
  // Each counter has its own name, so the job's own counter and a benchmark's can count side by side.
  const name = `cruxRequestCounter${++counters}`;
  let total = 0;
  let itemsRead = 0;
  let byCommand: Record<string, number> = {};
  client.middlewareStack.add(
    (next, context) => async (args) => {
      total += 1;
      const command = context.commandName ?? 'unknown';
      byCommand[command] = (byCommand[command] ?? 0) + 1;
      const result = await next(args);
      itemsRead += itemsReadBy((result as { output?: unknown }).output);
      return result;
    },
    { step: 'finalizeRequest', priority: 'low', name },
  );
  return {
    counts: () => ({ total, byCommand: { ...byCommand }, itemsRead }),
    reset: () => {
      total = 0;
      itemsRead = 0;
      byCommand = {};
    },
    detach: () => {
      client.middlewareStack.remove(name);
    },
  };
}
