import { foundationRoutes } from '@crux/api/routes/foundation';
import { foundationSchemas } from '@crux/api/schemas/foundation';
import { mayManage } from '@crux/domain/account-rules';
import type { Account } from '@crux/domain/accounts';
import { notFound } from '@crux/domain/errors';
import { isCentreRole, PARTICIPANT_ROLE } from '@crux/domain/roles';
import { accountDirectory } from '../accounts/directory';
import { emailInUse, roleNotAllowed } from '../accounts/errors';
import { once } from '../accounts/once';
import { createApiHandler } from '../http/api-handler';
import type { RequestOf } from '../http/request';
import { type ApiResponse, errorResponse, json } from '../http/response';
import { createParticipantAccount, readParticipantAccount } from './participant-account';

const byName = (a: Account, b: Account) =>
  a.name.localeCompare(b.name, 'nb') || a.email.localeCompare(b.email);

/**
 * The centre's staff, volunteers and leaders. A participant's account is left out: it holds the
 * participant's name and e-mail, which are read, logged, on the participant's own route (participant-account.ts).
 */
async function listAccounts(req: RequestOf<'GET /api/centres/{centreId}/accounts'>): Promise<ApiResponse> {
  const items = (await accountDirectory().list(req.scope.centre)).filter((a) => a.role !== PARTICIPANT_ROLE);
  return json(200, { items: items.sort(byName) });
}

/**
 * The centre is the caller's own, from the token; the role must be one the caller manages
 * (account-rules.ts), which is judged before anything is written.
 */
async function createAccount(req: RequestOf<'POST /api/centres/{centreId}/accounts'>): Promise<ApiResponse> {
  const { email, name, role } = req.body;
  // A participant's account is linked to their record: only through their own route (participant-account.ts).
  if (!mayManage(req.principal.role, role) || !isCentreRole(role) || role === PARTICIPANT_ROLE)
    return errorResponse(roleNotAllowed());
  const centre = req.scope.centre;
  return once('accounts', req.idempotency, async (resumed) => {
    const outcome = await accountDirectory().create({ email, name, role, centre });
    if (outcome.kind === 'created') return { status: 201, body: outcome.account };
    // Only an earlier attempt of this same request may have made it; anyone else's is a conflict.
    const own = outcome.account;
    if (resumed && own.centre === centre && own.role === role && own.name === name)
      return { status: 201, body: own };
    return emailInUse('email');
  });
}

type ActionRequest =
  | RequestOf<'POST /api/centres/{centreId}/accounts/{accountId}/deactivate'>
  | RequestOf<'POST /api/centres/{centreId}/accounts/{accountId}/reactivate'>;

/** An account of the caller's own centre, of a role the caller manages; another centre's is not found. */
async function manageable(req: ActionRequest): Promise<Account | ApiResponse> {
  const account = await accountDirectory().get(req.params.accountId);
  if (!account || account.centre !== req.scope.centre) return errorResponse(notFound());
  if (!mayManage(req.principal.role, account.role)) return errorResponse(roleNotAllowed());
  return account;
}

function setActive(active: boolean) {
  return async (req: ActionRequest): Promise<ApiResponse> => {
    const found = await manageable(req);
    if ('statusCode' in found) return found;
    return once('accounts', req.idempotency, async () => ({
      status: 200,
      body: await accountDirectory().setActive(found.id, active),
    }));
  };
}

/**
 * A centre leader manages the accounts of the leader's own centre: lists them, invites staff and
 * volunteers, and deactivates and reactivates them; staff and the leader give a participant an account
 * to their own plan, and deactivate and reactivate it. The function reaches the user pool through its
 * admin API and the table only for its requests' idempotency records.
 */
const foundation = { routes: foundationRoutes, schemas: foundationSchemas };

export const handler = createApiHandler('accounts', foundation, {
  'GET /api/centres/{centreId}/accounts': listAccounts,
  'POST /api/centres/{centreId}/accounts': createAccount,
  'GET /api/centres/{centreId}/participants/{participantId}/account': readParticipantAccount,
  'POST /api/centres/{centreId}/participants/{participantId}/account': createParticipantAccount,
  'POST /api/centres/{centreId}/accounts/{accountId}/deactivate': setActive(false),
  'POST /api/centres/{centreId}/accounts/{accountId}/reactivate': setActive(true),
});
