import type { ActivityEntry } from '@crux/domain/activity';
import type { CentreFiguresMonths, Figures } from '@crux/domain/figure-set';
import type { IsoDate, Month } from '@crux/domain/period';
import type { Api, ApiResult } from './client';

type Page = { items: ActivityEntry[]; nextCursor?: string };

/** Every entry of one day, following the cursor (a day is one page but for the busiest centre). */
export async function entriesOfDay(
  api: Api,
  centre: string,
  date: IsoDate,
): Promise<ApiResult<ActivityEntry[]>> {
  const items: ActivityEntry[] = [];
  let cursor: string | undefined;
  do {
    const result = await api.get<Page>(`/api/centres/${centre}/activities`, {
      from: date,
      to: date,
      limit: 100,
      cursor,
    });
    if (!result.ok) return result;
    items.push(...result.value.items);
    cursor = result.value.nextCursor;
  } while (cursor);
  return { ok: true, value: items };
}

export type MonthFigures = { figures: Figures; computedAt: string | null } | null;

/** The month's figures as the figures job last counted them: one request, null before the first count. */
export async function figuresOfMonth(
  api: Api,
  centre: string,
  month: Month,
): Promise<ApiResult<MonthFigures>> {
  const result = await api.get<CentreFiguresMonths>(
    `/api/centres/${centre}/figures/${month.slice(0, 4)}/months`,
  );
  if (!result.ok) return result;
  return { ok: true, value: result.value.months.find((m) => m.month === month) ?? null };
}

/** Each kind's sum over the entries (a kind with none is absent). */
export type KindTotals = Record<string, number>;

export function totalsByKind(entries: readonly ActivityEntry[]): KindTotals {
  const totals: KindTotals = {};
  for (const entry of entries) totals[entry.kind] = (totals[entry.kind] ?? 0) + entry.count;
  return totals;
}
