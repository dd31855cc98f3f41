import type { Catalogue } from './lists';
import { registerSections } from './sections';
import { startingCatalogue } from './starting';

/**
 * A catalogue stored before the centre's registers came (issue 9) has no volunteer arenas, no income
 * sources and none of the sections the engine fills from the registers. Read, it gets the starting
 * catalogue's, so every reader sees one shape; stored, it keeps its own until the admin's next change
 * writes the whole document.
 */
type Stored = Omit<Catalogue, 'volunteerArenas' | 'incomeSources'> &
  Partial<Pick<Catalogue, 'volunteerArenas' | 'incomeSources'>>;

const isRegisterSection = (id: string) => (registerSections as readonly string[]).includes(id);

export function upgradeCatalogue(stored: Stored): Catalogue {
  const missing = startingCatalogue.sections.filter(
    (s) => isRegisterSection(s.id) && !stored.sections.some((own) => own.id === s.id),
  );
  return {
    ...stored,
    sections: [...stored.sections, ...missing],
    volunteerArenas: stored.volunteerArenas ?? startingCatalogue.volunteerArenas,
    incomeSources: stored.incomeSources ?? startingCatalogue.incomeSources,
  };
}

/**
 * The stored document an upgraded catalogue was read from, if it was one: the admin's change names the
 * catalogue it saw, and the store compares fingerprints, so a change made on an upgraded catalogue must
 * be recognised as made on the stored one. Undefined when `seen` cannot have come from an upgrade.
 */
export function storedBeforeUpgrade(seen: Catalogue): Stored | undefined {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const added = startingCatalogue.sections.filter((s) => isRegisterSection(s.id));
  const kept = seen.sections.slice(0, seen.sections.length - added.length);
  const { volunteerArenas, incomeSources, ...rest } = seen;
  const upgraded =
    same(volunteerArenas, startingCatalogue.volunteerArenas) &&
    same(incomeSources, startingCatalogue.incomeSources) &&
    same(seen.sections.slice(kept.length), added) &&
    !kept.some((s) => isRegisterSection(s.id));
  return upgraded ? { ...rest, sections: kept } : undefined;
}
