import * as z from 'zod/mini';
import type { Catalogue } from '../catalogue/lists';
import { Slug } from '../catalogue/schema';
import { fail, ok, type Result } from '../errors';
import { ParticipantId } from '../participant';
import { fieldError, validationError } from '../validation';
import { catalogueRefErrors } from './catalogue-ref';
import { RecordDate } from './date';

/**
 * One save in *I dag*: a day's count of one activity kind of the catalogue, for the centre or for one
 * participant. A day's visits are one entry with their count, not one entry a visit.
 */
export const EntryCreate = z.strictObject({
  date: RecordDate,
  kind: Slug,
  count: z.int().check(z.gte(1), z.lte(10_000)),
  participantId: z.optional(ParticipantId),
});
export type EntryCreate = z.infer<typeof EntryCreate>;

/** The entry against the catalogue: its kind exists and is in use, and it names a participant as the kind says. */
export function checkEntry(catalogue: Catalogue, entry: EntryCreate): Result<EntryCreate> {
  const fields = catalogueRefErrors(catalogue, 'activityKinds', entry.kind, 'kind');
  const kind = catalogue.activityKinds.find((k) => k.id === entry.kind);
  if (kind?.participant === 'must' && entry.participantId === undefined)
    fields.push(...(fieldError('participantId', 'participant_required').fields ?? []));
  if (kind?.participant === 'mustNot' && entry.participantId !== undefined)
    fields.push(...(fieldError('participantId', 'participant_not_allowed').fields ?? []));
  return fields.length > 0 ? fail(validationError(fields)) : ok(entry);
}
