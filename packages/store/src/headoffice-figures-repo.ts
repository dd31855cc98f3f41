import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { HeadOfficeMonths, HeadOfficeYear } from '@crux/domain/figure-set';
import { zeroFigures } from '@crux/domain/figures';
import { latestComputedAt, toFigures } from './figure-items';
import { headOfficeKeys, TOTAL } from './keys';
import { queryAll } from './query-all';

/**
 * The head office's reads: only `HQ#<year>`, which the job writes with every centre and the totals in
 * one partition, so a year (or its months) is one Query however many centres there are. A partition
 * stays well under a query page (1 MB): 200 centres' months are about 2 400 small items.
 */
export function headOfficeFiguresRepo(doc: DynamoDBDocumentClient, table: string) {
  const query = (year: number, prefix: string) =>
    queryAll(doc, {
      TableName: table,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': headOfficeKeys.pk(year), ':prefix': prefix },
    });

  return {
    async year(year: number): Promise<HeadOfficeYear> {
      const items = await query(year, headOfficeKeys.yearPrefix);
      const total = items.find((i) => i.centre === TOTAL);
      return {
        year,
        centres: items
          .filter((i) => i.centre !== TOTAL)
          .map((i) => ({
            centre: String(i.centre),
            name: String(i.name ?? i.centre),
            figures: toFigures(i.figures),
            previous: i.previous ? toFigures(i.previous) : null,
          })),
        total: {
          figures: total ? toFigures(total.figures) : zeroFigures(),
          previous: total?.previous ? toFigures(total.previous) : null,
        },
        computedAt: latestComputedAt(items),
      };
    },

    /** One row per centre and month, and `TOTAL` rows, in month order. */
    async months(year: number): Promise<HeadOfficeMonths> {
      const items = await query(year, headOfficeKeys.monthPrefix);
      return {
        year,
        months: items.map((i) => ({
          month: String(i.month),
          centre: String(i.centre),
          figures: toFigures(i.figures),
        })),
      };
    },
  };
}
