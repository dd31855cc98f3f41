import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { monthOf } from '@crux/domain/period';
import type { HoursCreate, HoursEntry, HoursListQuery } from '@crux/domain/records/spans';
import { markMonthDirty } from './dirty-markers';
import { type Idempotency, type Replay, rememberAnswer } from './idempotency';
import { centreKeys } from './keys';
import { queryAll } from './query-all';
import { assertIssued, type TenantScope } from './tenant-scope';
import { type TransactItem, transact } from './transact';

export type HoursOutcome =
  | { kind: 'written'; entry: HoursEntry }
  | Replay
  | { kind: 'refused'; stored: Record<string, unknown> | undefined };
export type HoursRemoveOutcome = { kind: 'deleted' } | { kind: 'not_found' };

/** The days of hours logged on one order: the first and the last. */
export type OrderDays = { orderId: string; first: string; last: string };

/**
 * A check, for a write's own transaction, that a participant has each order and that its days lie within
 * the order and within the participation (an order is served while its person is a participant). One
 * check a participant, since a transaction takes each item once.
 */
export function orderCheck(
  table: string,
  scope: TenantScope,
  participantId: string,
  orders: readonly OrderDays[],
): TransactItem {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const terms = orders.map((o, i) => {
    names[`#o${i}`] = o.orderId;
    values[`:f${i}`] = o.first;
    values[`:l${i}`] = o.last;
    const order = `orders.#o${i}`;
    return `attribute_exists(${order}) AND ${order}.startDate <= :f${i} AND (attribute_not_exists(${order}.endDate) OR ${order}.endDate >= :l${i}) AND startDate <= :f${i} AND (attribute_not_exists(endDate) OR endDate >= :l${i})`;
  });
  return {
    ConditionCheck: {
      TableName: table,
      Key: centreKeys.participant(scope, participantId),
      ConditionExpression: ['attribute_not_exists(anonymous)', ...terms].join(' AND '),
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    },
  };
}

/** The item of one day's log. */
export const hoursItem = (scope: TenantScope, entry: HoursEntry) => ({
  ...centreKeys.hours(scope, entry.date, entry.id),
  ...entry,
});

/**
 * Hours served on a correctional order, one item per day's log, dated so the figures job reads a year's
 * hours in one range; the month's marker is set for the figures job in the same transaction.
 */
export function hoursRepo(doc: DynamoDBDocumentClient, table: string, scope: TenantScope) {
  assertIssued(scope);
  return {
    /** Logs hours on an order, if the day lies within the order and within the participation. */
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
              Item: hoursItem(scope, entry),
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          orderCheck(table, scope, participantId, [{ orderId, first: input.date, last: input.date }]),
          markMonthDirty(scope, table, monthOf(input.date)),
        ],
        rememberAnswer(table, scope, idem, { status: 201, body: entry }),
      );
      if (outcome.kind === 'written') return { kind: 'written', entry };
      if (outcome.kind !== 'condition_failed') return outcome;
      if (outcome.index === 1) return { kind: 'refused', stored: outcome.current };
      throw new Error('hours id collision');
    },

    /** Takes a log back (a slip): marked deleted (who and when kept), out of every count. */
    async remove(
      participantId: string,
      orderId: string,
      date: string,
      id: string,
      now: string,
    ): Promise<HoursRemoveOutcome> {
      const outcome = await transact(doc, [
        {
          Update: {
            TableName: table,
            Key: centreKeys.hours(scope, date, id),
            UpdateExpression: 'SET deletedAt = :now, deletedBy = :by',
            ConditionExpression:
              'attribute_exists(PK) AND attribute_not_exists(deletedAt) AND participantId = :p AND orderId = :o',
            ExpressionAttributeValues: {
              ':now': now,
              ':by': scope.subject,
              ':p': participantId,
              ':o': orderId,
            },
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
