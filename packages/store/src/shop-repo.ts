import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Month } from '@crux/domain/period';
import type { ShopMonth, ShopMonthUpdate } from '@crux/domain/registers/shop';
import { markMonthDirty } from './dirty-markers';
import { centreKeys } from './keys';
import { queryPrefix } from './query-all';
import { assertIssued, type TenantScope } from './tenant-scope';
import { transact } from './transact';

export type ShopMonthOutcome =
  | { kind: 'written'; month: ShopMonth }
  | { kind: 'stale'; current: ShopMonth | undefined };

const toMonth = ({ PK: _pk, SK: _sk, ...month }: Record<string, unknown>) => month as ShopMonth;

/** The kilograms the shop sold, one item a month, versioned; a save marks its month for the figures job. */
export function shopRepo(doc: DynamoDBDocumentClient, table: string, scope: TenantScope) {
  assertIssued(scope);
  return {
    /** The months of a year with kilograms registered, in order: one Query. */
    async year(year: number): Promise<ShopMonth[]> {
      const items = await queryPrefix(doc, table, centreKeys.pk(scope), centreKeys.shopMonthsOf(year));
      return items.map(toMonth);
    },

    async set(month: Month, update: ShopMonthUpdate, now: string): Promise<ShopMonthOutcome> {
      const stored: ShopMonth = {
        month,
        kilograms: update.kilograms,
        version: update.version + 1,
        updatedAt: now,
        updatedBy: scope.subject,
      };
      const outcome = await transact(doc, [
        {
          Put: {
            TableName: table,
            Item: { ...centreKeys.shopMonth(scope, month), ...stored },
            ConditionExpression: update.version === 0 ? 'attribute_not_exists(PK)' : 'version = :v',
            ...(update.version === 0 ? {} : { ExpressionAttributeValues: { ':v': update.version } }),
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          },
        },
        markMonthDirty(scope, table, month),
      ]);
      if (outcome.kind === 'written') return { kind: 'written', month: stored };
      if (outcome.kind !== 'condition_failed') throw new Error('shop months have no idempotency key');
      return { kind: 'stale', current: outcome.current ? toMonth(outcome.current) : undefined };
    },
  };
}
