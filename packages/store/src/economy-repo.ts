import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { startingCatalogue } from '@crux/domain/catalogue/starting';
import {
  amountsOf,
  checkIncome,
  emptyIncome,
  type Income,
  type IncomeUpdate,
} from '@crux/domain/registers/economy';
import { catalogueCheck } from './catalogue-repo';
import { markMonthDirty } from './dirty-markers';
import { centreKeys } from './keys';
import { assertIssued, type TenantScope } from './tenant-scope';
import { transact } from './transact';

export type IncomeOutcome =
  | { kind: 'written'; income: Income }
  | { kind: 'stale'; current: Income }
  | { kind: 'catalogue_refused'; catalogue: Record<string, unknown> | undefined };

function toIncome(year: number, item: Record<string, unknown> | undefined): Income {
  if (!item) return emptyIncome(year);
  const { PK: _pk, SK: _sk, ...income } = item;
  return income as Income;
}

/**
 * A centre's income of a year, one item a year, versioned. A save marks the year's January for the
 * figures job, which recounts whole years: a year's income is counted in the year, in no month of it.
 */
export function economyRepo(doc: DynamoDBDocumentClient, table: string, scope: TenantScope) {
  assertIssued(scope);
  return {
    async get(year: number): Promise<Income> {
      const { Item } = await doc.send(
        new GetCommand({ TableName: table, Key: centreKeys.income(scope, year) }),
      );
      return toIncome(year, Item);
    },

    async set(year: number, update: IncomeUpdate, now: string): Promise<IncomeOutcome> {
      const income: Income = {
        year,
        amounts: amountsOf(update),
        version: update.version + 1,
        updatedAt: now,
        updatedBy: scope.subject,
      };
      const sources = Object.keys(update.amounts);
      const check = sources.length
        ? catalogueCheck(
            table,
            sources.map((id) => ({ list: 'incomeSources' as const, id, retiredToo: true })),
            checkIncome(startingCatalogue, update).ok,
          )
        : undefined;
      if (check?.ConditionCheck) check.ConditionCheck.ReturnValuesOnConditionCheckFailure = 'ALL_OLD';
      const outcome = await transact(doc, [
        {
          Put: {
            TableName: table,
            Item: { ...centreKeys.income(scope, year), ...income },
            ConditionExpression: update.version === 0 ? 'attribute_not_exists(PK)' : 'version = :v',
            ...(update.version === 0 ? {} : { ExpressionAttributeValues: { ':v': update.version } }),
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          },
        },
        markMonthDirty(scope, table, `${year}-01`),
        ...(check ? [check] : []),
      ]);
      if (outcome.kind === 'written') return { kind: 'written', income };
      if (outcome.kind !== 'condition_failed') throw new Error('income has no idempotency key');
      if (outcome.index === 2) return { kind: 'catalogue_refused', catalogue: outcome.current };
      return { kind: 'stale', current: toIncome(year, outcome.current) };
    },
  };
}
