import { onboardedRole } from '@crux/domain/account-rules';
import type { AppError } from '@crux/domain/errors';
import { centresRepo } from '@crux/store/centres-repo';
import { accountDirectory } from '../accounts/directory';
import { emailInUse } from '../accounts/errors';
import { once } from '../accounts/once';
import type { RequestOf } from '../http/request';
import { type ApiResponse, errorResponse } from '../http/response';
import { documentClient, tableName } from '../runtime/dynamo';

export const centreIdTaken = (field: string): AppError => ({
  code: 'conflict',
  message: {
    nb: 'Det finnes allerede et senter med denne id-en.',
    en: 'A centre with this id already exists.',
  },
  fields: [
    {
      field,
      rule: 'unique',
      message: { nb: 'Id-en er i bruk. Velg en annen.', en: 'This id is taken. Choose another.' },
    },
  ],
});

/**
 * The platform admin onboards a centre and its first leader in one action: the centre in the registry,
 * then the leader's account in the user pool (invited by e-mail, with the centre and the leader role set
 * here). A leader whose e-mail is taken refuses the whole action before anything is written. A request
 * cut off between the two steps is finished by sending it again (same Idempotency-Key): the centre it
 * registered carries its mark, and the pool returns the leader it made. If the leader cannot be made
 * after the centre was registered (someone took the e-mail in between), the centre is taken back.
 */
export async function onboardCentre(req: RequestOf<'POST /api/admin/onboardings'>): Promise<ApiResponse> {
  const { centre: input, leader } = req.body;
  const directory = accountDirectory();
  const ownLeader = (a: { centre?: string; role: string; name: string } | undefined) =>
    a !== undefined && a.centre === input.id && a.role === onboardedRole && a.name === leader.name;

  const existing = await directory.findByEmail(leader.email);
  if (existing && !ownLeader(existing)) return errorResponse(emailInUse('leader.email'));

  const registry = centresRepo(documentClient(), tableName());
  const mark = `${req.idempotency.subject}#${req.idempotency.key}`;
  return once('admin', req.idempotency, async (resumed) => {
    const registered = await registry.registerForOnboarding(input, req.now, mark);
    if (registered.kind === 'exists') return centreIdTaken('centre.id');
    const made = await directory.create({ ...leader, role: onboardedRole, centre: input.id });
    if (made.kind === 'exists' && !(resumed && ownLeader(made.account))) {
      await registry.withdrawOnboarding(input.id, mark);
      return emailInUse('leader.email');
    }
    return { status: 201, body: { centre: registered.centre, leader: made.account } };
  });
}
