import { randomUUID } from 'node:crypto';
import { conflict, notFound } from '@crux/domain/errors';
import { checkVolunteer } from '@crux/domain/registers/volunteers';
import * as rules from '@crux/domain/rules';
import { fieldError } from '@crux/domain/validation';
import type { TenantScope } from '@crux/store/tenant-scope';
import { volunteersRepo } from '@crux/store/volunteers-repo';
import { catalogueRefusal } from '../http/catalogue-refusal';
import { isShared, sharedAnswer } from '../http/outcome';
import type { RequestOf } from '../http/request';
import { type ApiResponse, errorResponse, json } from '../http/response';
import { clientFor, tableName } from '../runtime/dynamo';

const base = '/api/centres/{centreId}/volunteers';
const repo = (scope: TenantScope) => volunteersRepo(clientFor(scope), tableName(), scope);

const noContent = (): ApiResponse => ({ statusCode: 204, headers: { 'cache-control': 'no-store' } });

export async function listVolunteers(req: RequestOf<`GET ${typeof base}`>): Promise<ApiResponse> {
  const page = await repo(req.scope).list(req.query);
  return page === 'bad_cursor' ? errorResponse(fieldError('cursor', rules.cursor)) : json(200, page);
}

export async function createVolunteer(req: RequestOf<`POST ${typeof base}`>): Promise<ApiResponse> {
  const outcome = await repo(req.scope).create(randomUUID(), req.body, req.now, req.idempotency);
  if (isShared(outcome)) return sharedAnswer(outcome);
  switch (outcome.kind) {
    case 'written':
      return json(201, outcome.volunteer);
    case 'catalogue_refused':
      return errorResponse(catalogueRefusal(outcome.catalogue, (c) => checkVolunteer(c, req.body)));
  }
}

/** A correction, or the end of a volunteer's time at the centre, against the version shown. */
export async function updateVolunteer(
  req: RequestOf<`PUT ${typeof base}/{volunteerId}`>,
): Promise<ApiResponse> {
  const id = req.params.volunteerId;
  const outcome = await repo(req.scope).update(id, req.body, req.now);
  if (isShared(outcome)) return sharedAnswer(outcome);
  switch (outcome.kind) {
    case 'written':
      return json(200, outcome.volunteer);
    case 'catalogue_refused':
      return errorResponse(catalogueRefusal(outcome.catalogue, (c) => checkVolunteer(c, req.body)));
  }
}

/** Links a sign-in account to the record: from then on that volunteer logs their own hours. */
export async function linkAccount(
  req: RequestOf<`PUT ${typeof base}/{volunteerId}/account`>,
): Promise<ApiResponse> {
  const id = req.params.volunteerId;
  const outcome = await repo(req.scope).link(id, req.body.account, req.now);
  if (isShared(outcome)) return sharedAnswer(outcome);
  switch (outcome.kind) {
    case 'linked':
      return json(200, { volunteerId: id, account: req.body.account });
    case 'already_linked':
      return errorResponse(conflict(outcome.current));
    case 'account_taken':
      return errorResponse(fieldError('account', rules.accountTaken));
  }
}

export async function unlinkAccount(
  req: RequestOf<`DELETE ${typeof base}/{volunteerId}/account`>,
): Promise<ApiResponse> {
  const id = req.params.volunteerId;
  const outcome = await repo(req.scope).unlink(id, req.query.account);
  return outcome === 'unlinked' ? noContent() : errorResponse(notFound());
}

/** A volunteer's own record id, by the link to their account: one GetItem. */
export async function ownVolunteer(req: RequestOf<'GET /api/centres/{centreId}/me'>): Promise<ApiResponse> {
  const volunteerId = await repo(req.scope).ofAccount(req.principal.subject);
  return volunteerId ? json(200, { volunteerId }) : errorResponse(notFound());
}
