import { describe, expect, it } from 'vitest';
import { checkActivityItem, checkSave } from '../activity';
import { applyCatalogueChange } from '../catalogue/change';
import { Catalogue } from '../catalogue/lists';
import { startingCatalogue } from '../catalogue/starting';
import { checkCentreSettings } from '../centre-settings';
import type { Result } from '../errors';
import { parse } from '../validation';
import { checkWheelUses, conversationUses, planUses } from './check';
import { ConversationCreate, PlanUpdate } from './schema';

const broken = (result: Result<unknown>) =>
  result.ok ? ['(accepted)'] : (result.error.fields ?? []).map((f) => `${f.field}:${f.rule}`);

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const plan = {
  version: 0,
  scale: { min: 1, max: 10 },
  positions: { participant: { housing: 4, health: 6 }, staff: { housing: 5 } },
  goals: [{ id: id(1), domain: 'housing', text: 'Egen leilighet før jul' }],
  steps: [
    { id: id(2), domain: 'housing', what: 'Søke kommunal bolig', who: 'Deltaker og Kari', due: '2026-12-20' },
  ],
  partners: [
    {
      id: id(3),
      type: 'nav',
      organisation: 'NAV Øvre Eiker',
      contact: 'Per Veileder',
      phone: '+47 12 34 56 78',
      domains: ['economy', 'work_activity'],
    },
  ],
  consent: { housing: '2026-11-30', economy: '2026-11-30' },
};

describe('the plan as staff write it', () => {
  it('is taken as written, and names the domains and partner types it uses at their fields', () => {
    const parsed = parse(PlanUpdate, plan);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
    const uses = planUses(parsed.value);
    expect(uses.domains.map((d) => d.field)).toEqual([
      'positions.participant.housing',
      'positions.participant.health',
      'positions.staff.housing',
      'goals.0.domain',
      'steps.0.domain',
      'partners.0.domains.0',
      'partners.0.domains.1',
      'consent.housing',
      'consent.economy',
    ]);
    expect(checkWheelUses(startingCatalogue, uses, 'ok')).toEqual({ ok: true, value: 'ok' });
  });

  it.each([
    [
      'a position off the scale',
      { positions: { participant: { housing: 0 }, staff: {} } },
      'positions.participant.housing:outside_scale',
    ],
    ['a repeated id', { goals: [plan.goals[0], plan.goals[0]] }, 'goals.1.id:duplicate_id'],
    [
      'a step due beyond the plan window',
      { steps: [{ ...plan.steps[0], due: '2099-01-01' }] },
      'steps.0.due:date_plan',
    ],
    ['consent dated in the future', { consent: { housing: '2099-01-01' } }, 'consent.housing:date_past'],
    [
      'a partner without a contact person',
      { partners: [{ ...plan.partners[0], contact: '' }] },
      'partners.0.contact:min_length',
    ],
    ['an unknown field', { colour: 'red' }, 'colour:unknown_field'],
  ])('refuses %s', (_name, change, expected) => {
    expect(broken(parse(PlanUpdate, { ...plan, ...change }))).toContain(expected);
  });

  it('names what the catalogue does not allow at its field: unknown and retired entries, another scale', () => {
    const retired: Catalogue = {
      ...startingCatalogue,
      wheelDomains: startingCatalogue.wheelDomains.map((d) =>
        d.id === 'economy' ? { ...d, status: 'retired' as const } : d,
      ),
      settings: {
        ...startingCatalogue.settings,
        wheelScale: { ...startingCatalogue.settings.wheelScale, max: 7 },
      },
    };
    const parsed = parse(PlanUpdate, {
      ...plan,
      partners: [{ ...plan.partners[0], type: 'astrologer' }],
      goals: [{ ...plan.goals[0], domain: 'spirit' }],
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
    expect(broken(checkWheelUses(retired, planUses(parsed.value), null))).toEqual([
      'scale:scale_changed',
      'goals.0.domain:unknown_type',
      'partners.0.domains.0:retired',
      'consent.economy:retired',
      'partners.0.type:unknown_type',
    ]);
  });
});

describe('a wheel conversation', () => {
  const conversation = {
    date: '2026-11-30',
    planVersion: 0,
    attendees: ['Deltakeren', 'Kari (miljøterapeut)'],
    scale: { min: 1, max: 10 },
    positions: { participant: { housing: 4 }, staff: { housing: 5 } },
  };

  it('names its positions of both views', () => {
    const parsed = parse(ConversationCreate, conversation);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
    expect(conversationUses(parsed.value).domains.map((d) => d.field)).toEqual([
      'positions.participant.housing',
      'positions.staff.housing',
    ]);
  });

  it.each([
    ['nobody taking part', { attendees: [] }, 'attendees:min'],
    ['a day that has not come', { date: '2099-01-01' }, 'date:date_past'],
    [
      'a staff position off the scale',
      { positions: { participant: {}, staff: { housing: 11 } } },
      'positions.staff.housing:outside_scale',
    ],
  ])('refuses %s', (_name, change, expected) => {
    expect(broken(parse(ConversationCreate, { ...conversation, ...change }))).toContain(expected);
  });
});

describe('the catalogue marks the wheel conversation kind as counted from the plans', () => {
  const save = { date: '2026-11-30', entries: [{ kind: 'wheel_conversation', count: 1 }] };

  it('so I dag refuses it, and the centre cannot put it on I dag, while an import of earlier years may bring it', () => {
    expect(broken(checkSave(startingCatalogue, save))).toEqual(['entries.0.kind:registered_on_plan']);
    expect(checkActivityItem(startingCatalogue, { kind: 'wheel_conversation', count: 40 })).toEqual([]);
    expect(
      broken(
        checkCentreSettings(startingCatalogue, { todayKinds: ['visit', 'wheel_conversation'], version: 0 }),
      ),
    ).toEqual(['todayKinds.1:unknown_type']);
  });

  const apply = (change: object, hasHistory = false) =>
    applyCatalogueChange(startingCatalogue, { version: 1, ...change } as never, {
      who: 'admin',
      when: '2026-12-02T10:00:00.000Z',
      hasHistory: () => hasHistory,
    });

  it('counted from the plans is locked once counted, one kind at most, and never counts unnamed persons', () => {
    const moved = {
      op: 'update',
      list: 'activityKinds',
      id: 'wheel_conversation',
      patch: { registration: undefined },
    };
    expect(
      broken(apply({ op: 'update', list: 'activityKinds', id: 'visit', patch: { registration: 'plan' } })),
    ).toContain('patch.registration:one_plan_kind');
    expect(
      broken(
        apply({
          op: 'update',
          list: 'activityKinds',
          id: 'wheel_conversation',
          patch: { counts: 'persons', participant: 'mustNot' },
        }),
      ),
    ).toEqual(['patch.counts:plan_counts']);
    expect(
      broken(
        apply({ op: 'update', list: 'activityKinds', id: 'visit', patch: { registration: 'plan' } }, true),
      ),
    ).toEqual(['patch.registration:counting_locked']);
    expect(apply(moved, false).ok).toBe(true);
  });

  it('wheel domains and partner types are lists the admin changes like the others', () => {
    const added = apply({
      op: 'add',
      list: 'partnerTypes',
      version: 1,
      entry: { id: 'school', name: { nb: 'Skole', en: 'School' }, order: 65, status: 'active' },
    });
    expect(added.ok && added.value.catalogue.partnerTypes.at(-1)?.id).toBe('school');
    const scale = apply({
      op: 'settings',
      patch: {
        wheelScale: { min: 0, max: 6, low: { nb: 'Lavt', en: 'Low' }, high: { nb: 'Høyt', en: 'High' } },
      },
    });
    expect(scale.ok && scale.value.catalogue.settings).toMatchObject({
      hoursPerFte: 1750,
      wheelScale: { max: 6 },
    });
    expect(parse(Catalogue, startingCatalogue).ok).toBe(true);
  });
});
