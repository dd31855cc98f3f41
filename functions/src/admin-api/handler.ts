import { foundationRoutes } from '@crux/api/routes/foundation';
import { foundationSchemas } from '@crux/api/schemas/foundation';
import { centresRepo } from '@crux/store/centres-repo';
import { createApiHandler } from '../http/api-handler';
import { isShared, sharedAnswer } from '../http/outcome';
import type { RequestOf } from '../http/request';
import { type ApiResponse, errorResponse, json } from '../http/response';
import { tracing } from '../observability/tracing';
import { documentClient, onDocumentClient, tableName } from '../runtime/dynamo';
import { catalogueHistory, changeCatalogue } from './catalogue';
import { centreIdTaken, onboardCentre } from './onboarding';

const repo = () => centresRepo(documentClient(), tableName());

async function createCentre(req: RequestOf<'POST /api/admin/centres'>): Promise<ApiResponse> {
  const outcome = await repo().create(req.body, req.now, req.idempotency);
  if (isShared(outcome)) return sharedAnswer(outcome);
  switch (outcome.kind) {
    case 'written':
      return json(201, outcome.centre);
    case 'exists':
      return errorResponse(centreIdTaken('id'));
  }
}

async function listCentres(): Promise<ApiResponse> {
  return json(200, { items: await repo().list() });
}

/**
 * The platform admin onboards centres (with their first leader) and keeps the foundation's catalogue;
 * it reaches the registry, the catalogue and the user pool, never a centre's records.
 */
const foundation = { routes: foundationRoutes, schemas: foundationSchemas };

export const handler = createApiHandler(
  'admin',
  foundation,
  {
    'GET /api/admin/centres': listCentres,
    'POST /api/admin/centres': createCentre,
    'POST /api/admin/onboardings': onboardCentre,
    'POST /api/admin/catalogue/changes': changeCatalogue,
    'GET /api/admin/catalogue/history': catalogueHistory,
  },
  [tracing('admin', onDocumentClient)],
);
