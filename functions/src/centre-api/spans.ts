import { randomUUID } from 'node:crypto';
import { checkSpan } from '@crux/domain/records/spans';
import * as rules from '@crux/domain/rules';
import { fieldError } from '@crux/domain/validation';
import { type SpanKind, type SpanOutcome, spansRepo } from '@crux/store/spans-repo';
import type { TenantScope } from '@crux/store/tenant-scope';
import { catalogueRefusal } from '../http/catalogue-refusal';
import { isShared, sharedAnswer } from '../http/outcome';
import type { RequestOf } from '../http/request';
import { type ApiResponse, errorResponse, json } from '../http/response';
import { clientFor, tableName } from '../runtime/dynamo';

const participant = '/api/centres/{centreId}/participants/{participantId}';
const repo = (scope: TenantScope) => spansRepo(clientFor(scope), tableName(), scope);
const catalogueList = { measures: 'measureTypes', orders: 'orderTypes' } as const;

function answer(kind: SpanKind, outcome: SpanOutcome, type: string, created: boolean): ApiResponse {
  if (isShared(outcome)) return sharedAnswer(outcome);
  switch (outcome.kind) {
    case 'written':
      return json(created ? 201 : 200, outcome.span);
    case 'outside_participation':
      return errorResponse(fieldError('startDate', rules.outsideParticipation));
    case 'catalogue_refused':
      return errorResponse(
        catalogueRefusal(outcome.catalogue, (c) => checkSpan(c, catalogueList[kind], { type })),
      );
  }
}

function add(kind: SpanKind) {
  return async (
    req: RequestOf<`POST ${typeof participant}/measures`> | RequestOf<`POST ${typeof participant}/orders`>,
  ) => {
    return answer(
      kind,
      await repo(req.scope).add(
        kind,
        req.params.participantId,
        randomUUID(),
        req.body,
        req.now,
        req.idempotency,
      ),
      req.body.type,
      true,
    );
  };
}

/** A measure (work training, own measures) or an order started for a participant, within the participation. */
export const addMeasure = add('measures');
export const addOrder = add('orders');

/** A correction of a measure, most often its end, against the version shown. */
export async function correctMeasure(
  req: RequestOf<`PUT ${typeof participant}/measures/{measureId}`>,
): Promise<ApiResponse> {
  const { participantId, measureId } = req.params;
  return answer(
    'measures',
    await repo(req.scope).correct('measures', participantId, measureId, req.body, req.now),
    req.body.type,
    false,
  );
}

/** A correction of an order, most often its end, against the version shown. */
export async function correctOrder(
  req: RequestOf<`PUT ${typeof participant}/orders/{orderId}`>,
): Promise<ApiResponse> {
  const { participantId, orderId } = req.params;
  return answer(
    'orders',
    await repo(req.scope).correct('orders', participantId, orderId, req.body, req.now),
    req.body.type,
    false,
  );
}
