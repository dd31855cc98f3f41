import { centresRepo } from '@crux/store/centres-repo';
import { createApiHandler } from '../http/api-handler';
import { idempotencyKeyReused } from '../http/errors';
import type { RequestOf } from '../http/request';
import { type ApiResponse, errorResponse, json } from '../http/response';
import { tracing } from '../observability/tracing';
import { documentClient, onDocumentClient, tableName } from '../runtime/dynamo';
import { catalogueHistory, changeCatalogue } from './catalogue';

const repo = () => centresRepo(documentClient(), tableName());

async function createCentre(req: RequestOf<'POST /api/admin/centres'>): Promise<ApiResponse> {
  const outcome = await repo().create(req.body, req.now, req.idempotency);
  switch (outcome.kind) {
    case 'written':
      return json(201, outcome.centre);
    case 'replayed':
      return json(outcome.status, outcome.body);
    case 'key_reused':
      return errorResponse(idempotencyKeyReused());
    case 'exists':
      return errorResponse({
        code: 'conflict',
        message: {
          nb: 'Det finnes allerede et senter med denne id-en.',
          en: 'A centre with this id already exists.',
        },
        fields: [
          {
            field: 'id',
            rule: 'unique',
            message: { nb: 'Id-en er i bruk. Velg en annen.', en: 'This id is taken. Choose another.' },
          },
        ],
      });
  }
}

async function listCentres(): Promise<ApiResponse> {
  return json(200, { items: await repo().list() });
}

/**
 * The platform admin onboards centres and keeps the foundation's catalogue; it reaches the registry and
 * the catalogue, never a centre's records.
 */
export const handler = createApiHandler(
  'admin',
  {
    'GET /api/admin/centres': listCentres,
    'POST /api/admin/centres': createCentre,
    'POST /api/admin/catalogue/changes': changeCatalogue,
    'GET /api/admin/catalogue/history': catalogueHistory,
  },
  [tracing('admin', onDocumentClient)],
);
