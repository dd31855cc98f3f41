import * as z from 'zod/mini';
import { conflict, fail, ok, type Result } from '../errors';
import * as rules from '../rules';
import { fieldError, parse, validationError } from '../validation';
import {
  type Catalogue,
  type CatalogueEntry,
  type CatalogueListName,
  catalogueListNames,
  catalogueLists,
  catalogueProblems,
  sectionedLists,
} from './lists';
import * as catalogueRules from './rules';
import { CatalogueSettings, Slug } from './schema';

/** The catalogue version the admin saw: a change made against an older one is a conflict, never applied. */
const version = z.int().check(z.gte(1));

function changesOf<L extends CatalogueListName>(list: L) {
  const { entry, patch } = catalogueLists[list];
  return {
    add: z.strictObject({ op: z.literal('add'), list: z.literal(list), version, entry }),
    update: z.strictObject({ op: z.literal('update'), list: z.literal(list), version, id: Slug, patch }),
    remove: z.strictObject({ op: z.literal('remove'), list: z.literal(list), version, id: Slug }),
  };
}

const changeSchemas = {
  sections: changesOf('sections'),
  activityKinds: changesOf('activityKinds'),
  measureTypes: changesOf('measureTypes'),
  orderTypes: changesOf('orderTypes'),
  volunteerArenas: changesOf('volunteerArenas'),
  incomeSources: changesOf('incomeSources'),
  wheelDomains: changesOf('wheelDomains'),
  partnerTypes: changesOf('partnerTypes'),
};
const SettingsChange = z.strictObject({
  op: z.literal('settings'),
  version,
  patch: z.partial(CatalogueSettings),
});

type ListChange = {
  [L in CatalogueListName]: z.infer<(typeof changeSchemas)[L][keyof (typeof changeSchemas)[L]]>;
}[CatalogueListName];

/**
 * One change to the catalogue. Retiring is an `update` of the status; `remove` is for an entry nothing
 * was registered under (a slip), and refused otherwise.
 */
export type CatalogueChange = ListChange | z.infer<typeof SettingsChange>;

const Op = z.object({ op: z.enum(['add', 'update', 'remove', 'settings']) });
const OfList = z.object({ list: z.enum(catalogueListNames as [CatalogueListName, ...CatalogueListName[]]) });

/**
 * Parses a change in steps (what it does, to which list, then the one shape meant), so an error names
 * the field of that shape (`entry.counts`), not every shape of a union.
 */
export function parseCatalogueChange(input: unknown): Result<CatalogueChange> {
  const op = parse(Op, input);
  if (!op.ok) return op;
  if (op.value.op === 'settings') return parse(SettingsChange, input);
  const list = parse(OfList, input);
  if (!list.ok) return list;
  return parse(changeSchemas[list.value.list][op.value.op], input) as Result<CatalogueChange>;
}

/** Whether anything was registered under an entry; the caller answers from its records. */
export type HasHistory = (list: CatalogueListName, id: string) => boolean;

/** What a change did, kept for ever: who, when, and the entry (or the settings) before and after. */
export type CatalogueHistoryRecord = {
  version: number;
  who: string;
  when: string;
  change: CatalogueChange;
  before: CatalogueEntry | CatalogueSettings | null;
  after: CatalogueEntry | CatalogueSettings | null;
};

export type AppliedChange = { catalogue: Catalogue; record: CatalogueHistoryRecord };

type Context = { who: string; when: string; hasHistory: HasHistory };

/**
 * Applies one change, or says which rule it breaks. Ids never change (a patch has no id); an entry
 * with history is retired, not removed; a kind's counting rule is locked once it has history; a
 * section is removed only when empty. The whole catalogue is checked after the change, and a problem
 * with the changed entry is reported at the change's own field (`entry.section`, `patch.section`).
 */
export function applyCatalogueChange(
  catalogue: Catalogue,
  change: CatalogueChange,
  { who, when, hasHistory }: Context,
): Result<AppliedChange> {
  if (change.version !== catalogue.version) return fail(conflict(catalogue));
  const next: Catalogue = { ...catalogue, version: catalogue.version + 1 };
  let before: CatalogueHistoryRecord['before'] = null;
  let after: CatalogueHistoryRecord['after'] = null;
  let at: { list: CatalogueListName; index: number; field: 'entry' | 'patch' } | null = null;

  if (change.op === 'settings') {
    before = catalogue.settings;
    after = { ...catalogue.settings, ...change.patch };
    next.settings = after;
  } else {
    const entries = catalogue[change.list] as readonly CatalogueEntry[];
    const id = change.op === 'add' ? change.entry.id : change.id;
    const index = entries.findIndex((e) => e.id === id);
    const current = entries[index];
    if (change.op === 'add') {
      if (current) return fail(fieldError('entry.id', rules.duplicateId));
      after = change.entry;
      setList(next, change.list, [...entries, after]);
      at = { list: change.list, index: entries.length, field: 'entry' };
    } else if (!current) {
      return fail(fieldError('id', catalogueRules.unknownEntry));
    } else if (change.op === 'update') {
      const locked = (catalogueLists[change.list].locked as readonly string[]).find(
        (field) =>
          field in change.patch &&
          (change.patch as Record<string, unknown>)[field] !== (current as Record<string, unknown>)[field],
      );
      if (locked && hasHistory(change.list, id))
        return fail(fieldError(`patch.${locked}`, catalogueRules.countingLocked));
      before = current;
      after = { ...current, ...change.patch } as CatalogueEntry;
      setList(
        next,
        change.list,
        entries.map((e, i) => (i === index ? (after as CatalogueEntry) : e)),
      );
      at = { list: change.list, index, field: 'patch' };
    } else {
      if (
        change.list === 'sections' &&
        sectionedLists.some((l) => catalogue[l].some((e) => e.section === id))
      )
        return fail(fieldError('id', catalogueRules.sectionInUse));
      if (change.list !== 'sections' && hasHistory(change.list, id))
        return fail(fieldError('id', catalogueRules.hasHistory));
      before = current;
      setList(
        next,
        change.list,
        entries.filter((_, i) => i !== index),
      );
    }
  }

  const problems = catalogueProblems(next);
  if (problems.length > 0) {
    const fields = problems.flatMap((p) => {
      const own = at !== null && p.path[0] === at.list && p.path[1] === at.index;
      const field = own && at ? [at.field, ...p.path.slice(2)].join('.') : p.path.join('.');
      return fieldError(field, p.rule).fields ?? [];
    });
    return fail(validationError(fields));
  }
  return ok({ catalogue: next, record: { version: next.version, who, when, change, before, after } });
}

function setList(c: Catalogue, list: CatalogueListName, entries: readonly CatalogueEntry[]): void {
  (c as Record<CatalogueListName, readonly CatalogueEntry[]>)[list] = entries;
}
