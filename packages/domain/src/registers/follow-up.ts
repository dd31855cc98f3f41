import * as z from 'zod/mini';
import { type FieldError, fail, ok, type Result } from '../errors';
import { PastDate, PlannedDate, yearOf } from '../period';
import { RecordId } from '../record-id';
import * as rules from '../rules';
import { SingleLine } from '../text-input';
import type { Rule } from '../validation';
import { fieldError, validationError } from '../validation';

/**
 * How a centre follows its volunteers up in a year: the yearly well-being talk with each
 * (*trivselssamtale*: planned, then held) and the year's gatherings with who came. One document a year,
 * versioned, so two people planning at once never overwrite each other unseen.
 */
const Talk = z.strictObject({
  volunteerId: RecordId,
  plannedDate: z.optional(PlannedDate),
  heldDate: z.optional(PastDate),
});

const Gathering = z.strictObject({
  name: SingleLine(1, 80),
  date: PlannedDate,
  attendees: z.array(RecordId).check(z.maxLength(60)),
});

/** Every volunteer it names is checked in the write's own transaction: at most this many. */
export const MAX_NAMED_VOLUNTEERS = 90;

export const VolunteerFollowUpUpdate = z.strictObject({
  talks: z.array(Talk).check(z.maxLength(MAX_NAMED_VOLUNTEERS)),
  /** Two a year as a rule; room for one moved or added. */
  gatherings: z.array(Gathering).check(z.maxLength(4)),
  /** 0 for a year with no document yet. */
  version: z.int().check(z.gte(0)),
});
export type VolunteerFollowUpUpdate = z.infer<typeof VolunteerFollowUpUpdate>;

export type VolunteerFollowUp = Omit<VolunteerFollowUpUpdate, 'version'> & {
  year: number;
  version: number;
  updatedAt?: string;
  updatedBy?: string;
};

export const emptyFollowUp = (year: number): VolunteerFollowUp => ({
  year,
  talks: [],
  gatherings: [],
  version: 0,
});

/** Each volunteer the document names, with the first and last day it names them on. */
export type NamedVolunteer = { volunteerId: string; first: string; last: string };

/**
 * The rules the document keeps within itself: every date in its year, one talk a volunteer, each
 * attendee once a gathering, a talk held after it was planned, and no more volunteers named than the
 * transaction can check. What remains — that each named volunteer is the centre's, and was one on the
 * days named — the write's own transaction checks.
 */
export function checkFollowUp(year: number, doc: VolunteerFollowUpUpdate): Result<NamedVolunteer[]> {
  const fields: FieldError[] = [];
  const at = (field: string, rule: Rule) => fields.push(...(fieldError(field, rule).fields ?? []));
  const named = new Map<string, NamedVolunteer>();
  const name = (volunteerId: string, day: string | undefined) => {
    const n = named.get(volunteerId) ?? { volunteerId, first: day ?? '', last: day ?? '' };
    if (day && (!n.first || day < n.first)) n.first = day;
    if (day && day > n.last) n.last = day;
    named.set(volunteerId, n);
  };
  doc.talks.forEach((t, i) => {
    if (doc.talks.slice(0, i).some((o) => o.volunteerId === t.volunteerId))
      at(`talks.${i}.volunteerId`, rules.duplicateId);
    for (const field of ['plannedDate', 'heldDate'] as const) {
      const day = t[field];
      if (day && yearOf(day) !== year) at(`talks.${i}.${field}`, rules.otherYear);
    }
    name(t.volunteerId, t.heldDate ?? t.plannedDate);
  });
  doc.gatherings.forEach((g, i) => {
    if (yearOf(g.date) !== year) at(`gatherings.${i}.date`, rules.otherYear);
    g.attendees.forEach((id, j) => {
      if (g.attendees.slice(0, j).includes(id)) at(`gatherings.${i}.attendees.${j}`, rules.duplicateId);
      name(id, g.date);
    });
  });
  if (named.size > MAX_NAMED_VOLUNTEERS) at('talks', rules.tooManyVolunteers);
  return fields.length ? fail(validationError(fields)) : ok([...named.values()]);
}
