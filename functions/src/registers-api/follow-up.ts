import { checkFollowUp } from '@crux/domain/registers/follow-up';
import * as rules from '@crux/domain/rules';
import { fieldError } from '@crux/domain/validation';
import { followUpRepo } from '@crux/store/follow-up-repo';
import type { TenantScope } from '@crux/store/tenant-scope';
import { isShared, sharedAnswer } from '../http/outcome';
import type { RequestOf } from '../http/request';
import { type ApiResponse, errorResponse, json } from '../http/response';
import { clientFor, tableName } from '../runtime/dynamo';

const path = '/api/centres/{centreId}/volunteer-follow-up/{year}';
const repo = (scope: TenantScope) => followUpRepo(clientFor(scope), tableName(), scope);

/** The year's well-being talks and gatherings: one GetItem, an empty year until someone plans it. */
export async function getFollowUp(req: RequestOf<`GET ${typeof path}`>): Promise<ApiResponse> {
  const year = Number(req.params.year);
  return json(200, await repo(req.scope).get(year));
}

/** The whole year's document, against the version shown; every volunteer named checked in the same write. */
export async function setFollowUp(req: RequestOf<`PUT ${typeof path}`>): Promise<ApiResponse> {
  const year = Number(req.params.year);
  const named = checkFollowUp(year, req.body);
  if (!named.ok) return errorResponse(named.error);
  const outcome = await repo(req.scope).set(year, req.body, named.value, req.now);
  if (isShared(outcome)) return sharedAnswer(outcome);
  switch (outcome.kind) {
    case 'written':
      return json(200, outcome.followUp);
    case 'unknown_volunteer': {
      const talk = req.body.talks.findIndex((t) => t.volunteerId === outcome.volunteerId);
      const gathering = req.body.gatherings.findIndex((g) => g.attendees.includes(outcome.volunteerId));
      const field =
        talk >= 0
          ? `talks.${talk}.volunteerId`
          : `gatherings.${gathering}.attendees.${req.body.gatherings[gathering]?.attendees.indexOf(outcome.volunteerId)}`;
      return errorResponse(fieldError(field, rules.unknownVolunteer));
    }
  }
}
