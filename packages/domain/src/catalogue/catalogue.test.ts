import { describe, expect, it } from 'vitest';
import type { Result } from '../errors';
import { parse } from '../validation';
import { applyCatalogueChange, type CatalogueChange, type HasHistory, parseCatalogueChange } from './change';
import { Catalogue } from './lists';
import { startingCatalogue } from './starting';

const who = 'admin';
const when = '2026-12-02T10:00:00.000Z';
const none: HasHistory = () => false;
const everything: HasHistory = () => true;

/** The field errors of a failed result as `field:rule` strings, or the value's absence made visible. */
function broken(result: Result<unknown>): string[] {
  if (result.ok) return ['(accepted)'];
  return (result.error.fields ?? []).map((f) => `${f.field}:${f.rule}`);
}

function change(input: unknown): CatalogueChange {
  const parsed = parseCatalogueChange(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return parsed.value;
}

const homeVisitsAgain = {
  id: 'home_visit_group',
  name: { nb: 'Hjemmebesøk i gruppe', en: 'Group home visits' },
  section: 'centre_activity',
  order: 85,
  status: 'active',
  counts: 'sum',
  participant: 'may',
};

describe('the starting catalogue', () => {
  it('passes the schema and every rule across its entries', () => {
    expect(parse(Catalogue, startingCatalogue)).toEqual({ ok: true, value: startingCatalogue });
  });

  it('holds every activity line of the Øvre Eiker table, the key figures and the measure and order types', () => {
    const ids = (list: { id: string }[]) => list.map((e) => e.id);
    expect(ids(startingCatalogue.activityKinds)).toEqual(
      expect.arrayContaining([
        'visit',
        'contact_point',
        'wheel_conversation',
        'support_conversation',
        'non_participant_support',
        'practical_help',
        'cabin_trip',
        'food_bag',
        'wish_tree_gift',
        'christmas_food_box',
        'christmas_gift_card',
        'meeting_outside',
        'prison_visit',
        'exam_passed',
        'community_meeting_point',
        'digital_follow_up',
      ]),
    );
    expect(ids(startingCatalogue.measureTypes)).toEqual([
      'nav_activity',
      'municipal_follow_up',
      'vto',
      'clarification',
      'mentor',
    ]);
    expect(ids(startingCatalogue.orderTypes)).toEqual([
      'community_sentence',
      'fine_serving',
      'electronic_monitoring',
    ]);
    const kind = (id: string) => startingCatalogue.activityKinds.find((k) => k.id === id);
    expect(kind('non_participant_support')).toMatchObject({ counts: 'persons', participant: 'mustNot' });
    expect(kind('cabin_trip')).toMatchObject({ counts: 'participants', participant: 'must' });
    expect(kind('visit')?.name.nb).toBe('Antall besøk');
    expect(startingCatalogue.settings.hoursPerFte).toBe(1750);
  });
});

describe('the catalogue schema refuses what no catalogue may be', () => {
  const withKinds = (kinds: unknown[]) => ({ ...startingCatalogue, activityKinds: kinds });
  const visit = startingCatalogue.activityKinds[0];

  it.each([
    [
      'two kinds with one id',
      withKinds([visit, { ...visit, name: { nb: 'x', en: 'x' } }]),
      'activityKinds.1.id:duplicate_id',
    ],
    [
      'two kinds with one name',
      withKinds([visit, { ...visit, id: 'visit2' }]),
      'activityKinds.1.name.nb:duplicate_name',
    ],
    [
      'a kind in no section',
      withKinds([{ ...visit, section: 'nowhere' }]),
      'activityKinds.0.section:unknown_section',
    ],
    [
      'a kind among the people',
      withKinds([{ ...visit, section: 'outcomes' }]),
      'activityKinds.0.section:reserved_section',
    ],
    [
      'a kind counting participants it need not name',
      withKinds([{ ...visit, counts: 'participants', participant: 'may' }]),
      'activityKinds.0.participant:names_participants',
    ],
    [
      'no participants section',
      { ...startingCatalogue, sections: startingCatalogue.sections.filter((s) => s.id !== 'participants') },
      'sections:required_section',
    ],
    ['a slug with capitals', withKinds([{ ...visit, id: 'Visit' }]), 'activityKinds.0.id:format'],
  ])('%s', (_name, input, expected) => {
    expect(broken(parse(Catalogue, input))).toContain(expected);
  });
});

describe('parseCatalogueChange', () => {
  it('names the field of the one shape meant', () => {
    const entry = { ...homeVisitsAgain, colour: 'red' };
    expect(broken(parseCatalogueChange({ op: 'add', list: 'activityKinds', version: 1, entry }))).toEqual([
      'entry.colour:unknown_field',
    ]);
    expect(broken(parseCatalogueChange({ op: 'add', version: 1, entry }))).toEqual(['list:one_of']);
    expect(
      broken(
        parseCatalogueChange({
          op: 'update',
          list: 'activityKinds',
          version: 1,
          id: 'visit',
          patch: { id: 'v' },
        }),
      ),
    ).toEqual(['patch.id:unknown_field']);
    expect(broken(parseCatalogueChange({ op: 'settings', version: 1, patch: { hoursPerFte: 10 } }))).toEqual([
      'patch.hoursPerFte:min',
    ]);
  });
});

describe('applyCatalogueChange', () => {
  const apply = (input: unknown, hasHistory: HasHistory = none) =>
    applyCatalogueChange(startingCatalogue, change({ version: 1, ...(input as object) }), {
      who,
      when,
      hasHistory,
    });

  it('adds a kind: a new version, and the change kept with who, when, before and after', () => {
    const result = apply({ op: 'add', list: 'activityKinds', entry: homeVisitsAgain });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.value.catalogue.version).toBe(2);
    expect(result.value.catalogue.activityKinds.at(-1)).toEqual(homeVisitsAgain);
    expect(result.value.record).toMatchObject({
      version: 2,
      who,
      when,
      before: null,
      after: homeVisitsAgain,
    });
    expect(startingCatalogue.activityKinds).not.toContainEqual(homeVisitsAgain);
  });

  it('refuses a change made against an older version, handing back the current catalogue', () => {
    const stale = applyCatalogueChange(
      { ...startingCatalogue, version: 3 },
      change({ op: 'add', list: 'activityKinds', version: 2, entry: homeVisitsAgain }),
      { who, when, hasHistory: none },
    );
    expect(stale.ok || stale.error.code).toBe('conflict');
    expect(stale.ok || stale.error.current).toMatchObject({ version: 3 });
  });

  it.each([
    [
      'an id taken',
      { op: 'add', list: 'activityKinds', entry: { ...homeVisitsAgain, id: 'visit' } },
      'entry.id:duplicate_id',
    ],
    [
      'a name taken',
      {
        op: 'add',
        list: 'activityKinds',
        entry: { ...homeVisitsAgain, name: { nb: 'Antall besøk', en: 'X' } },
      },
      'entry.name.nb:duplicate_name',
    ],
    [
      'a section that does not exist',
      {
        op: 'add',
        list: 'measureTypes',
        entry: {
          ...startingCatalogue.measureTypes[0],
          id: 'new_measure',
          name: { nb: 'Ny', en: 'New' },
          section: 'x',
        },
      },
      'entry.section:unknown_section',
    ],
    [
      'an entry that does not exist',
      { op: 'update', list: 'orderTypes', id: 'parole', patch: { order: 1 } },
      'id:unknown_entry',
    ],
    [
      'a trip whose entries need not name a participant',
      { op: 'update', list: 'activityKinds', id: 'cabin_trip', patch: { participant: 'may' } },
      'patch.participant:names_participants',
    ],
    ['a section that still holds kinds', { op: 'remove', list: 'sections', id: 'food' }, 'id:section_in_use'],
    [
      'the participants section',
      { op: 'remove', list: 'sections', id: 'participants' },
      'sections:required_section',
    ],
  ])('refuses %s', (_name, input, expected) => {
    expect(broken(apply(input))).toEqual([expected]);
  });

  it('renames and reorders freely; ids never change', () => {
    const result = apply({
      op: 'update',
      list: 'measureTypes',
      id: 'vto',
      patch: { name: { nb: 'VTO (varig tilrettelagt arbeid)', en: 'VTO' }, order: 5 },
    });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const vto = result.value.catalogue.measureTypes.find((m) => m.id === 'vto');
    expect(vto).toMatchObject({ order: 5, name: { nb: 'VTO (varig tilrettelagt arbeid)' } });
    expect(result.value.record.before).toMatchObject({ id: 'vto', order: 30 });
  });

  it('locks what a kind counts once something is registered under it', () => {
    const patch = { op: 'update', list: 'activityKinds', id: 'visit', patch: { counts: 'persons' } };
    expect(broken(apply(patch, everything))).toEqual(['patch.counts:counting_locked']);
    expect(apply(patch, none).ok).toBe(true);
    const same = { op: 'update', list: 'activityKinds', id: 'visit', patch: { counts: 'sum', order: 11 } };
    expect(apply(same, everything).ok).toBe(true);
  });

  it('retires what has history and removes only what has none', () => {
    const remove = { op: 'remove', list: 'activityKinds', id: 'prison_visit' };
    expect(broken(apply(remove, everything))).toEqual(['id:has_history']);
    const removed = apply(remove, none);
    expect(removed.ok && removed.value.catalogue.activityKinds.some((k) => k.id === 'prison_visit')).toBe(
      false,
    );
    const retired = apply(
      { op: 'update', list: 'activityKinds', id: 'prison_visit', patch: { status: 'retired' } },
      everything,
    );
    expect(
      retired.ok && retired.value.catalogue.activityKinds.find((k) => k.id === 'prison_visit')?.status,
    ).toBe('retired');
  });

  it('removes an empty section, and changes a setting', () => {
    const added = apply({
      op: 'add',
      list: 'sections',
      entry: { id: 'trips', name: { nb: 'Turer', en: 'Trips' }, order: 35 },
    });
    if (!added.ok) throw new Error(JSON.stringify(added.error));
    const removed = applyCatalogueChange(
      added.value.catalogue,
      change({ op: 'remove', list: 'sections', id: 'trips', version: 2 }),
      {
        who,
        when,
        hasHistory: everything,
      },
    );
    expect(removed.ok && removed.value.catalogue.sections).toEqual(startingCatalogue.sections);
    const settings = apply({ op: 'settings', patch: { hoursPerFte: 1700 } });
    expect(settings.ok && settings.value.record).toMatchObject({
      before: { hoursPerFte: 1750 },
      after: { hoursPerFte: 1700 },
    });
  });
});
