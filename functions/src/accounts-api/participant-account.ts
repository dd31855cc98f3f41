import { mayManage } from '@crux/domain/account-rules';
import { notFound } from '@crux/domain/errors';
import { PARTICIPANT_ROLE } from '@crux/domain/roles';
import { centreSettingsRepo } from '@crux/store/centre-settings-repo';
import { participantsRepo } from '@crux/store/participants-repo';
import { accountDirectory } from '../accounts/directory';
import {
  emailInUse,
  participantAccountUnderWay,
  participantEnded,
  participantHasAccount,
  participantSignInOff,
  roleNotAllowed,
} from '../accounts/errors';
import { once } from '../accounts/once';
import type { RequestOf } from '../http/request';
import { type ApiResponse, errorResponse, json } from '../http/response';
import { clientFor, tableName } from '../runtime/dynamo';

type Request = RequestOf<'POST /api/centres/{centreId}/participants/{participantId}/account'>;

/**
 * The participant's account, or `null` while they have none: for their page, to show whether they have
 * access. A participant of another centre (or none at all) has none here, as the centre's group holds it.
 */
export async function readParticipantAccount(
  req: RequestOf<'GET /api/centres/{centreId}/participants/{participantId}/account'>,
): Promise<ApiResponse> {
  const { participantId } = req.params;
  const accounts = await accountDirectory().list(req.scope.centre);
  return json(200, { account: accounts.find((a) => a.participant === participantId) ?? null });
}

/**
 * A participant's own account (issue 12), made by staff or the leader from the participant's page. The
 * centre and role come from the caller's scope, the participant from the path, the name from the
 * participant's record: the request gives only the e-mail. Refused, with nothing made, where the centre
 * has participant sign-in off, where the participant is not this centre's (or is erased: not found), has
 * ended, or has an account already. The record and the settings are read through the tenant role, both
 * at once.
 */
export async function createParticipantAccount(req: Request): Promise<ApiResponse> {
  if (!mayManage(req.principal.role, PARTICIPANT_ROLE)) return errorResponse(roleNotAllowed());
  const { scope } = req;
  const { participantId } = req.params;
  const { email } = req.body;
  const [participant, settings] = await Promise.all([
    participantsRepo(clientFor(scope), tableName(), scope).get(participantId),
    centreSettingsRepo(clientFor(scope), tableName(), scope).get(),
  ]);
  if (!participant) return errorResponse(notFound());
  if (!settings.participantSignIn) return errorResponse(participantSignInOff());
  if (participant.endDate) return errorResponse(participantEnded());
  const centre = scope.centre;
  // Custom attributes cannot be searched in Cognito; the centre's group is a few dozen accounts.
  const linkedAccount = async () =>
    (await accountDirectory().list(centre)).find((a) => a.participant === participantId);
  return once(
    'accounts',
    req.idempotency,
    async (resumed) => {
      const linked = await linkedAccount();
      if (linked)
        return resumed && linked.email === email
          ? { status: 201, body: linked }
          : participantHasAccount(linked);
      const outcome = await accountDirectory().create({
        email,
        name: participant.displayName,
        role: PARTICIPANT_ROLE,
        centre,
        participant: participantId,
      });
      if (outcome.kind === 'created') return { status: 201, body: outcome.account };
      return emailInUse('email');
    },
    {
      centre,
      participant: participantId,
      // Another request about them holds the claim: the account it made, or it is still under way.
      taken: async () => {
        const linked = await linkedAccount();
        return linked ? participantHasAccount(linked) : participantAccountUnderWay();
      },
    },
  );
}
