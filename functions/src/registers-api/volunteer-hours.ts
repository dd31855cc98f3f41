import { randomUUID } from 'node:crypto';
import { conflict, notFound } from '@crux/domain/errors';
import { type Month, monthOf, monthsBetween } from '@crux/domain/period';
import {
  checkVolunteerHours,
  type OwnHours,
  type VolunteerHoursEntry,
} from '@crux/domain/registers/volunteers';
import * as rules from '@crux/domain/rules';
import { fieldError } from '@crux/domain/validation';
import type { TenantScope } from '@crux/store/tenant-scope';
import { type EntryOutcome, volunteerHoursRepo, type Writer } from '@crux/store/volunteer-hours-repo';
import { catalogueRefusal } from '../http/catalogue-refusal';
import { idempotencyKeyReused } from '../http/errors';
import type { Principal } from '../http/principal';
import type { RequestOf } from '../http/request';
import { type ApiResponse, errorResponse, json, refusalResponse } from '../http/response';
import { clientFor, tableName } from '../runtime/dynamo';

const hours = '/api/centres/{centreId}/volunteers/{volunteerId}/hours';
const repo = (scope: TenantScope) => volunteerHoursRepo(clientFor(scope), tableName(), scope);

/** Staff and leaders write for any volunteer of the centre; a volunteer only on the record linked to them. */
const writerOf = (principal: Principal): Writer =>
  principal.role === 'volunteer' ? { volunteer: principal.subject } : {};

function sums(months: readonly Month[], entries: readonly VolunteerHoursEntry[]) {
  const byMonth = months.map((month) => ({
    month,
    hours: entries.filter((e) => monthOf(e.date) === month).reduce((n, e) => n + e.hours, 0),
  }));
  return { months: byMonth, total: byMonth.reduce((n, m) => n + m.hours, 0) };
}

/**
 * One volunteer's hours of a year or a month, with their record: one TransactGetItems. A volunteer
 * reads only the record linked to their account; any other is not found, as if it did not exist.
 */
export async function volunteerHours(req: RequestOf<`GET ${typeof hours}`>): Promise<ApiResponse> {
  const id = req.params.volunteerId;
  const { year, month } = req.query;
  const months = month ? [month] : monthsBetween(`${year}-01`, `${year}-12`);
  const { record, entries } = await repo(req.scope).ofVolunteer(id, months);
  const own = writerOf(req.principal).volunteer;
  // For a volunteer, any record but their own is refused (logged so), whether it exists or not.
  if (own && record?.account !== own) return refusalResponse(notFound());
  if (!record) return errorResponse(notFound());
  const { name, startDate, endDate, arenas } = record as OwnHours['volunteer'];
  const answer: OwnHours = {
    volunteer: { id, name, startDate, ...(endDate ? { endDate } : {}), arenas },
    entries,
    ...sums(months, entries),
  };
  return json(200, answer);
}

/** Hours given on a day in an arena: one transaction with the record's and the catalogue's checks. */
export async function logVolunteerHours(req: RequestOf<`POST ${typeof hours}`>): Promise<ApiResponse> {
  const id = req.params.volunteerId;
  const writer = writerOf(req.principal);
  const outcome = await repo(req.scope).log(id, randomUUID(), req.body, writer, req.now, req.idempotency);
  switch (outcome.kind) {
    case 'written':
      return json(201, outcome.entry);
    case 'replayed':
      return json(outcome.status, outcome.body);
    case 'key_reused':
      return errorResponse(idempotencyKeyReused());
    case 'not_found':
      return errorResponse(notFound());
    case 'not_own':
      return refusalResponse(notFound());
    case 'outside_volunteering':
      return errorResponse(fieldError('date', rules.outsideVolunteering));
    case 'catalogue_refused':
      return errorResponse(catalogueRefusal(outcome.catalogue, (c) => checkVolunteerHours(c, req.body)));
  }
}

function answerChange(outcome: EntryOutcome, arena: string | undefined): ApiResponse {
  switch (outcome.kind) {
    case 'written':
      return json(200, outcome.entry);
    case 'not_found':
      return errorResponse(notFound());
    // A volunteer reaching into another's record: answered as missing, logged as refused (access-log.ts).
    case 'not_own':
      return refusalResponse(notFound());
    case 'stale':
      return errorResponse(conflict(outcome.current));
    case 'catalogue_refused':
      return errorResponse(
        catalogueRefusal(outcome.catalogue, (c) => checkVolunteerHours(c, { arena: arena ?? '' })),
      );
  }
}

/** A correction of the arena or the hours, against the version shown. */
export async function correctVolunteerHours(
  req: RequestOf<`PUT ${typeof hours}/{date}/{entryId}`>,
): Promise<ApiResponse> {
  const { volunteerId, date, entryId } = req.params;
  const writer = writerOf(req.principal);
  const outcome = await repo(req.scope).correct(volunteerId, date, entryId, req.body, writer, req.now);
  return answerChange(outcome, req.body.arena);
}

/** Takes a log back, against the version shown: kept as deleted (who and when), out of every count. */
export async function deleteVolunteerHours(
  req: RequestOf<`DELETE ${typeof hours}/{date}/{entryId}`>,
): Promise<ApiResponse> {
  const { volunteerId, date, entryId } = req.params;
  const version = Number(req.query.version);
  const writer = writerOf(req.principal);
  const outcome = await repo(req.scope).remove(volunteerId, date, entryId, version, writer, req.now);
  if (outcome.kind === 'deleted') return { statusCode: 204, headers: { 'cache-control': 'no-store' } };
  return answerChange(outcome, undefined);
}

/** Every volunteer's hours of a month, for the staff's overview: one Query. */
export async function monthOfVolunteerHours(
  req: RequestOf<'GET /api/centres/{centreId}/volunteer-hours'>,
): Promise<ApiResponse> {
  return json(200, { month: req.query.month, items: await repo(req.scope).ofMonth(req.query.month) });
}
