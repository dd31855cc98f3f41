import type { FieldError } from '@crux/domain/errors';
import type { VolunteerFollowUp, VolunteerFollowUpUpdate } from '@crux/domain/registers/follow-up';

/**
 * The year's follow-up as the form edits it: one text value per field, keyed `talk.<volunteer>.<date>`
 * and `gathering.<n>.<name|date|attendees>` (attendees as ids joined by commas), so the conflict
 * resolver compares it field by field like any other form, and an error lands on the field it is about.
 */
export type FollowUpValues = Record<string, string>;

/** Two gatherings a year: the form always offers at least these. */
export const GATHERINGS = 2;

const talkDates = ['plannedDate', 'heldDate'] as const;
export const talkField = (volunteerId: string, date: (typeof talkDates)[number]) =>
  `talk.${volunteerId}.${date}`;
export const gatheringField = (n: number, part: 'name' | 'date' | 'attendees') => `gathering.${n}.${part}`;

export const splitIds = (joined: string | undefined) => (joined ?? '').split(',').filter(Boolean);
const joinIds = (ids: readonly string[]) => [...ids].sort().join(',');

/** The fields of a year: a talk's two dates for each volunteer listed, then the gatherings. */
export function followUpFields(volunteerIds: readonly string[], doc: VolunteerFollowUp): string[] {
  const named = doc.talks.map((t) => t.volunteerId).filter((id) => !volunteerIds.includes(id));
  const talks = [...volunteerIds, ...named].flatMap((id) => talkDates.map((d) => talkField(id, d)));
  const gatherings = Array.from({ length: Math.max(GATHERINGS, doc.gatherings.length) }, (_, n) =>
    (['name', 'date', 'attendees'] as const).map((part) => gatheringField(n, part)),
  );
  return [...talks, ...gatherings.flat()];
}

/** The stored document as form values; a year's gathering not held yet gets the usual name. */
export function valuesOfFollowUp(
  fields: readonly string[],
  doc: VolunteerFollowUp,
  defaultNames: readonly string[],
): FollowUpValues {
  const values: FollowUpValues = Object.fromEntries(fields.map((f) => [f, '']));
  for (const t of doc.talks) for (const d of talkDates) values[talkField(t.volunteerId, d)] = t[d] ?? '';
  doc.gatherings.forEach((g, n) => {
    values[gatheringField(n, 'name')] = g.name;
    values[gatheringField(n, 'date')] = g.date;
    values[gatheringField(n, 'attendees')] = joinIds(g.attendees);
  });
  for (let n = doc.gatherings.length; n < GATHERINGS; n++)
    values[gatheringField(n, 'name')] = defaultNames[n] ?? '';
  return values;
}

/**
 * The body the API takes, and where each of its array positions came from, so the API's field errors
 * (`talks.3.heldDate`) map back to the form's fields. A talk with no date and a gathering with neither
 * date nor attendees are left out: nothing is planned for them yet.
 */
export function followUpBody(fields: readonly string[], values: FollowUpValues, version: number) {
  const talkIds = [
    ...new Set(fields.filter((f) => f.startsWith('talk.')).map((f) => f.split('.')[1] as string)),
  ];
  const talks = talkIds
    .map((volunteerId) => ({
      volunteerId,
      ...Object.fromEntries(
        talkDates.flatMap((d) =>
          values[talkField(volunteerId, d)] ? [[d, values[talkField(volunteerId, d)]]] : [],
        ),
      ),
    }))
    .filter((t) => Object.keys(t).length > 1);
  const count = fields.filter((f) => f.startsWith('gathering.') && f.endsWith('.date')).length;
  const kept = Array.from({ length: count }, (_, n) => n).filter(
    (n) => values[gatheringField(n, 'date')] || splitIds(values[gatheringField(n, 'attendees')]).length > 0,
  );
  const gatherings = kept.map((n) => ({
    name: (values[gatheringField(n, 'name')] ?? '').trim(),
    date: values[gatheringField(n, 'date')] ?? '',
    attendees: splitIds(values[gatheringField(n, 'attendees')]),
  }));
  const body: VolunteerFollowUpUpdate = { talks, gatherings, version };
  /** An API field (`talks.0.heldDate`, `gatherings.1.attendees.2`) as the form's field. */
  const fieldOf = (apiField: string): string => {
    const [list, index, part] = apiField.split('.');
    const i = Number(index);
    if (list === 'talks' && talks[i])
      return part === 'volunteerId' || !part
        ? talkField(talks[i].volunteerId, 'plannedDate')
        : `talk.${talks[i].volunteerId}.${part}`;
    if (list === 'gatherings' && kept[i] !== undefined)
      return gatheringField(kept[i], (part as 'name' | 'date' | 'attendees') ?? 'date');
    return apiField;
  };
  return { body, fieldOf };
}

/** The API's field errors, renamed to the form's fields. */
export const toFormFields = (errors: readonly FieldError[], fieldOf: (f: string) => string): FieldError[] =>
  errors.map((e) => ({ ...e, field: fieldOf(e.field) }));
