import type { Audience } from '@crux/api/audiences';
import type { AppError } from '@crux/domain/errors';
import { apartFromLoggedWrite } from '@crux/store/access-log';
import { type About, externalIdempotency } from '@crux/store/external-idempotency';
import type { Idempotency } from '@crux/store/idempotency';
import { idempotencyKeyReused } from '../http/errors';
import { type ApiResponse, errorResponse, json } from '../http/response';
import { documentClient, tableName } from '../runtime/dynamo';

export type Answer = { status: number; body: unknown };

/**
 * Runs a POST whose write lands in the user pool at most once per Idempotency-Key (see
 * packages/store/src/external-idempotency.ts): a finished request gets its first answer again, the same
 * key with another request is refused, and a refusal by the rules (an AppError) leaves no record. If
 * `act` throws, the claim stays pending, and the same request sent again carries on (`resumed`).
 * These records are kept apart from a logged request's entry (a participant's account): the change is
 * in the pool, so the entry is written after it, by the request pipeline. `about` names the participant
 * whose account the answer carries: their erasure removes the record (accounts/erasure.ts), and while
 * one request about them is under way (or done within the day), another is answered by `taken`.
 */
export async function once(
  space: Exclude<Audience, 'centre'>,
  idem: Idempotency,
  act: (resumed: boolean) => Promise<Answer | AppError>,
  about?: About & { taken: () => Promise<AppError> },
): Promise<ApiResponse> {
  const requests = externalIdempotency(documentClient(), tableName(), space);
  const participant = about && { centre: about.centre, participant: about.participant };
  const claim = await apartFromLoggedWrite(() => requests.claim(idem, participant));
  if (claim.kind === 'replayed') return json(claim.status, claim.body);
  if (claim.kind === 'key_reused') return errorResponse(idempotencyKeyReused());
  if (claim.kind === 'taken') {
    if (!about) throw new Error('only a claim about a participant can be taken');
    return errorResponse(await about.taken());
  }
  const outcome = await act(claim.resumed);
  if ('code' in outcome) {
    await apartFromLoggedWrite(() => requests.release(idem, participant));
    return errorResponse(outcome);
  }
  await apartFromLoggedWrite(() => requests.complete(idem, outcome, participant));
  return json(outcome.status, outcome.body);
}
