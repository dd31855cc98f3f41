import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { countRequests } from '@crux/store/request-counter';

/** One request a client sent: its operation and when it was in `send` (performance.now()). */
export type Sent = { command: string; start: number; end: number };

/**
 * Counts the requests a client sends and the time spent inside `send` (the SDK building the command's
 * middleware stack, marshalling, signing, the round trip, unmarshalling): that time is what the raw
 * DynamoDB requests cost, so what a handler adds on top is the rest. Timed from the call of `send` to
 * its answer, as the handler waits for it: a middleware would start the clock only after the SDK has
 * resolved the stack for the command, work the SDK does for every request, not the handler. Requests
 * sent side by side (a read and its access-log write) overlap, so their time is the time at least one
 * of them was under way, not their sum.
 */
export type Probe = {
  reset(): void;
  requests(): number;
  byCommand(): Record<string, number>;
  sendMs(): number;
  sent(): readonly Sent[];
};

const probes = new WeakMap<DynamoDBDocumentClient, Probe>();

/** The time at least one of the requests was under way. */
export function busyMs(sent: readonly Sent[]): number {
  let total = 0;
  let until = Number.NEGATIVE_INFINITY;
  for (const s of [...sent].sort((a, b) => a.start - b.start)) {
    if (s.end <= until) continue;
    total += s.end - Math.max(s.start, until);
    until = s.end;
  }
  return total;
}

export function probe(client: DynamoDBDocumentClient): Probe {
  const existing = probes.get(client);
  if (existing) return existing;
  const counter = countRequests(client);
  let sent: Sent[] = [];
  const send = client.send.bind(client) as (command: unknown, ...rest: unknown[]) => Promise<unknown>;
  client.send = (async (command: { clientCommand?: object }, ...rest: unknown[]) => {
    // The operation as the wire names it (`GetItemCommand`), whichever client's command it is.
    const name = (command.clientCommand ?? command).constructor.name;
    const start = performance.now();
    try {
      return await send(command, ...rest);
    } finally {
      sent.push({ command: name, start, end: performance.now() });
    }
  }) as DynamoDBDocumentClient['send'];
  const made: Probe = {
    reset() {
      counter.reset();
      sent = [];
    },
    requests: () => counter.counts().total,
    byCommand: () => counter.counts().byCommand,
    sendMs: () => busyMs(sent),
    sent: () => sent,
  };
  probes.set(client, made);
  return made;
}
