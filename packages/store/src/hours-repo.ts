import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { monthOf } from '@crux/domain/period';
import type { HoursCreate, HoursEntry, HoursListQuery } from '@crux/domain/records/spans';
import { markMonthDirty } from './dirty-markers';
import { type Idempotency, type Replay, rememberAnswer } from './idempotency';
import { centreKeys } from './keys';
import { queryAll } from './query-all';
import { assertIssued, type TenantScope } from './tenant-scope';
import { transact } from './transact';

export type HoursOutcome =
  | { kind: 'written'; entry: HoursEntry }
  | Replay
  | { kind: 'refused'; stored: Record<string, unknown> | undefined };
export type HoursRemoveOutcome = { kind: 'deleted' } | { kind: 'not_found' };

/**
 * Hours served on a correctional order, one item per day's log, dated so the figures job reads a year's
 * hours in one range. The order's running total on its participant moves in the same transaction, and
 * the month's marker is set for the figures job.
 */
export function hoursRepo(doc: DynamoDBDocumentClient, table: string, scope: TenantScope) {
  assertIssued(scope);
  return {
    /**
     * Logs hours on an order, if the day lies within the order and within the participation (an order
     * is served while its person is a participant).
     */
    async log(
      participantId: string,
      orderId: string,
      id: string,
      input: HoursCreate,
      now: string,
      idem: Idempotency,
    ): Promise<HoursOutcome> {
      const entry: HoursEntry = {
        ...input,
        id,
        participantId,
        orderId,
        createdAt: now,
        createdBy: scope.subject,
      };
      const outcome = await transact(
        doc,
        [
          {
            Put: {
              TableName: table,
              Item: { ...centreKeys.hours(scope, input.date, id), ...entry },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          {
            Update: {
              TableName: table,
              Key: centreKeys.participant(scope, participantId),
              UpdateExpression: 'ADD orders.#o.hours :h',
              ConditionExpression:
                'attribute_exists(orders.#o) AND orders.#o.startDate <= :d AND (attribute_not_exists(orders.#o.endDate) OR orders.#o.endDate >= :d) AND startDate <= :d AND (attribute_not_exists(endDate) OR endDate >= :d)',
              ExpressionAttributeNames: { '#o': orderId },
              ExpressionAttributeValues: { ':h': input.hours, ':d': input.date },
              ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
            },
          },
          markMonthDirty(scope, table, monthOf(input.date)),
        ],
        rememberAnswer(table, scope, idem, { status: 201, body: entry }),
      );
      if (outcome.kind === 'written') return { kind: 'written', entry };
      if (outcome.kind !== 'condition_failed') return outcome;
      if (outcome.index === 1) return { kind: 'refused', stored: outcome.current };
      throw new Error('hours id collision');
    },

    /**
     * Takes a log back (a slip): marked deleted (who and when kept), out of every count, and off its
     * order's total. The caller names the log's order and hours as shown; the log's own condition
     * confirms them, so the total cannot be moved by a wrong claim.
     */
    async remove(
      participantId: string,
      orderId: string,
      date: string,
      id: string,
      hours: number,
      now: string,
    ): Promise<HoursRemoveOutcome> {
      const outcome = await transact(doc, [
        {
          Update: {
            TableName: table,
            Key: centreKeys.hours(scope, date, id),
            UpdateExpression: 'SET deletedAt = :now, deletedBy = :by',
            ConditionExpression:
              'attribute_exists(PK) AND attribute_not_exists(deletedAt) AND participantId = :p AND orderId = :o AND hours = :h',
            ExpressionAttributeValues: {
              ':now': now,
              ':by': scope.subject,
              ':p': participantId,
              ':o': orderId,
              ':h': hours,
            },
          },
        },
        {
          Update: {
            TableName: table,
            Key: centreKeys.participant(scope, participantId),
            UpdateExpression: 'ADD orders.#o.hours :minus',
            ConditionExpression: 'attribute_exists(orders.#o)',
            ExpressionAttributeNames: { '#o': orderId },
            ExpressionAttributeValues: { ':minus': -hours },
          },
        },
        markMonthDirty(scope, table, monthOf(date)),
      ]);
      return outcome.kind === 'written' ? { kind: 'deleted' } : { kind: 'not_found' };
    },

    /** The hours logged in a range of days (at most a year), optionally of one participant; deleted ones left out. */
    async list(query: HoursListQuery): Promise<HoursEntry[]> {
      const items = await queryAll(doc, {
        TableName: table,
        KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
        FilterExpression: `attribute_not_exists(deletedAt)${query.participantId ? ' AND participantId = :p' : ''}`,
        ExpressionAttributeValues: {
          ':pk': centreKeys.pk(scope),
          ':from': centreKeys.hoursFrom(query.from),
          ':to': centreKeys.hoursTo(query.to),
          ...(query.participantId ? { ':p': query.participantId } : {}),
        },
      });
      return items.map(({ PK: _pk, SK: _sk, ...entry }) => entry as HoursEntry);
    },
  };
}
