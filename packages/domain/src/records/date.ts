import * as z from 'zod/mini';
import { IsoDate } from '../period';

/** The platform's first day: nothing a centre registers is older (the oldest centre opened in 2001). */
export const firstRecordDate = '2000-01-01';

/**
 * A date a record is registered for: a real calendar date, not before 2000. Not after today either,
 * but today is the caller's (Norway's calendar day), so the route checks that (`future`).
 */
export const RecordDate = IsoDate.check(z.refine((d) => d >= firstRecordDate, { message: 'too_early' }));

/** Start and end of something a participant takes part in: the end, when known, not before the start. */
export const endNotBeforeStart = z.refine<{ startDate: string; endDate?: string | undefined }>(
  (r) => r.endDate === undefined || r.endDate >= r.startDate,
  { message: 'before_start', path: ['endDate'] },
);
