import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { NetworkYear } from '@crux/domain/figure-set';
import { zeroFigures } from '@crux/domain/figures';
import { latestComputedAt, toNetworkFigures } from './figure-items';
import { networkKeys, TOTAL } from './keys';
import { queryAll } from './query-all';

/**
 * The experience network's read: only `NET#<year>`, where the job writes figures already suppressed.
 * Nothing unsuppressed is under a key this code (or, in AWS, the network function's role) can read.
 */
export function networkFiguresRepo(doc: DynamoDBDocumentClient, table: string) {
  return {
    async year(year: number): Promise<NetworkYear> {
      const items = await queryAll(doc, {
        TableName: table,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': networkKeys.pk(year), ':prefix': networkKeys.yearPrefix },
      });
      const total = items.find((i) => i.centre === TOTAL);
      return {
        year,
        centres: items
          .filter((i) => i.centre !== TOTAL)
          .map((i) => ({
            centre: String(i.centre),
            name: String(i.name ?? i.centre),
            figures: toNetworkFigures(i.figures),
          })),
        total: {
          figures: total ? toNetworkFigures(total.figures) : zeroFigures(),
        },
        computedAt: latestComputedAt(items),
      };
    },
  };
}
