import * as z from 'zod/mini';
import { ActivityItem, checkActivityItem } from './activity';
import type { Catalogue } from './catalogue/lists';
import { type FieldError, fail, ok, type Result } from './errors';
import { Outcome, ParticipantCreate, ParticipantId } from './participant';
import { PastDate } from './period';
import { RecordId } from './record-id';
import { checkSpan, HoursCreate, MeasureCreate } from './records/spans';
import { checkRegisterRecords, importedRegisterRecords } from './registers/import';
import * as rules from './rules';
import type { Rule } from './validation';
import { fieldError, validationError } from './validation';

/**
 * Records brought in together (the records a centre kept before it used the platform; the demo data):
 * the very schemas of the one-by-one routes, the same catalogue and tenancy rules, written in one
 * transaction. The importer chooses the participants' ids, so the batch's other records can name them.
 * A participant comes whole: its measures, orders and end with it. So do the registers' records
 * (registers/import.ts): volunteers, their hours by month, staff positions, the shop's months, income.
 */

const ImportedSpan = z.strictObject({ id: RecordId, ...MeasureCreate.def.shape });

export const ImportedParticipant = z.strictObject({
  type: z.literal('participant'),
  id: ParticipantId,
  body: ParticipantCreate,
  end: z.optional(z.strictObject({ endDate: PastDate, outcome: Outcome })),
  measures: z.optional(z.array(ImportedSpan).check(z.maxLength(20))),
  orders: z.optional(z.array(ImportedSpan).check(z.maxLength(20))),
});
export const ImportedEntry = z.strictObject({
  type: z.literal('entry'),
  date: PastDate,
  ...ActivityItem.shape,
});
export const ImportedHours = z.strictObject({
  type: z.literal('hours'),
  id: RecordId,
  participantId: ParticipantId,
  orderId: RecordId,
  ...HoursCreate.shape,
});

/** At most this many records in one import, so it and its checks fit one transaction of DynamoDB (100 items). */
export const MAX_IMPORT_RECORDS = 60;

export const CentreImport = z.strictObject({
  records: z
    .array(
      z.discriminatedUnion('type', [
        ImportedParticipant,
        ImportedEntry,
        ImportedHours,
        ...importedRegisterRecords,
      ]),
    )
    .check(z.minLength(1), z.maxLength(MAX_IMPORT_RECORDS)),
});
export type CentreImport = z.infer<typeof CentreImport>;
export type ImportedParticipant = z.infer<typeof ImportedParticipant>;
export type ImportedEntry = z.infer<typeof ImportedEntry>;
export type ImportedHours = z.infer<typeof ImportedHours>;

const within = (day: string, from: string, to: string | undefined) =>
  day >= from && (to === undefined || day <= to);

/**
 * The rules a batch can be checked by on its own, each error at its record (`records.3.measures.0.type`):
 * each id the batch chooses used once, ends not before starts, and every measure, order and hour within
 * its participation (and hours within their order) where the participant comes in the same batch; the
 * registers' own (registers/import.ts); and, given a catalogue, the catalogue's.
 * What names a participant already stored, and the stored catalogue, the write's own transaction checks.
 */
export function checkImport(batch: CentreImport, catalogue?: Catalogue): Result<CentreImport> {
  const fields: FieldError[] = [];
  const at = (i: number, field: string, rule: Rule) =>
    fields.push(...(fieldError(`records.${i}.${field}`, rule).fields ?? []));
  const people = new Map<string, ImportedParticipant>();
  for (const r of batch.records) if (r.type === 'participant') people.set(r.id, r);
  fields.push(...checkRegisterRecords(batch.records, catalogue));
  // Each id the importer chooses names one record: a transaction may write an item only once (DynamoDB
  // in AWS refuses the whole request otherwise), and of two measures under one id only one would be kept.
  const ids = new Set<string>();
  const once = (i: number, field: string, id: string) => {
    if (ids.has(id)) at(i, field, rules.duplicateId);
    ids.add(id);
  };
  batch.records.forEach((r, i) => {
    if (r.type === 'entry' && catalogue) fields.push(...checkActivityItem(catalogue, r, `records.${i}`));
    if (r.type === 'participant') {
      once(i, 'id', r.id);
      const end = r.end?.endDate;
      if (end !== undefined && end < r.body.startDate) at(i, 'end.endDate', rules.beforeStart);
      for (const [list, spans] of [
        ['measureTypes', r.measures],
        ['orderTypes', r.orders],
      ] as const) {
        (spans ?? []).forEach((s, j) => {
          const field = `${list === 'measureTypes' ? 'measures' : 'orders'}.${j}`;
          once(i, `${field}.id`, s.id);
          const found = catalogue ? checkSpan(catalogue, list, s) : ok(s);
          if (!found.ok) {
            // The catalogue's own refusal (unknown or retired), moved to the record's field.
            const refused = found.error.fields?.[0];
            if (refused) fields.push({ ...refused, field: `records.${i}.${field}.type` });
            else at(i, `${field}.type`, rules.unknownType);
          }
          const last = s.endDate ?? end;
          if (s.startDate < r.body.startDate || (end !== undefined && (last === undefined || last > end)))
            at(i, `${field}.startDate`, rules.outsideParticipation);
        });
      }
    }
    if (r.type === 'hours') {
      once(i, 'id', r.id);
      const person = people.get(r.participantId);
      const order = person?.orders?.find((o) => o.id === r.orderId);
      if (person && !order) at(i, 'orderId', rules.unknownOrder);
      if (
        person &&
        order &&
        !(
          within(r.date, order.startDate, order.endDate) &&
          within(r.date, person.body.startDate, person.end?.endDate)
        )
      )
        at(i, 'date', rules.outsideOrder);
    }
  });
  return fields.length ? fail(validationError(fields)) : ok(batch);
}
