import * as z from 'zod/mini';
import type { Catalogue } from '../catalogue/lists';
import { Slug } from '../catalogue/schema';
import { fail, ok, type Result } from '../errors';
import { validationError } from '../validation';
import { catalogueRefErrors } from './catalogue-ref';
import { endNotBeforeStart, RecordDate } from './date';

/**
 * Something of a catalogue type a participant takes part in from a start to an end, posted on the
 * participant's page (the participant is the route's); an end already known may come with it.
 */
const SpanCreate = z
  .strictObject({ type: Slug, startDate: RecordDate, endDate: z.optional(RecordDate) })
  .check(endNotBeforeStart);

/** A work-training or own measure: NAV activity measure, VTO, mentor, … */
export const MeasureCreate = SpanCreate;
export type MeasureCreate = z.infer<typeof MeasureCreate>;

/** A correctional order served at the centre: community sentence, fine-serving, electronic monitoring. */
export const OrderCreate = SpanCreate;
export type OrderCreate = z.infer<typeof OrderCreate>;

/** The span against the catalogue: its type exists in the list and is in use. */
export function checkSpan(
  catalogue: Catalogue,
  list: 'measureTypes' | 'orderTypes',
  span: MeasureCreate | OrderCreate,
): Result<MeasureCreate | OrderCreate> {
  const fields = catalogueRefErrors(catalogue, list, span.type, 'type');
  return fields.length > 0 ? fail(validationError(fields)) : ok(span);
}

/**
 * Hours served on an order on one day, posted on the order (its participant and type are the order's).
 * Quarter hours, so that sums stay exact.
 */
export const HoursCreate = z.strictObject({
  date: RecordDate,
  hours: z.number().check(
    z.gte(0.25),
    z.lte(24),
    z.refine((h) => Number.isInteger(h * 4), { message: 'quarter_hours' }),
  ),
});
export type HoursCreate = z.infer<typeof HoursCreate>;
