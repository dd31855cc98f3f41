import { CentreInput } from '@crux/domain/centre';
import { parse } from '@crux/domain/validation';
import { centresRepo } from '@crux/store/centres-repo';
import { type ApiRequest, createApiHandler } from '../http/api-handler';
import { idempotencyKeyReused } from '../http/errors';
import { type ApiResponse, errorResponse, json } from '../http/response';
import { documentClient, tableName } from '../runtime/dynamo';

const repo = () => centresRepo(documentClient(), tableName());

async function createCentre(req: ApiRequest): Promise<ApiResponse> {
  const input = parse(CentreInput, req.body);
  if (!input.ok) return errorResponse(input.error);
  const outcome = await repo().create(
    input.value,
    req.now,
    `${req.principal.subject}#${req.idempotencyKey}`,
    req.requestHash,
  );
  switch (outcome.kind) {
    case 'written':
    case 'replayed':
      return json(201, outcome.centre);
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

/** The platform admin onboards centres; it reaches the registry, never a centre's records. */
export const handler = createApiHandler('admin', {
  'GET /api/admin/centres': listCentres,
  'POST /api/admin/centres': createCentre,
});
