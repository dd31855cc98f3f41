import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * The read and write request units a client's requests consume, as DynamoDB reports them when asked
 * (`ReturnConsumedCapacity: TOTAL`, added to every request here). Two corrections to DynamoDB Local:
 * it reports a transactional request like a plain one, while AWS bills it twice (two units per 4 KB
 * read or 1 KB write), so Transact* commands count double; and it reports nothing for a read that
 * found nothing, while AWS bills every request at least half a read unit or one write unit.
 */
export type Capacity = { reset(): void; readUnits(): number; writeUnits(): number };

const meters = new WeakMap<DynamoDBDocumentClient, Capacity>();

type Consumed = { CapacityUnits?: number };

const WRITES = /^(Put|Update|Delete|BatchWrite|TransactWrite)/;

export function capacityMeter(client: DynamoDBDocumentClient): Capacity {
  const existing = meters.get(client);
  if (existing) return existing;
  let read = 0;
  let write = 0;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      (args.input as Record<string, unknown>).ReturnConsumedCapacity ??= 'TOTAL';
      const result = await next(args);
      const command = context.commandName ?? '';
      const consumed = (result.output as { ConsumedCapacity?: Consumed | Consumed[] }).ConsumedCapacity;
      const factor = command.startsWith('Transact') ? 2 : 1;
      const reported = [consumed ?? []].flat().reduce((sum, c) => sum + (c.CapacityUnits ?? 0), 0);
      if (WRITES.test(command)) write += Math.max(reported, 1) * factor;
      else read += Math.max(reported, 0.5) * factor;
      return result;
    },
    { step: 'initialize', priority: 'low', name: 'benchCapacityMeter' },
  );
  const made: Capacity = {
    reset() {
      read = 0;
      write = 0;
    },
    readUnits: () => read,
    writeUnits: () => write,
  };
  meters.set(client, made);
  return made;
}
