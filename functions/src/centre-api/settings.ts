import { checkCentreSettings, checkTodayKindsOnce } from '@crux/domain/centre-settings';
import { centreSettingsRepo } from '@crux/store/centre-settings-repo';
import type { TenantScope } from '@crux/store/tenant-scope';
import { catalogueRefusal } from '../http/catalogue-refusal';
import { isShared, sharedAnswer } from '../http/outcome';
import type { RequestOf } from '../http/request';
import { type ApiResponse, errorResponse, json } from '../http/response';
import { clientFor, tableName } from '../runtime/dynamo';

const path = '/api/centres/{centreId}/settings';
const repo = (scope: TenantScope) => centreSettingsRepo(clientFor(scope), tableName(), scope);

/** The centre's choices (which kinds *I dag* shows): one GetItem, the defaults until a leader sets them. */
export async function getSettings(req: RequestOf<`GET ${typeof path}`>): Promise<ApiResponse> {
  return json(200, await repo(req.scope).get());
}

/** The leader sets them, against the version shown; the kinds must be in the catalogue and in use. */
export async function setSettings(req: RequestOf<`PUT ${typeof path}`>): Promise<ApiResponse> {
  const once = checkTodayKindsOnce(req.body);
  if (!once.ok) return errorResponse(once.error);
  const outcome = await repo(req.scope).set(req.body, req.now);
  if (isShared(outcome)) return sharedAnswer(outcome);
  switch (outcome.kind) {
    case 'written':
      return json(200, outcome.settings);
    case 'catalogue_refused':
      return errorResponse(catalogueRefusal(outcome.catalogue, (c) => checkCentreSettings(c, req.body)));
  }
}
