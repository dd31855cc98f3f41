import { describe, expect, it } from 'vitest';
import { ActivitiesCreate, ActivityItem, checkActivityItem } from '../activity';
import type { Catalogue } from '../catalogue/lists';
import { startingCatalogue } from '../catalogue/starting';
import type { Result } from '../errors';
import { parse, validationError } from '../validation';
import { checkSpan, HoursCreate, MeasureCreate } from './spans';

const someone = '0b6f4a52-6f3c-4d8e-9a51-3c2f1e0d9b7a';
const broken = (result: Result<unknown>) =>
  result.ok ? ['(accepted)'] : (result.error.fields ?? []).map((f) => `${f.field}:${f.rule}`);

describe('create bodies', () => {
  it.each([
    [
      'a day of visits',
      ActivitiesCreate,
      { date: '2024-03-01', entries: [{ kind: 'visit', count: 12 }] },
      [],
    ],
    [
      'a date before 2000',
      ActivitiesCreate,
      { date: '1999-12-31', entries: [{ kind: 'visit', count: 1 }] },
      ['date:date_past'],
    ],
    [
      'a day that does not exist',
      ActivitiesCreate,
      { date: '2024-02-30', entries: [{ kind: 'visit', count: 1 }] },
      ['date:date'],
    ],
    [
      'no count, and a field too many',
      ActivityItem,
      { kind: 'visit', count: 0, extra: 1 },
      ['count:min', 'extra:unknown_field'],
    ],
    [
      'a measure starting before 2000',
      MeasureCreate,
      { type: 'vto', startDate: '1999-06-01' },
      ['startDate:date_planned'],
    ],
    [
      'a measure ending before it starts',
      MeasureCreate,
      { type: 'vto', startDate: '2024-03-01', endDate: '2024-02-29' },
      ['endDate:before_start'],
    ],
    [
      'a measure of one day',
      MeasureCreate,
      { type: 'vto', startDate: '2024-03-01', endDate: '2024-03-01' },
      [],
    ],
    ['hours on 31 December', HoursCreate, { date: '2024-12-31', hours: 7.25 }, []],
    ['hours in the future', HoursCreate, { date: '2999-12-31', hours: 1 }, ['date:date_past']],
    ['hours not in quarters', HoursCreate, { date: '2024-12-31', hours: 7.2 }, ['hours:quarter_hours']],
    ['no hours', HoursCreate, { date: '2024-12-31', hours: 0 }, ['hours:min']],
  ] as const)('%s', (_name, schema, body, expected) => {
    expect(parse(schema, body).ok ? [] : broken(parse(schema, body))).toEqual(expected);
  });
});

describe('against the catalogue', () => {
  const retired: Catalogue = {
    ...startingCatalogue,
    activityKinds: startingCatalogue.activityKinds.map((k) =>
      k.id === 'visit' ? { ...k, status: 'retired' } : k,
    ),
    measureTypes: startingCatalogue.measureTypes.map((m) =>
      m.id === 'mentor' ? { ...m, status: 'retired' } : m,
    ),
  };
  const entry = (kind: string, participantId?: string): Result<unknown> => {
    const fields = checkActivityItem(retired, {
      kind,
      count: 1,
      ...(participantId ? { participantId } : {}),
    });
    return fields.length ? { ok: false, error: validationError(fields) } : { ok: true, value: kind };
  };

  it('takes a kind in use, named as the kind says', () => {
    expect(entry('contact_point').ok && entry('contact_point', someone).ok).toBe(true);
    expect(entry('cabin_trip', someone).ok).toBe(true);
  });

  it.each([
    ['an unknown kind', () => entry('juggling'), ['kind:unknown_type']],
    ['a retired kind', () => entry('visit'), ['kind:retired']],
    ['a trip without its participant', () => entry('cabin_trip'), ['participantId:participant_required']],
    [
      'food bags for a named participant',
      () => entry('food_bag', someone),
      ['participantId:participant_not_allowed'],
    ],
    [
      'a retired measure',
      () => checkSpan(retired, 'measureTypes', { type: 'mentor', startDate: '2024-01-01' }),
      ['type:retired'],
    ],
    [
      'a measure type given as an order',
      () => checkSpan(retired, 'orderTypes', { type: 'vto', startDate: '2024-01-01' }),
      ['type:unknown_type'],
    ],
  ])('refuses %s', (_name, check, expected) => {
    expect(broken(check())).toEqual(expected);
  });
});
