import type { ActivityEntry, ActivityKind } from '@crux/domain/activity';
import { firstDayOf, lastDayOf, type Month } from '@crux/domain/period';
import type { Api, ApiResult } from './client';

type Page = { items: ActivityEntry[]; nextCursor?: string };

/** Every entry of a month, following the cursor: the month's sums must count every page. */
export async function activitiesOfMonth(
  api: Api,
  centre: string,
  month: Month,
): Promise<ApiResult<ActivityEntry[]>> {
  const items: ActivityEntry[] = [];
  let cursor: string | undefined;
  do {
    const result = await api.get<Page>(`/api/centres/${centre}/activities`, {
      from: firstDayOf(month),
      to: lastDayOf(month),
      cursor,
    });
    if (!result.ok) return result;
    items.push(...result.value.items);
    cursor = result.value.nextCursor;
  } while (cursor);
  return { ok: true, value: items };
}

export type KindTotals = Record<ActivityKind, number>;

export function totalsByKind(entries: readonly ActivityEntry[], date?: string): KindTotals {
  const totals: KindTotals = { visit: 0, contact_point: 0 };
  for (const entry of entries) {
    if (date === undefined || entry.date === date) totals[entry.kind] += entry.count;
  }
  return totals;
}
