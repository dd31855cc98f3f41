import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { NetworkYear } from '@crux/domain/figure-set';
import type { EarlierNetworkYear } from '@crux/domain/rollup/network';
import { latestComputedAt, splitTotal, toFigures, toNetworkFigures } from './figure-items';
import { networkKeys } from './keys';
import { queryPrefix } from './query-all';

/**
 * The experience network's read: only `NET#<year>`, where the job writes figures already suppressed.
 * Nothing unsuppressed is under a key this code (or, in AWS, the network function's role) can read.
 */
export function networkFiguresRepo(doc: DynamoDBDocumentClient, table: string) {
  return {
    async year(year: number): Promise<NetworkYear> {
      const items = await queryPrefix(doc, table, networkKeys.pk(year), networkKeys.yearPrefix);
      const { centres, total } = splitTotal(items);
      return {
        year,
        centres: centres.map((i) => ({
          centre: String(i.centre),
          name: String(i.name ?? i.centre),
          figures: toNetworkFigures(i),
        })),
        // No total yet (nothing published): zeros, which hide nothing.
        total: { figures: total ? toNetworkFigures(total) : toFigures(undefined) },
        computedAt: latestComputedAt(items),
      };
    },

    /** The figures job's read of what it last published of a year, strongly consistent. */
    async published(year: number): Promise<EarlierNetworkYear> {
      const items = await queryPrefix(doc, table, networkKeys.pk(year), networkKeys.yearPrefix, {
        consistent: true,
      });
      const rows = items.map((i) => ({
        centre: String(i.centre),
        name: typeof i.name === 'string' ? i.name : undefined,
        figures: toNetworkFigures(i),
      }));
      return { year, rows };
    },
  };
}
