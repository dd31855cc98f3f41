import { parseFiguresYear } from '@crux/domain/year-param';
import { networkFiguresRepo } from '@crux/store/network-figures-repo';
import { type ApiRequest, createApiHandler } from '../http/api-handler';
import { type ApiResponse, errorResponse, json } from '../http/response';
import { documentClient, tableName } from '../runtime/dynamo';

const repo = () => networkFiguresRepo(documentClient(), tableName());

/** A year's figures across centres, small numbers suppressed: one Query of `NET#<year>`. */
async function yearFigures(req: ApiRequest): Promise<ApiResponse> {
  const year = parseFiguresYear(req.params, req.query);
  if (!year.ok) return errorResponse(year.error);
  return json(200, await repo().year(year.value));
}

/**
 * The experience network sees only what the job wrote already suppressed under `NET#<year>`; no
 * unsuppressed figure is under any key this function reads (in AWS its role allows nothing else).
 */
export const handler = createApiHandler('network', {
  'GET /api/network/figures/{year}': yearFigures,
});
