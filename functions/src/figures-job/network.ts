import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { FigureSet } from '@crux/domain/figures/define';
import { type EarlierNetworkYear, protectNetwork } from '@crux/domain/rollup/network';
import type { StoredYear } from '@crux/domain/rollup/year-table';
import { figureItems } from '@crux/store/figure-items';
import { headOfficeFiguresRepo } from '@crux/store/headoffice-figures-repo';
import { networkFiguresRepo } from '@crux/store/network-figures-repo';
import { lpSolver } from './solver';

/**
 * A run's network publication: the cells in the linked set, the share hidden beyond the small ones,
 * and the hidden cells no protection could keep (then nothing was written to the network).
 */
export type NetworkSummary = { cells: number; hiddenBeyondSmall: number; unprotected: number };

/**
 * The network's figures of every year the head office has, protected as one set against what the
 * network read before (rollup/network.ts). Should a late correction make that impossible without
 * showing what the network was once told was hidden, nothing is written to the network: it keeps what
 * it had, and the summary says how many cells are at stake.
 */
export async function publishNetwork(
  doc: DynamoDBDocumentClient,
  table: string,
  set: FigureSet,
  changed: ReadonlyMap<number, ReadonlyMap<string, StoredYear>>,
  computedAt: string,
): Promise<{ items: Record<string, unknown>[]; summary?: NetworkSummary }> {
  if (changed.size === 0) return { items: [] };
  const hq = headOfficeFiguresRepo(doc, table);
  const network = networkFiguresRepo(doc, table);
  const counted = [...changed].filter(([, rows]) => rows.size > 0).map(([year]) => year);
  const years = [...new Set([...(await hq.years()), ...counted])].sort((a, b) => a - b);
  const tables = new Map<number, ReadonlyMap<string, StoredYear>>();
  const earlier: EarlierNetworkYear[] = [];
  for (const year of years) {
    tables.set(year, changed.get(year) ?? (await hq.stored(year, false)).years);
    earlier.push(await network.published(year));
  }
  const published = protectNetwork(set, tables, earlier, await lpSolver());
  const summary = {
    cells: published.cost.cells,
    hiddenBeyondSmall: published.cost.share,
    unprotected: published.unprotected.length,
  };
  const items: Record<string, unknown>[] = [figureItems.headOfficeYears(years, computedAt)];
  if (published.unprotected.length > 0) return { items, summary };
  for (const { year, row } of published.changed) items.push(figureItems.networkYear(year, row, computedAt));
  return { items, summary };
}
