import { describe, expect, it } from 'vitest';
import type { Catalogue } from '../catalogue/lists';
import { startingCatalogue } from '../catalogue/starting';
import { defineFigures } from './define';
import type { FigureId, Relation } from './relations';

const set = defineFigures(startingCatalogue);

function idsOf(relation: Relation): FigureId[] {
  switch (relation.kind) {
    case 'atMost':
      return [relation.smaller, relation.larger];
    case 'carriedOver':
      return [relation.active, relation.started];
    case 'tiedTo':
      return [relation.sum, relation.persons];
    case 'partsOf':
    case 'partsAtMost':
      return [relation.whole, ...relation.parts];
    case 'flow':
      return [relation.active, relation.started, ...relation.ended];
    case 'rounded':
      return [relation.value, relation.numerator, relation.denominator];
    case 'scaled':
      return [relation.value, relation.of];
  }
}

describe('the figures of the starting catalogue', () => {
  it('have unique ids, and every relation, line and disclosure names figures that exist', () => {
    const ids = set.figures.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const f of set.figures) {
      for (const r of f.relations)
        for (const id of idsOf(r)) expect(set.byId.has(id), `${f.id}: ${id}`).toBe(true);
      if (f.disclosure.kind === 'tiedSum') expect(set.byId.has(f.disclosure.persons)).toBe(true);
      if (f.disclosure.kind === 'ratio') expect(set.byId.has(f.disclosure.base)).toBe(true);
    }
    for (const line of set.lines) for (const id of line.figures) expect(set.byId.has(id)).toBe(true);
  });

  it('write each relation once', () => {
    const all = set.figures.flatMap((f) => f.relations.map((r) => JSON.stringify(r)));
    expect(new Set(all).size).toBe(all.length);
  });

  it('lay the lines out in the sections and order of the Øvre Eiker report', () => {
    expect(set.lines.map((l) => l.id).slice(0, 23)).toEqual([
      'participants',
      'participants.new',
      'participants.mean_age',
      'participants.woman.share',
      'participants.man.share',
      'participants.other.share',
      'outcome.stable_life',
      'outcome.treatment',
      'outcome.other_nav_measure',
      'outcome.other',
      'kind.visit',
      'kind.contact_point',
      'kind.wheel_conversation',
      'kind.support_conversation',
      'kind.non_participant_support',
      'kind.practical_help',
      'kind.cabin_trip',
      'kind.meeting_outside',
      'kind.prison_visit',
      'kind.digital_follow_up',
      'kind.community_meeting_point',
      'kind.exam_passed',
      'kind.participant_meeting',
    ]);
    expect(set.lines.map((l) => l.id).slice(24)).toEqual([
      'wheel.housing',
      'wheel.work_activity',
      'wheel.network_family',
      'wheel.economy',
      'wheel.health',
      'measure.nav_activity',
      'measure.municipal_follow_up',
      'measure.vto',
      'order.community_sentence',
      'order.fine_serving',
      'order.electronic_monitoring',
      'volunteers',
      'volunteers.new',
      'volunteers.hours',
      'volunteers.fte',
      'staff',
      'staff.fte',
      'measure.clarification',
      'measure.mentor',
      'kind.food_bag',
      'kind.wish_tree_gift',
      'kind.christmas_food_box',
      'kind.christmas_gift_card',
      'reuse.kilograms',
      'turnover',
      'income.helsedirektoratet',
      'income.kriminalomsorgsdirektoratet',
      'income.municipal_operating',
      'income.municipal_project',
      'income.other_grants',
      'income.sales',
      'income.gifts',
      'income.other_income',
    ]);
    expect(set.lines.find((l) => l.id === 'order.community_sentence')).toMatchObject({
      label: { nb: 'Samfunnsstraff, antall personer/timer' },
      figures: ['order.community_sentence.persons', 'order.community_sentence.hours'],
    });
  });

  it('state the relations the disclosure audit needs', () => {
    const relations = (id: string) => set.byId.get(id)?.relations;
    expect(relations('participants.new')).toEqual(
      expect.arrayContaining([
        { kind: 'atMost', smaller: 'participants.new', larger: 'participants' },
        { kind: 'carriedOver', active: 'participants', started: 'participants.new' },
      ]),
    );
    expect(relations('measure.vto')).toEqual([
      { kind: 'atMost', smaller: 'measure.vto', larger: 'participants' },
    ]);
    expect(relations('order.electronic_monitoring.hours')).toEqual([
      {
        kind: 'tiedTo',
        sum: 'order.electronic_monitoring.hours',
        persons: 'order.electronic_monitoring.persons',
      },
    ]);
    expect(set.byId.get('order.electronic_monitoring.hours')?.disclosure).toEqual({
      kind: 'tiedSum',
      persons: 'order.electronic_monitoring.persons',
    });
    expect(relations('participants')).toContainEqual({
      kind: 'partsOf',
      whole: 'participants',
      parts: ['participants.woman', 'participants.man', 'participants.other'],
    });
  });
});

describe('a kind added to the catalogue', () => {
  it('brings its figure, its line and its relations, with no code', () => {
    const catalogue: Catalogue = {
      ...startingCatalogue,
      version: 2,
      activityKinds: [
        ...startingCatalogue.activityKinds,
        {
          id: 'fishing_trip',
          name: { nb: 'Fisketur', en: 'Fishing trip' },
          section: 'centre_activity',
          order: 75,
          status: 'active',
          counts: 'participants',
          participant: 'must',
        },
      ],
    };
    const grown = defineFigures(catalogue);
    expect(grown.catalogueVersion).toBe(2);
    expect(grown.byId.get('kind.fishing_trip')).toMatchObject({
      aggregation: 'distinct',
      valueType: 'participants',
      relations: [{ kind: 'atMost', smaller: 'kind.fishing_trip', larger: 'participants' }],
    });
    const ids = grown.lines.map((l) => l.id);
    expect(ids.indexOf('kind.fishing_trip')).toBe(ids.indexOf('kind.cabin_trip') + 1);
  });
});
