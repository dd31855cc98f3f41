import * as z from 'zod/mini';
import * as rules from '../rules';
import { type Rule, raise } from '../validation';
import * as catalogueRules from './rules';
import {
  CatalogueArena,
  CatalogueIncomeSource,
  CatalogueKind,
  CatalogueMeasureType,
  CatalogueOrderType,
  CataloguePartnerType,
  CatalogueSection,
  CatalogueShape,
  CatalogueWheelDomain,
  engineSections,
} from './schema';

export { compareOrder } from './order';

/**
 * The catalogue's lists and what a change may do to each. `locked` names the fields that may not change
 * once something was registered under the entry: a kind's counting rule and where its entries come
 * from, because its figures of past years would then mean something else. Names, section, order, the participant rule (it governs new
 * entries only) and the status may always change; ids never do.
 */
export const catalogueLists = {
  sections: { entry: CatalogueSection, patch: z.partial(z.omit(CatalogueSection, { id: true })), locked: [] },
  activityKinds: {
    entry: CatalogueKind,
    patch: z.partial(z.omit(CatalogueKind, { id: true })),
    locked: ['counts', 'registration'],
  },
  measureTypes: {
    entry: CatalogueMeasureType,
    patch: z.partial(z.omit(CatalogueMeasureType, { id: true })),
    locked: [],
  },
  orderTypes: {
    entry: CatalogueOrderType,
    patch: z.partial(z.omit(CatalogueOrderType, { id: true })),
    locked: [],
  },
  volunteerArenas: {
    entry: CatalogueArena,
    patch: z.partial(z.omit(CatalogueArena, { id: true })),
    locked: [],
  },
  incomeSources: {
    entry: CatalogueIncomeSource,
    patch: z.partial(z.omit(CatalogueIncomeSource, { id: true })),
    locked: [],
  },
  wheelDomains: {
    entry: CatalogueWheelDomain,
    patch: z.partial(z.omit(CatalogueWheelDomain, { id: true })),
    locked: [],
  },
  partnerTypes: {
    entry: CataloguePartnerType,
    patch: z.partial(z.omit(CataloguePartnerType, { id: true })),
    locked: [],
  },
} as const;

export type Catalogue = z.infer<typeof CatalogueShape>;

export type CatalogueListName = keyof typeof catalogueLists;
export const catalogueListNames = Object.keys(catalogueLists) as CatalogueListName[];
export type CatalogueEntry = Catalogue[CatalogueListName][number];

/** The lists whose entries belong to a report section (every list but the sections themselves). */
export const sectionedLists = ['activityKinds', 'measureTypes', 'orderTypes'] as const;

/** A broken rule of the catalogue as a whole, at a path into it, with its text (rules.ts). */
export type CatalogueProblem = { path: (string | number)[]; rule: Rule };

/**
 * What no catalogue may be: two entries of a list with one id or one name, an entry in a section that
 * does not exist or that the engine fills itself, a kind counting participants whose entries need not
 * name one, or a section the engine fills missing.
 */
export function catalogueProblems(c: Catalogue): CatalogueProblem[] {
  const problems: CatalogueProblem[] = [];
  for (const list of catalogueListNames) {
    const ids = new Set<string>();
    const names = { nb: new Set<string>(), en: new Set<string>() };
    c[list].forEach((entry, i) => {
      if (ids.has(entry.id)) problems.push({ path: [list, i, 'id'], rule: rules.duplicateId });
      ids.add(entry.id);
      for (const lang of ['nb', 'en'] as const) {
        const name = entry.name[lang].toLocaleLowerCase('nb');
        if (names[lang].has(name))
          problems.push({ path: [list, i, 'name', lang], rule: catalogueRules.duplicateName });
        names[lang].add(name);
      }
    });
  }
  const sections = new Set(c.sections.map((s) => s.id));
  for (const id of engineSections)
    if (!sections.has(id)) problems.push({ path: ['sections'], rule: catalogueRules.requiredSection });
  for (const list of sectionedLists) {
    c[list].forEach((entry, i) => {
      if (!sections.has(entry.section))
        problems.push({ path: [list, i, 'section'], rule: catalogueRules.unknownSection });
      else if (engineSections.includes(entry.section))
        problems.push({ path: [list, i, 'section'], rule: catalogueRules.reservedSection });
    });
  }
  // Every plan kind is named when there are two, so the one just changed is named at its own field.
  const planKinds = c.activityKinds.filter((kind) => kind.registration === 'plan').length;
  c.activityKinds.forEach((kind, i) => {
    if (kind.counts === 'participants' && kind.participant !== 'must')
      problems.push({ path: ['activityKinds', i, 'participant'], rule: catalogueRules.namesParticipants });
    if (kind.registration !== 'plan') return;
    // A conversation names its participant: it is counted as one, or as one of the people who had one.
    if (kind.counts === 'persons')
      problems.push({ path: ['activityKinds', i, 'counts'], rule: catalogueRules.planCounts });
    if (planKinds > 1)
      problems.push({ path: ['activityKinds', i, 'registration'], rule: catalogueRules.onePlanKind });
  });
  return problems;
}

/** The catalogue as stored and served: its shape, and the rules across its entries. */
export const Catalogue = CatalogueShape.check(
  z.superRefine((c, ctx) => {
    for (const p of catalogueProblems(c))
      ctx.addIssue({ code: 'custom', ...raise(p.rule), path: p.path, input: c });
  }),
);
