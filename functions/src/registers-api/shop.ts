import { conflict } from '@crux/domain/errors';
import { shopReportCsv, shopReportName, shopReportRows, shopReportXlsx } from '@crux/domain/registers/shop';
import { shopRepo } from '@crux/store/shop-repo';
import type { TenantScope } from '@crux/store/tenant-scope';
import type { RequestOf } from '../http/request';
import { type ApiResponse, errorResponse, json } from '../http/response';
import { clientFor, tableName } from '../runtime/dynamo';

const path = '/api/centres/{centreId}/shop';
const repo = (scope: TenantScope) => shopRepo(clientFor(scope), tableName(), scope);

/** The months of a year with the kilograms the shop sold: one Query. */
export async function shopYear(req: RequestOf<`GET ${typeof path}`>): Promise<ApiResponse> {
  return json(200, { year: req.query.year, months: await repo(req.scope).year(req.query.year) });
}

/** A month's kilograms, against the version shown (0 for a month not registered yet). */
export async function setShopMonth(req: RequestOf<`PUT ${typeof path}/{month}`>): Promise<ApiResponse> {
  const outcome = await repo(req.scope).set(req.params.month, req.body, req.now);
  if (outcome.kind === 'written') return json(200, outcome.month);
  return errorResponse(conflict(outcome.current ?? null));
}

const types = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/**
 * The waste company's report (centre, month, kilograms) for a year or a month of it, as a file to
 * download: CSV, or an XLSX workbook written without a library. One Query.
 */
export async function shopReport(req: RequestOf<`GET ${typeof path}/report`>): Promise<ApiResponse> {
  const { query } = req;
  const months = (await repo(req.scope).year(query.year)).filter(
    (m) => query.month === undefined || m.month === query.month,
  );
  const rows = shopReportRows(req.scope.centre, months);
  const body =
    query.format === 'csv' ? Buffer.from(shopReportCsv(rows), 'utf8') : Buffer.from(shopReportXlsx(rows));
  return {
    statusCode: 200,
    headers: {
      'content-type': types[query.format],
      'content-disposition': `attachment; filename="${shopReportName(req.scope.centre, query)}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
    body: body.toString('base64'),
    isBase64Encoded: true,
  };
}
