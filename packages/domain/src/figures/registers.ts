import type { Catalogue } from '../catalogue/lists';
import { compareOrder } from '../catalogue/order';
import type { FigureDefinition, FigureGroup, TableLine } from './definition';
import type { FigureId } from './relations';

/**
 * The figures of the centre's own registers, in the sections the catalogue reserves for them:
 * volunteers (count, new, hours, FTE), staff (positions on the period's last day, substitutes apart,
 * FTE), the kilograms the shop sold, and the economy (turnover and income by source). Hours by arena and
 * the staff's summed percentages are stored for what is derived from them, not shown as lines.
 */
export const volunteersId = 'volunteers';
export const volunteersNewId = 'volunteers.new';
export const volunteerHoursId = 'volunteers.hours';
export const volunteerFteId = 'volunteers.fte';
export const arenaHoursId = (arena: string): FigureId => `volunteers.hours.${arena}`;
export const staffLineId = 'staff';
export const staffPositionsId = 'staff.positions';
export const staffSubstitutesId = 'staff.substitutes';
export const staffPercentId = 'staff.percent';
export const staffFteId = 'staff.fte';
export const reuseId = 'reuse.kilograms';
export const turnoverId = 'turnover';
export const incomeId = (source: string): FigureId => `income.${source}`;

const count = { kind: 'count' } as const;
const amount = { kind: 'amount' } as const;
const ofVolunteers = { kind: 'tiedSum', persons: volunteersId } as const;
const ofPositions = { kind: 'tiedSum', persons: staffPositionsId } as const;

function volunteerFigures(catalogue: Catalogue): FigureDefinition[] {
  const section = 'volunteers';
  const arenas = catalogue.volunteerArenas;
  return [
    {
      id: volunteersId,
      section,
      order: 10,
      label: { nb: 'Antall frivillige', en: 'Volunteers' },
      valueType: 'persons',
      aggregation: 'distinct',
      disclosure: count,
      relations: [],
      rule: { from: 'volunteers', count: 'active' },
    },
    {
      id: volunteersNewId,
      section,
      order: 20,
      label: { nb: 'Nye frivillige', en: 'New volunteers' },
      valueType: 'persons',
      aggregation: 'sum',
      disclosure: count,
      relations: [
        { kind: 'atMost', smaller: volunteersNewId, larger: volunteersId },
        { kind: 'carriedOver', active: volunteersId, started: volunteersNewId },
      ],
      rule: { from: 'volunteers', count: 'started' },
    },
    {
      id: volunteerHoursId,
      section,
      order: 30,
      label: { nb: 'Antall frivillige timer', en: 'Volunteer hours' },
      valueType: 'hours',
      aggregation: 'sum',
      disclosure: ofVolunteers,
      relations: [
        { kind: 'partsAtMost', whole: volunteerHoursId, parts: arenas.map((a) => arenaHoursId(a.id)) },
      ],
      rule: { from: 'volunteerHours' },
    },
    {
      id: volunteerFteId,
      section,
      order: 40,
      label: { nb: 'Årsverk frivillige', en: 'Volunteer FTE' },
      valueType: 'fte',
      aggregation: 'distinct',
      disclosure: ofVolunteers,
      relations: [
        {
          kind: 'scaled',
          value: volunteerFteId,
          of: volunteerHoursId,
          divisor: catalogue.settings.hoursPerFte,
          decimals: 2,
        },
      ],
      rule: {
        from: 'figures',
        derive: 'scaled',
        of: volunteerHoursId,
        divisor: catalogue.settings.hoursPerFte,
        decimals: 2,
      },
    },
    ...arenas.map(
      (a): FigureDefinition => ({
        id: arenaHoursId(a.id),
        section,
        order: 30,
        label: { nb: `Frivillige timer: ${a.name.nb}`, en: `Volunteer hours: ${a.name.en}` },
        valueType: 'hours',
        aggregation: 'sum',
        disclosure: ofVolunteers,
        relations: [],
        rule: { from: 'volunteerHours', arena: a.id },
      }),
    ),
  ];
}

function staffFigures(): FigureDefinition[] {
  const section = 'staff';
  return [
    {
      id: staffPositionsId,
      section,
      order: 10,
      label: { nb: 'Antall stillinger', en: 'Positions' },
      valueType: 'count',
      aggregation: 'distinct',
      disclosure: count,
      relations: [],
      rule: { from: 'positions', count: 'held' },
    },
    {
      id: staffSubstitutesId,
      section,
      order: 10,
      label: { nb: 'Antall vikarer', en: 'Substitutes' },
      valueType: 'substitutes',
      aggregation: 'distinct',
      disclosure: count,
      relations: [],
      rule: { from: 'positions', count: 'substitutes' },
    },
    {
      id: staffPercentId,
      section,
      order: 20,
      label: { nb: 'Sum av stillingsprosenter', en: 'Sum of position percentages' },
      valueType: 'count',
      aggregation: 'distinct',
      disclosure: ofPositions,
      relations: [{ kind: 'tiedTo', sum: staffPercentId, persons: staffPositionsId }],
      rule: { from: 'positions', count: 'percent' },
    },
    {
      id: staffFteId,
      section,
      order: 20,
      label: { nb: 'Årsverk ansatte', en: 'Staff FTE' },
      valueType: 'fte',
      aggregation: 'distinct',
      disclosure: ofPositions,
      relations: [{ kind: 'scaled', value: staffFteId, of: staffPercentId, divisor: 100, decimals: 2 }],
      rule: { from: 'figures', derive: 'scaled', of: staffPercentId, divisor: 100, decimals: 2 },
    },
  ];
}

function economyFigures(catalogue: Catalogue): FigureDefinition[] {
  const section = 'economy';
  const sources = [...catalogue.incomeSources].sort(compareOrder);
  return [
    {
      id: turnoverId,
      section,
      order: 0,
      label: { nb: 'Omsetning', en: 'Turnover' },
      valueType: 'kroner',
      aggregation: 'distinct',
      disclosure: amount,
      relations: [{ kind: 'partsOf', whole: turnoverId, parts: sources.map((s) => incomeId(s.id)) }],
      rule: { from: 'income', sources: sources.map((s) => s.id) },
    },
    ...sources.map(
      (s): FigureDefinition => ({
        id: incomeId(s.id),
        section,
        order: s.order,
        label: s.name,
        valueType: 'kroner',
        aggregation: 'distinct',
        disclosure: amount,
        relations: [],
        rule: { from: 'income', sources: [s.id] },
      }),
    ),
  ];
}

const line = (f: FigureDefinition, retired = false): TableLine => ({
  id: f.id,
  section: f.section,
  order: f.order,
  label: f.label,
  figures: [f.id],
  retired,
});

/** The registers' figures and the lines of the table they make. */
export function registerFigures(catalogue: Catalogue): FigureGroup {
  const volunteers = volunteerFigures(catalogue);
  const staff = staffFigures();
  const reuse: FigureDefinition = {
    id: reuseId,
    section: 'reuse',
    order: 10,
    label: {
      nb: 'Kilo solgt i bruktbutikken (ombruk)',
      en: 'Kilograms sold in the second-hand shop (reuse)',
    },
    valueType: 'kilograms',
    aggregation: 'sum',
    disclosure: amount,
    relations: [],
    rule: { from: 'shop' },
  };
  const economy = economyFigures(catalogue);
  const shown = (id: FigureId) => [...volunteers, ...staff].find((f) => f.id === id) as FigureDefinition;
  const retired = new Set(
    catalogue.incomeSources.filter((s) => s.status === 'retired').map((s) => incomeId(s.id)),
  );
  return {
    figures: [...volunteers, ...staff, reuse, ...economy],
    lines: [
      ...[volunteersId, volunteersNewId, volunteerHoursId, volunteerFteId].map((id) => line(shown(id))),
      {
        id: staffLineId,
        section: 'staff',
        order: 10,
        label: { nb: 'Antall ansatte (stillinger)', en: 'Staff (positions)' },
        figures: [staffPositionsId, staffSubstitutesId],
        retired: false,
        joiner: ' + ',
      },
      line(shown(staffFteId)),
      line(reuse),
      ...economy.map((f) => line(f, retired.has(f.id))),
    ],
  };
}
