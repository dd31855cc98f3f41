import { forbidden, notFound } from '@crux/domain/errors';
import { checkWheelUses, ownPlanUses, planUses, type WheelUses } from '@crux/domain/wheel/check';
import { type PlanOutcome, planRepo } from '@crux/store/plan-repo';
import type { TenantScope } from '@crux/store/tenant-scope';
import { catalogueRefusal } from '../http/catalogue-refusal';
import { isShared, sharedAnswer } from '../http/outcome';
import type { RequestOf } from '../http/request';
import { type ApiResponse, errorResponse, json } from '../http/response';
import { clientFor, tableName } from '../runtime/dynamo';

const plan = '/api/centres/{centreId}/participants/{participantId}/plan';
const repo = (scope: TenantScope) => planRepo(clientFor(scope), tableName(), scope);

/** A plan write's answer; `uses`: what the write named of the catalogue, to explain a refusal by it. */
function planAnswer<W>(outcome: PlanOutcome<W>, uses?: WheelUses): ApiResponse {
  if (isShared(outcome)) return sharedAnswer(outcome);
  switch (outcome.kind) {
    case 'written':
      return json(200, outcome.plan);
    case 'sign_in_off':
      return errorResponse(forbidden());
    case 'catalogue_refused':
      if (!uses) throw new Error('a write that names nothing of the catalogue was refused by it');
      return errorResponse(catalogueRefusal(outcome.catalogue, (c) => checkWheelUses(c, uses, uses)));
  }
}

/**
 * The participant's page: the participant, the plan and every wheel conversation, one Query of the
 * participant's item collection. Staff and leaders, and the participant themselves.
 */
export async function getPlan(req: RequestOf<`GET ${typeof plan}`>): Promise<ApiResponse> {
  const page = await repo(req.scope).page(req.params.participantId);
  return page ? json(200, page) : errorResponse(notFound());
}

/** Staff write the plan whole, against the version shown (0 makes it). */
export async function writePlan(req: RequestOf<`PUT ${typeof plan}`>): Promise<ApiResponse> {
  return planAnswer(
    await repo(req.scope).write(req.params.participantId, req.body, req.now),
    planUses(req.body),
  );
}

/** The participant writes where they are now and their own goals, before a conversation. */
export async function writeOwnPlan(req: RequestOf<`PUT ${typeof plan}/own`>): Promise<ApiResponse> {
  return planAnswer(
    await repo(req.scope).writeOwn(req.params.participantId, req.body, req.now),
    ownPlanUses(req.body),
  );
}

/** A step marked done (or not), by staff or by the participant, against the plan's version shown. */
export async function markStep(req: RequestOf<`PUT ${typeof plan}/steps/{stepId}`>): Promise<ApiResponse> {
  const { participantId, stepId } = req.params;
  const outcome = await repo(req.scope).markStep(participantId, stepId, req.body, req.now);
  if (outcome.kind === 'no_step') return errorResponse(notFound());
  return planAnswer(outcome);
}
