import { type DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { HeadOfficeMonths, HeadOfficeYear } from '@crux/domain/figure-set';
import { PLATFORM_START, todayInOslo } from '@crux/domain/period';
import type { StoredHeadOfficeYear } from '@crux/domain/rollup/year-table';
import { latestComputedAt, splitTotal, toFigures, toStoredHeadOfficeYear } from './figure-items';
import { headOfficeKeys } from './keys';
import { queryPrefix } from './query-all';

/**
 * The head office's figures: only `HQ#<year>`, which the job writes with every centre and the totals in
 * one partition, so a year (or its months) is one Query however many centres there are. A partition
 * stays well under a query page (1 MB): 200 centres' months are about 2 400 small items.
 */
export function headOfficeFiguresRepo(doc: DynamoDBDocumentClient, table: string) {
  async function backfillYears(): Promise<number[]> {
    const first = Number(PLATFORM_START.slice(0, 4));
    const last = Number(todayInOslo().slice(0, 4));
    const candidates = Array.from({ length: last - first + 1 }, (_, i) => first + i);
    const found = await Promise.all(
      candidates.map(async (year) => {
        const out = await doc.send(
          new QueryCommand({
            TableName: table,
            KeyConditionExpression: 'PK = :pk',
            ExpressionAttributeValues: { ':pk': headOfficeKeys.pk(year) },
            Limit: 1,
            ConsistentRead: true,
          }),
        );
        return (out.Count ?? 0) > 0 ? [year] : [];
      }),
    );
    return found.flat();
  }

  return {
    async year(year: number): Promise<HeadOfficeYear> {
      const items = await queryPrefix(doc, table, headOfficeKeys.pk(year), headOfficeKeys.yearPrefix);
      const { centres, total } = splitTotal(items);
      return {
        year,
        centres: centres.map((i) => ({
          centre: String(i.centre),
          name: String(i.name ?? i.centre),
          figures: toFigures(i.figures),
          previous: i.previous ? toFigures(i.previous) : null,
        })),
        total: {
          figures: toFigures(total?.figures),
          previous: total?.previous ? toFigures(total.previous) : null,
        },
        computedAt: latestComputedAt(items),
      };
    },

    /** One row per centre and month, and `TOTAL` rows, in month order. */
    async months(year: number): Promise<HeadOfficeMonths> {
      const items = await queryPrefix(doc, table, headOfficeKeys.pk(year), headOfficeKeys.monthPrefix);
      return {
        year,
        months: items.map((i) => ({
          month: String(i.month),
          centre: String(i.centre),
          figures: toFigures(i.figures),
        })),
      };
    },

    /** The figures job's read of a year as stored, strongly consistent: year rows, and months if asked. */
    async stored(year: number, withMonths: boolean): Promise<StoredHeadOfficeYear> {
      const prefix = withMonths ? '' : headOfficeKeys.yearPrefix;
      const items = await queryPrefix(doc, table, headOfficeKeys.pk(year), prefix, { consistent: true });
      return toStoredHeadOfficeYear(items);
    },

    /**
     * The years with head-office figures, as the figures job last recorded them. A table from before
     * the job recorded them (no `HQ#YEARS` item at all) has its years found once, by asking each year
     * from the platform's start to this one whether it has any head-office item: the run then records
     * them, so every published year enters the network's linked set from the first run on.
     */
    async years(): Promise<number[]> {
      const out = await doc.send(
        new GetCommand({ TableName: table, Key: headOfficeKeys.years, ConsistentRead: true }),
      );
      if (!out.Item) return backfillYears();
      const years = out.Item.years;
      return Array.isArray(years) ? years.filter((y): y is number => Number.isInteger(y)) : [];
    },
  };
}
