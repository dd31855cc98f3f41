import { checkIncome } from '@crux/domain/registers/economy';
import { economyRepo } from '@crux/store/economy-repo';
import type { TenantScope } from '@crux/store/tenant-scope';
import { catalogueRefusal } from '../http/catalogue-refusal';
import { isShared, sharedAnswer } from '../http/outcome';
import type { RequestOf } from '../http/request';
import { type ApiResponse, errorResponse, json } from '../http/response';
import { clientFor, tableName } from '../runtime/dynamo';

const path = '/api/centres/{centreId}/economy/{year}';
const repo = (scope: TenantScope) => economyRepo(clientFor(scope), tableName(), scope);

/** The year's income by source, for the leader: one GetItem, an empty year until it is kept. */
export async function getIncome(req: RequestOf<`GET ${typeof path}`>): Promise<ApiResponse> {
  const year = Number(req.params.year);
  return json(200, await repo(req.scope).get(year));
}

/** The year's every amount, against the version shown; the sources checked against the catalogue. */
export async function setIncome(req: RequestOf<`PUT ${typeof path}`>): Promise<ApiResponse> {
  const year = Number(req.params.year);
  const outcome = await repo(req.scope).set(year, req.body, req.now);
  if (isShared(outcome)) return sharedAnswer(outcome);
  switch (outcome.kind) {
    case 'written':
      return json(200, outcome.income);
    case 'catalogue_refused':
      return errorResponse(catalogueRefusal(outcome.catalogue, (c) => checkIncome(c, req.body)));
  }
}
