import type { Catalogue, CatalogueListName } from '../catalogue/lists';
import { type Figures, figureOf } from '../figure-set';
import { kindId, measureId, orderPersonsId } from '../figures/define';
import { arenaHoursId, incomeId } from '../figures/registers';
import { changeDirections, wheelChangeId } from '../figures/wheel';

/**
 * The catalogue entries a run found something counted under: from then on they have history, so the
 * catalogue keeps them (retired, never removed) and a kind's counting rule stays as it was.
 */
export function usedEntries(
  catalogue: Catalogue,
  counted: readonly Figures[],
): { list: CatalogueListName; id: string }[] {
  const any = (id: string) => counted.some((f) => figureOf(f, id) > 0);
  return [
    ...catalogue.activityKinds
      .filter((k) => any(kindId(k.id)))
      .map((k) => ({ list: 'activityKinds' as const, id: k.id })),
    ...catalogue.measureTypes
      .filter((m) => any(measureId(m.id)))
      .map((m) => ({ list: 'measureTypes' as const, id: m.id })),
    ...catalogue.orderTypes
      .filter((o) => any(orderPersonsId(o.id)))
      .map((o) => ({ list: 'orderTypes' as const, id: o.id })),
    ...catalogue.volunteerArenas
      .filter((a) => any(arenaHoursId(a.id)))
      .map((a) => ({ list: 'volunteerArenas' as const, id: a.id })),
    ...catalogue.incomeSources
      .filter((s) => any(incomeId(s.id)))
      .map((s) => ({ list: 'incomeSources' as const, id: s.id })),
    ...catalogue.wheelDomains
      .filter((d) => changeDirections.some((direction) => any(wheelChangeId(d.id, direction))))
      .map((d) => ({ list: 'wheelDomains' as const, id: d.id })),
  ];
}
