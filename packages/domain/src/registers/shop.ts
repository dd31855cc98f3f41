import * as z from 'zod/mini';
import type { Month } from '../period';
import { xlsxWorkbook } from '../reports/xlsx';
import * as rules from '../rules';
import { raise } from '../validation';
import { MonthQueryParam, YearQueryParam } from '../year-param';

/**
 * The second-hand shop's reuse figures: the kilograms sold each month, registered by staff and reported
 * monthly to the regional waste company (RfD), which counts them in its reuse statistics.
 */
export const ShopMonthUpdate = z.strictObject({
  kilograms: z.int().check(z.gte(0), z.lte(1_000_000)),
  /** 0 for a month with nothing registered yet. */
  version: z.int().check(z.gte(0)),
});
export type ShopMonthUpdate = z.infer<typeof ShopMonthUpdate>;

export type ShopMonth = {
  month: Month;
  kilograms: number;
  version: number;
  updatedAt: string;
  updatedBy: string;
};

export const ShopYearQuery = z.strictObject({ year: YearQueryParam });

export const reportFormats = ['csv', 'xlsx'] as const;

/** The waste company's report: a year's months, or one month of it; as CSV or as a workbook. */
export const ShopReportQuery = z
  .strictObject({
    year: YearQueryParam,
    month: z.optional(MonthQueryParam),
    format: z.enum(reportFormats),
  })
  .check(
    z.refine((q) => q.month === undefined || q.month.startsWith(`${q.year}-`), {
      ...raise(rules.otherYear),
      path: ['month'],
    }),
  );
export type ShopReportQuery = z.infer<typeof ShopReportQuery>;

const header = ['Senter', 'Måned', 'Kilo'];

/** The report's rows: centre, month, kilograms, months in order. */
export function shopReportRows(centre: string, months: readonly Pick<ShopMonth, 'month' | 'kilograms'>[]) {
  return [...months]
    .sort((a, b) => (a.month < b.month ? -1 : 1))
    .map((m) => [centre, m.month, m.kilograms] as const);
}

/**
 * As CSV the way a Norwegian spreadsheet opens it: `;` between fields (`,` is the decimal sign), CRLF
 * between lines, a byte-order mark so æøå survive, and any field with a separator or a quote quoted.
 */
export function shopReportCsv(rows: readonly (readonly (string | number)[])[]): string {
  const field = (v: string | number) => {
    const text = String(v);
    return /[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return `\uFEFF${[header, ...rows].map((r) => r.map(field).join(';')).join('\r\n')}\r\n`;
}

export function shopReportXlsx(rows: readonly (readonly (string | number)[])[]): Uint8Array {
  return xlsxWorkbook('Ombruk', [header, ...rows]);
}

/** `ombruk-ovre-eiker-2024.csv`, `ombruk-ovre-eiker-2024-03.xlsx`. */
export function shopReportName(centre: string, query: ShopReportQuery): string {
  return `ombruk-${centre}-${query.month ?? query.year}.${query.format}`;
}
