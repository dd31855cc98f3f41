import type { Catalogue } from '../catalogue/lists';
import { compareOrder } from '../catalogue/order';
import type {
  CatalogueKind,
  CatalogueListed,
  CatalogueMeasureType,
  CatalogueOrderType,
  CatalogueSection,
} from '../catalogue/schema';
import { surveyFigures, surveySection } from '../survey/figures';
import type { PublishedQuestionnaire } from '../survey/questionnaire';
import type { FigureDefinition, FigureGroup, TableLine, ValueType } from './definition';
import { kindId, measureId, orderHoursId, orderLineId, orderPersonsId } from './ids';
import { participantsId, peopleFigures } from './people';
import { registerFigures } from './registers';
import type { FigureId } from './relations';
import { wheelFigures } from './wheel';

// The ids have a module of their own, so a page that only names a figure (I dag) loads none of the definitions.
export { kindId, measureId, orderHoursId, orderLineId, orderPersonsId };

const count = { kind: 'count' } as const;

const kindValueType: Record<CatalogueKind['counts'], ValueType> = {
  sum: 'count',
  persons: 'persons',
  participants: 'participants',
};

/** A catalogue entry's one figure, on a line of its own where the entry sits in its section. */
function oneLine(
  entry: CatalogueListed,
  figure: Omit<FigureDefinition, 'section' | 'order' | 'label'>,
): FigureGroup {
  const full: FigureDefinition = { ...figure, section: entry.section, order: entry.order, label: entry.name };
  return { figures: [full], lines: [lineOf(full, entry.status === 'retired')] };
}

function kindFigures(kind: CatalogueKind): FigureGroup {
  const id = kindId(kind.id);
  return oneLine(kind, {
    id,
    valueType: kindValueType[kind.counts],
    aggregation: kind.counts === 'participants' ? 'distinct' : 'sum',
    disclosure: count,
    relations:
      kind.counts === 'participants' ? [{ kind: 'atMost', smaller: id, larger: participantsId }] : [],
    rule: {
      from: 'entries',
      kind: kind.id,
      counts: kind.counts,
      ...(kind.registration === 'plan' ? { plan: true as const } : {}),
    },
  });
}

function measureFigures(type: CatalogueMeasureType): FigureGroup {
  const id = measureId(type.id);
  return oneLine(type, {
    id,
    valueType: 'participants',
    aggregation: 'distinct',
    disclosure: count,
    relations: [{ kind: 'atMost', smaller: id, larger: participantsId }],
    rule: { from: 'measures', type: type.id },
  });
}

function orderFigures(type: CatalogueOrderType): FigureGroup {
  const persons = orderPersonsId(type.id);
  const hours = orderHoursId(type.id);
  const at = { section: type.section, order: type.order };
  const figures: FigureDefinition[] = [
    {
      id: persons,
      ...at,
      label: { nb: `${type.name.nb}, antall personer`, en: `${type.name.en}, persons` },
      valueType: 'persons',
      aggregation: 'distinct',
      disclosure: count,
      relations: [{ kind: 'atMost', smaller: persons, larger: participantsId }],
      rule: { from: 'hours', orderType: type.id, count: 'persons' },
    },
    {
      id: hours,
      ...at,
      label: { nb: `${type.name.nb}, antall timer`, en: `${type.name.en}, hours` },
      valueType: 'hours',
      aggregation: 'sum',
      disclosure: { kind: 'tiedSum', persons },
      relations: [{ kind: 'tiedTo', sum: hours, persons }],
      rule: { from: 'hours', orderType: type.id, count: 'hours' },
    },
  ];
  const line: TableLine = {
    id: orderLineId(type.id),
    ...at,
    label: { nb: `${type.name.nb}, antall personer/timer`, en: `${type.name.en}, persons/hours` },
    figures: [persons, hours],
    retired: type.status === 'retired',
  };
  return { figures, lines: [line] };
}

function lineOf(figure: FigureDefinition, retired: boolean): TableLine {
  const { id, section, order, label } = figure;
  return { id, section, order, label, figures: [id], retired };
}

/** Every figure of a catalogue version and the lines of its table, sections and lines in report order. */
export type FigureSet = {
  catalogueVersion: number;
  sections: readonly CatalogueSection[];
  figures: readonly FigureDefinition[];
  lines: readonly TableLine[];
  byId: ReadonlyMap<FigureId, FigureDefinition>;
};

/**
 * The figures a catalogue defines: the people figures, then one per activity kind, one per measure
 * type, two per order type and three per wheel domain, retired entries included (their history stays
 * counted); then the registers' (volunteers, staff, the shop's reuse, the economy by income source); and
 * the survey's, from the questionnaire versions published so far, in a section of their own.
 */
export function defineFigures(
  catalogue: Catalogue,
  questionnaires: readonly PublishedQuestionnaire[] = [],
): FigureSet {
  const survey = surveyFigures(questionnaires);
  const groups = [
    peopleFigures(),
    ...catalogue.activityKinds.map(kindFigures),
    ...catalogue.measureTypes.map(measureFigures),
    ...catalogue.orderTypes.map(orderFigures),
    ...catalogue.wheelDomains.map(wheelFigures),
    registerFigures(catalogue),
    survey,
  ];
  const withSurvey =
    survey.lines.length && !catalogue.sections.some((s) => s.id === surveySection.id)
      ? [...catalogue.sections, surveySection]
      : catalogue.sections;
  const sections = [...withSurvey].sort(compareOrder);
  const rank = new Map(sections.map((s, i) => [s.id, i]));
  const lines = groups
    .flatMap((g) => g.lines)
    .sort((a, b) => (rank.get(a.section) ?? 0) - (rank.get(b.section) ?? 0) || compareOrder(a, b));
  const figures = groups.flatMap((g) => g.figures);
  return {
    catalogueVersion: catalogue.version,
    sections,
    figures,
    lines,
    byId: new Map(figures.map((f) => [f.id, f])),
  };
}
