import { emptyFollowUp, type VolunteerFollowUp } from '@crux/domain/registers/follow-up';
import { describe, expect, test } from 'vitest';
import { followUpBody, followUpFields, toFormFields, valuesOfFollowUp } from './follow-up-values';

const a = '0f8fad5b-d9cb-469f-a165-70867728950e';
const b = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const gone = '16fd2706-8baf-433b-82eb-8c7fada847da';
const names = ['Vårsamling', 'Julesamling'];

const stored: VolunteerFollowUp = {
  year: 2026,
  version: 3,
  talks: [
    { volunteerId: b, plannedDate: '2026-03-01', heldDate: '2026-03-04' },
    { volunteerId: gone, plannedDate: '2026-01-10' },
  ],
  gatherings: [{ name: 'Vår', date: '2026-05-01', attendees: [b, a] }],
};

describe("the year's follow-up as form fields", () => {
  test('every listed volunteer has a talk, those named only in the document too, and two gatherings', () => {
    const fields = followUpFields([a, b], stored);
    expect(fields.filter((f) => f.startsWith('talk.')).map((f) => f.split('.')[1])).toEqual([
      a,
      a,
      b,
      b,
      gone,
      gone,
    ]);
    expect(fields.filter((f) => f.startsWith('gathering.'))).toHaveLength(6);
    const values = valuesOfFollowUp(fields, stored, names);
    expect(values[`talk.${b}.heldDate`]).toBe('2026-03-04');
    expect(values[`talk.${a}.plannedDate`]).toBe('');
    expect(values['gathering.0.attendees']).toBe([a, b].sort().join(','));
    // The second gathering is not held yet: it gets the usual name, and no date.
    expect(values['gathering.1.name']).toBe('Julesamling');
    expect(values['gathering.1.date']).toBe('');
  });

  test('the body leaves out what is not planned, and round-trips what is', () => {
    const fields = followUpFields([a, b], stored);
    const values = valuesOfFollowUp(fields, stored, names);
    const { body } = followUpBody(fields, values, stored.version);
    expect(body).toEqual({
      talks: stored.talks,
      gatherings: [{ name: 'Vår', date: '2026-05-01', attendees: [a, b].sort() }],
      version: 3,
    });
    const empty = followUpFields([a], emptyFollowUp(2026));
    expect(followUpBody(empty, valuesOfFollowUp(empty, emptyFollowUp(2026), names), 0).body).toEqual({
      talks: [],
      gatherings: [],
      version: 0,
    });
  });

  test("the API's field errors land on the form's fields", () => {
    const fields = followUpFields([a, b], stored);
    const values = { ...valuesOfFollowUp(fields, stored, names), 'gathering.1.date': '2027-01-01' };
    const { fieldOf } = followUpBody(fields, values, 3);
    const rule = { rule: 'other_year', message: { nb: 'x', en: 'x' } };
    expect(
      toFormFields(
        [
          { field: 'talks.0.heldDate', ...rule },
          { field: 'gatherings.1.date', ...rule },
          { field: 'gatherings.0.attendees.1', ...rule },
        ],
        fieldOf,
      ).map((e) => e.field),
    ).toEqual([`talk.${b}.heldDate`, 'gathering.1.date', 'gathering.0.attendees']);
  });
});
