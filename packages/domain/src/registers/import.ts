import * as z from 'zod/mini';
import type { Catalogue } from '../catalogue/lists';
import type { FieldError } from '../errors';
import { monthOf, Year } from '../period';
import { RecordId } from '../record-id';
import * as rules from '../rules';
import type { Rule } from '../validation';
import { fieldError } from '../validation';
import { MonthQueryParam } from '../year-param';
import { checkIncome, IncomeUpdate } from './economy';
import { PositionCreate } from './positions';
import { ShopMonthUpdate } from './shop';
import {
  AccountSubject,
  checkVolunteer,
  checkVolunteerHours,
  VolunteerCreate,
  VolunteerHoursCreate,
} from './volunteers';

/**
 * The registers' records in an import (see import.ts), each with the schema of its one-by-one route:
 * a volunteer whole (and the account linked to it), a volunteer's hours of a month, a staff position,
 * the shop's kilograms of a month, a year's income.
 */
export const ImportedVolunteer = z.strictObject({
  type: z.literal('volunteer'),
  id: RecordId,
  body: VolunteerCreate,
  account: z.optional(AccountSubject),
});
export const ImportedVolunteerHours = z.strictObject({
  type: z.literal('volunteerHours'),
  volunteerId: RecordId,
  month: MonthQueryParam,
  entries: z
    .array(z.strictObject({ id: RecordId, ...VolunteerHoursCreate.shape }))
    .check(z.minLength(1), z.maxLength(62)),
});
export const ImportedPosition = z.strictObject({
  type: z.literal('position'),
  id: RecordId,
  body: PositionCreate,
});
export const ImportedShopMonth = z.strictObject({
  type: z.literal('shopMonth'),
  month: MonthQueryParam,
  kilograms: ShopMonthUpdate.shape.kilograms,
});
export const ImportedIncome = z.strictObject({
  type: z.literal('income'),
  year: Year,
  amounts: IncomeUpdate.shape.amounts,
});

export const importedRegisterRecords = [
  ImportedVolunteer,
  ImportedVolunteerHours,
  ImportedPosition,
  ImportedShopMonth,
  ImportedIncome,
] as const;

export type ImportedVolunteer = z.infer<typeof ImportedVolunteer>;
export type ImportedVolunteerHours = z.infer<typeof ImportedVolunteerHours>;
export type ImportedRegisterRecord = z.infer<(typeof importedRegisterRecords)[number]>;

const within = (day: string, from: string, to: string | undefined) =>
  day >= from && (to === undefined || day <= to);

/** What a record writes, by which it may come only once a batch (a transaction takes each item once). */
function itemOf(r: ImportedRegisterRecord): string[] {
  switch (r.type) {
    case 'volunteer':
      return [`volunteer ${r.id}`, ...(r.account ? [`account ${r.account}`] : [])];
    case 'volunteerHours':
      return [`hours ${r.volunteerId} ${r.month}`];
    case 'position':
      return [`position ${r.id}`];
    case 'shopMonth':
      return [`shop ${r.month}`];
    case 'income':
      return [`income ${r.year}`];
  }
}

/**
 * The rules the batch's register records keep within it, errors at `records.<i>.…`: each item once, a
 * month's hours dated in that month and within the volunteer's time where the volunteer comes in the
 * same batch; given a catalogue, the arenas and the income sources they name.
 */
export function checkRegisterRecords(
  records: readonly { type: string }[],
  catalogue: Catalogue | undefined,
): FieldError[] {
  const volunteers = new Map<string, ImportedVolunteer>();
  for (const r of records)
    if (r.type === 'volunteer') volunteers.set((r as ImportedVolunteer).id, r as ImportedVolunteer);
  const seen = new Set<string>();
  return records.flatMap((r, i) => {
    if (!isRegisterRecord(r)) return [];
    const repeated = itemOf(r).some((item) => seen.has(item));
    for (const item of itemOf(r)) seen.add(item);
    const own = checkRegisterRecord(r, i, volunteers, catalogue);
    return repeated ? [...(fieldError(`records.${i}`, rules.duplicateId).fields ?? []), ...own] : own;
  });
}

function checkRegisterRecord(
  r: ImportedRegisterRecord,
  i: number,
  volunteers: ReadonlyMap<string, ImportedVolunteer>,
  catalogue: Catalogue | undefined,
): FieldError[] {
  const at = (field: string, rule: Rule) => fieldError(`records.${i}.${field}`, rule).fields ?? [];
  const prefixed = (fields: readonly FieldError[] | undefined, under: string) =>
    (fields ?? []).map((f) => ({ ...f, field: `records.${i}.${under}${f.field}` }));
  if (r.type === 'volunteer') {
    const checked = catalogue ? checkVolunteer(catalogue, r.body) : undefined;
    return checked && !checked.ok ? prefixed(checked.error.fields, 'body.') : [];
  }
  if (r.type === 'volunteerHours') {
    const volunteer = volunteers.get(r.volunteerId)?.body;
    return r.entries.flatMap((e, j) => {
      const fields: FieldError[] = [];
      if (monthOf(e.date) !== r.month) fields.push(...at(`entries.${j}.date`, rules.otherMonth));
      else if (volunteer && !within(e.date, volunteer.startDate, volunteer.endDate))
        fields.push(...at(`entries.${j}.date`, rules.outsideVolunteering));
      const arena = catalogue ? checkVolunteerHours(catalogue, e) : undefined;
      if (arena && !arena.ok) fields.push(...prefixed(arena.error.fields, `entries.${j}.`));
      return fields;
    });
  }
  if (r.type === 'income' && catalogue) {
    const checked = checkIncome(catalogue, { amounts: r.amounts, version: 0 });
    return checked.ok ? [] : prefixed(checked.error.fields, '');
  }
  return [];
}

/** The catalogue entries a register record names: arenas, income sources (a retired source allowed). */
export function registerUses(r: ImportedRegisterRecord) {
  if (r.type === 'volunteer') return r.body.arenas.map((id) => ({ list: 'volunteerArenas' as const, id }));
  if (r.type === 'volunteerHours')
    return r.entries.map((e) => ({ list: 'volunteerArenas' as const, id: e.arena }));
  if (r.type === 'income')
    return Object.keys(r.amounts).map((id) => ({ list: 'incomeSources' as const, id, retiredToo: true }));
  return [];
}

export const isRegisterRecord = (r: { type: string }): r is ImportedRegisterRecord =>
  importedRegisterRecords.some((schema) => (schema.shape.type.def.values as unknown[]).includes(r.type));
