import type { Month } from '@crux/domain/period';
import type { ImportedRegisterRecord } from '@crux/domain/registers/import';
import { centreKeys } from './keys';
import { positionItem } from './positions-repo';
import type { TenantScope } from './tenant-scope';
import type { TransactItem } from './transact';
import { volunteerItem } from './volunteers-repo';

/**
 * What a register record of an import writes, as the one-by-one routes write it: the items (each put
 * only where nothing is), the months it marks for the figures job, and the volunteer whose days it names (checked in the transaction when that volunteer is not in the batch).
 */
export type RegisterImport = {
  items: Record<string, unknown>[];
  /** The index in `items` of the link of a volunteer to an account, if there is one. */
  link?: number;
  months: Month[];
  days?: { volunteerId: string; first: string; last: string };
};

export function registerImport(scope: TenantScope, r: ImportedRegisterRecord, now: string): RegisterImport {
  const made = { version: 1, createdAt: now, updatedAt: now, updatedBy: scope.subject };
  switch (r.type) {
    case 'volunteer': {
      const linked = r.account ? { account: r.account, linkedAt: now, linkedBy: scope.subject } : {};
      const volunteer = volunteerItem(scope, { ...r.body, id: r.id, ...made, ...linked });
      if (!r.account) return { items: [volunteer], months: [] };
      const link = {
        ...centreKeys.volunteerAccount(scope, r.account),
        volunteerId: r.id,
        account: r.account,
      };
      return { items: [volunteer, link], link: 1, months: [] };
    }
    case 'volunteerHours': {
      const entries = Object.fromEntries(
        r.entries.map(({ id, ...e }) => [
          `e#${id}`,
          { ...e, id, version: 1, createdAt: now, createdBy: scope.subject },
        ]),
      );
      const days = r.entries.map((e) => e.date).sort();
      return {
        items: [
          {
            ...centreKeys.volunteerHours(scope, r.month, r.volunteerId),
            volunteerId: r.volunteerId,
            month: r.month,
            ...entries,
          },
        ],
        months: [r.month],
        days: { volunteerId: r.volunteerId, first: days[0] as string, last: days.at(-1) as string },
      };
    }
    case 'position':
      return { items: [positionItem(scope, { ...r.body, id: r.id, ...made })], months: [] };
    case 'shopMonth':
      return {
        items: [{ ...centreKeys.shopMonth(scope, r.month), month: r.month, kilograms: r.kilograms, ...made }],
        months: [r.month],
      };
    case 'income': {
      const amounts = Object.fromEntries(Object.entries(r.amounts).filter(([, a]) => a > 0));
      return {
        items: [{ ...centreKeys.income(scope, r.year), year: r.year, amounts, ...made }],
        months: [`${r.year}-01`],
      };
    }
  }
}

/** That a volunteer named by a batch, but not in it, is the centre's and a volunteer from `first` to `last`. */
export function volunteerDaysCheck(
  table: string,
  scope: TenantScope,
  days: { volunteerId: string; first: string; last: string },
): TransactItem {
  return {
    ConditionCheck: {
      TableName: table,
      Key: centreKeys.volunteer(scope, days.volunteerId),
      ConditionExpression: 'startDate <= :first AND (attribute_not_exists(endDate) OR endDate >= :last)',
      ExpressionAttributeValues: { ':first': days.first, ':last': days.last },
    },
  };
}
