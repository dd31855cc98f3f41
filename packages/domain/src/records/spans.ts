import * as z from 'zod/mini';
import { rangeChecks } from '../activity';
import { Slug } from '../catalogue/ids';
import type { Catalogue } from '../catalogue/lists';
import { fail, ok, type Result } from '../errors';
import { ParticipantId } from '../participant';
import { IsoDate, PastDate, PlannedDate } from '../period';
import * as rules from '../rules';
import { raise, validationError } from '../validation';
import { catalogueRefErrors } from './catalogue-ref';

/** Start and end of something a participant takes part in: the end, when known, not before the start. */
export const endNotBeforeStart = z.refine<{ startDate: string; endDate?: string | undefined }>(
  (r) => r.endDate === undefined || r.endDate >= r.startDate,
  { ...raise(rules.beforeStart), path: ['endDate'] },
);

/**
 * Something of a catalogue type a participant takes part in from a start to an end, posted on the
 * participant's page (the participant is the route's). Both dates may be agreed a little ahead.
 */
const span = { type: Slug, startDate: PlannedDate, endDate: z.optional(PlannedDate) };

/** A work-training or own measure: NAV activity measure, VTO, mentor, … */
export const MeasureCreate = z.strictObject(span).check(endNotBeforeStart);
export type MeasureCreate = z.infer<typeof MeasureCreate>;

/** A correctional order served at the centre: community sentence, fine-serving, electronic monitoring. */
export const OrderCreate = MeasureCreate;
export type OrderCreate = MeasureCreate;

/** A correction of a measure or an order (ending it, most often), made against the version shown. */
export const SpanUpdate = z
  .strictObject({ ...span, version: z.int().check(z.gte(1)) })
  .check(endNotBeforeStart);
export type SpanUpdate = z.infer<typeof SpanUpdate>;

/** A measure or order as stored on its participant. */
export type Span = MeasureCreate & { id: string; version: number; createdAt: string; updatedAt: string };

/** The span against the catalogue: its type exists in the list and is in use. */
export function checkSpan<S extends { type: string }>(
  catalogue: Catalogue,
  list: 'measureTypes' | 'orderTypes',
  span: S,
): Result<S> {
  const fields = catalogueRefErrors(catalogue, list, span.type, 'type');
  return fields.length > 0 ? fail(validationError(fields)) : ok(span);
}

/**
 * Hours served on an order on one day, posted on the order (its participant and type are the order's).
 * Quarter hours, so that sums stay exact; served, so the day has happened.
 */
export const HoursCreate = z.strictObject({
  date: PastDate,
  hours: z.number().check(
    z.gte(0.25),
    z.lte(24),
    z.refine((h) => Number.isInteger(h * 4), { ...raise(rules.quarterHours) }),
  ),
});
export type HoursCreate = z.infer<typeof HoursCreate>;

export type HoursEntry = HoursCreate & {
  id: string;
  participantId: string;
  orderId: string;
  createdAt: string;
  createdBy: string;
};

/** The hours logged from `from` to `to` (at most a year), optionally of one participant. */
export const HoursListQuery = z
  .strictObject({ from: IsoDate, to: IsoDate, participantId: z.optional(ParticipantId) })
  .check(...rangeChecks);
export type HoursListQuery = z.infer<typeof HoursListQuery>;
