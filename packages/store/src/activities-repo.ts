import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { ActivitiesCreate, ActivityEntry, ActivityListQuery } from '@crux/domain/activity';
import { monthOf } from '@crux/domain/period';
import { decodeCursor, encodeCursor, type Page } from './cursor';
import { markMonthDirty } from './dirty-markers';
import { type Idempotency, rememberAnswer } from './idempotency';
import { centreKeys } from './keys';
import { assertIssued, type TenantScope } from './tenant-scope';
import { type TransactItem, transact } from './transact';

const internal = new Set(['PK', 'SK']);

function toEntry(item: Record<string, unknown>): ActivityEntry {
  return Object.fromEntries(Object.entries(item).filter(([k]) => !internal.has(k))) as ActivityEntry;
}

export type RecordOutcome =
  | { kind: 'written'; entries: ActivityEntry[] }
  | { kind: 'replayed'; status: number; body: unknown }
  | { kind: 'key_reused' }
  | { kind: 'unknown_participant'; participantId: string };

export function activitiesRepo(doc: DynamoDBDocumentClient, table: string, scope: TenantScope) {
  assertIssued(scope);
  return {
    /**
     * One save of *I dag* is one transaction: an entry per kind, a check that each named participant
     * exists at this centre, the month's dirty marker for the figures job, and the remembered answer —
     * all or nothing.
     */
    async record(
      input: ActivitiesCreate,
      newId: () => string,
      now: string,
      idem: Idempotency,
    ): Promise<RecordOutcome> {
      const entries: ActivityEntry[] = input.entries.map((item) => ({
        ...item,
        id: newId(),
        date: input.date,
        createdAt: now,
        createdBy: scope.subject,
      }));
      const items: TransactItem[] = entries.map((entry) => ({
        Put: {
          TableName: table,
          Item: { ...centreKeys.activity(scope, entry.date, entry.id), ...entry },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      }));
      items.push(markMonthDirty(scope, table, monthOf(input.date)));
      const named = [...new Set(entries.flatMap((e) => (e.participantId ? [e.participantId] : [])))];
      for (const id of named) {
        items.push({
          ConditionCheck: {
            TableName: table,
            Key: centreKeys.participant(scope, id),
            ConditionExpression: 'attribute_exists(PK)',
          },
        });
      }
      const body = { items: entries };
      const outcome = await transact(doc, items, rememberAnswer(table, scope, idem, { status: 201, body }));
      if (outcome.kind === 'written') return { kind: 'written', entries };
      if (outcome.kind !== 'condition_failed') return outcome;
      const participantId = named[outcome.index - entries.length - 1];
      if (participantId) return { kind: 'unknown_participant', participantId };
      throw new Error('activity id collision');
    },

    /** Entries dated from `from` to `to`, both included, in date order. */
    async list(query: ActivityListQuery): Promise<Page<ActivityEntry> | 'bad_cursor'> {
      const pk = centreKeys.pk(scope);
      const from = centreKeys.activityFrom(query.from);
      const to = centreKeys.activityTo(query.to);
      const startSk = query.cursor ? decodeCursor(query.cursor, { from, to }) : undefined;
      if (query.cursor && !startSk) return 'bad_cursor';
      const result = await doc.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
          ExpressionAttributeValues: { ':pk': pk, ':from': from, ':to': to },
          Limit: query.limit,
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
