import { parseFiguresYear } from '@crux/domain/year-param';
import { headOfficeFiguresRepo } from '@crux/store/headoffice-figures-repo';
import { type ApiRequest, createApiHandler } from '../http/api-handler';
import { type ApiResponse, errorResponse, json } from '../http/response';
import { documentClient, tableName } from '../runtime/dynamo';

const repo = () => headOfficeFiguresRepo(documentClient(), tableName());

/** Every centre's figures of a year beside the year before, and the foundation's totals: one Query. */
async function yearFigures(req: ApiRequest): Promise<ApiResponse> {
  const year = parseFiguresYear(req.params, req.query);
  if (!year.ok) return errorResponse(year.error);
  return json(200, await repo().year(year.value));
}

/** Month by month, every centre and the totals: one Query. */
async function monthFigures(req: ApiRequest): Promise<ApiResponse> {
  const year = parseFiguresYear(req.params, req.query);
  if (!year.ok) return errorResponse(year.error);
  return json(200, await repo().months(year.value));
}

/**
 * The head office sees aggregated figures of every centre, never a participant record: it reads only
 * the `HQ#<year>` partitions the figures job writes (in AWS its role allows nothing else).
 */
export const handler = createApiHandler('headoffice', {
  'GET /api/headoffice/figures/{year}': yearFigures,
  'GET /api/headoffice/figures/{year}/months': monthFigures,
});
