import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { ActivityCreate, ActivityEntry, ActivityRange } from '@crux/domain/activity';
import { monthOf } from '@crux/domain/period';
import { decodeCursor, encodeCursor } from './cursor';
import { markMonthDirty } from './dirty';
import { centreKeys } from './keys';
import type { Page } from './participants-repo';
import { assertIssued, type TenantScope } from './tenant-scope';
import { type IdempotencyRecord, type TransactItem, transact } from './transact';

const internal = new Set(['PK', 'SK']);

function toEntry(item: Record<string, unknown>): ActivityEntry {
  return Object.fromEntries(Object.entries(item).filter(([k]) => !internal.has(k))) as ActivityEntry;
}

export type RecordOutcome =
  | { kind: 'written'; entry: ActivityEntry }
  | { kind: 'replayed'; status: number; body: unknown }
  | { kind: 'key_reused' }
  | { kind: 'unknown_participant' };

export function activitiesRepo(doc: DynamoDBDocumentClient, table: string, scope: TenantScope) {
  assertIssued(scope);
  return {
    /**
     * One transaction: the entry, a check that its participant exists at this centre, the month's dirty
     * marker for the figures job, and the idempotency record — all or nothing.
     */
    async record(
      id: string,
      input: ActivityCreate,
      now: string,
      idempotency: (e: ActivityEntry) => IdempotencyRecord,
    ): Promise<RecordOutcome> {
      const entry: ActivityEntry = { ...input, id, createdAt: now, createdBy: scope.subject };
      const items: TransactItem[] = [
        {
          Put: {
            TableName: table,
            Item: { ...centreKeys.activity(scope, input.date, id), ...entry },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
        markMonthDirty(scope, table, monthOf(input.date)),
      ];
      if (input.participantId) {
        items.push({
          ConditionCheck: {
            TableName: table,
            Key: centreKeys.participant(scope, input.participantId),
            ConditionExpression: 'attribute_exists(PK)',
          },
        });
      }
      const outcome = await transact(doc, table, items, idempotency(entry));
      if (outcome.kind === 'written') return { kind: 'written', entry };
      if (outcome.kind === 'replayed' || outcome.kind === 'key_reused') return outcome;
      if (outcome.index === 2) return { kind: 'unknown_participant' };
      throw new Error('activity id collision');
    },

    /** Entries dated from `from` to `to`, both included, in date order. */
    async list(
      range: ActivityRange,
      options: { limit: number; cursor?: string | undefined },
    ): Promise<Page<ActivityEntry> | 'bad_cursor'> {
      const pk = centreKeys.pk(scope);
      const startSk = options.cursor ? decodeCursor(options.cursor, 'A#') : undefined;
      if (options.cursor && !startSk) return 'bad_cursor';
      const result = await doc.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
          ExpressionAttributeValues: {
            ':pk': pk,
            ':from': centreKeys.activityFrom(range.from),
            ':to': centreKeys.activityTo(range.to),
          },
          Limit: options.limit,
          ...(startSk ? { ExclusiveStartKey: { PK: pk, SK: startSk } } : {}),
        }),
      );
      const last = result.LastEvaluatedKey?.SK;
      return {
        items: (result.Items ?? []).map(toEntry),
        ...(typeof last === 'string' ? { nextCursor: encodeCursor(last) } : {}),
      };
    },
  };
}
