import type { Catalogue } from '../catalogue/lists';
import type { Text } from '../text';

/**
 * The export names what the catalogue codes (a measure's or an order's type, an activity entry's kind)
 * by the catalogue's own names, in bokmål and English, beside the code: the person reads "VTO", not
 * `vto`, in the document and in the JSON they take elsewhere, where the code alone would mean nothing.
 * A code the catalogue no longer knows keeps its code only.
 */
export const namedCodes = { type: 'typeName', kind: 'kindName' } as const;

type Named = { id: string; name: Text };
type Fields = Record<string, unknown>;

const byId = (list: readonly Named[]) => new Map(list.map((e) => [e.id, e.name]));

function withName(record: Fields, code: keyof typeof namedCodes, names: Map<string, Text>): Fields {
  const name = typeof record[code] === 'string' ? names.get(record[code] as string) : undefined;
  return name ? { ...record, [namedCodes[code]]: name } : record;
}

/** Each record of a map by id (a participant's measures, orders), named. */
const eachNamed = (value: unknown, code: keyof typeof namedCodes, names: Map<string, Text>) =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? Object.fromEntries(
        Object.entries(value as Record<string, Fields>).map(([id, r]) => [id, withName(r, code, names)]),
      )
    : value;

/** The participant and the records that name them, as exported, with the catalogue's names added. */
export function withCatalogueNames<P extends Fields>(
  catalogue: Pick<Catalogue, 'measureTypes' | 'orderTypes' | 'activityKinds'>,
  participant: P,
  records: Record<string, Fields[]>,
): { participant: P; records: Record<string, Fields[]> } {
  const kinds = byId(catalogue.activityKinds);
  return {
    participant: {
      ...participant,
      ...('measures' in participant
        ? { measures: eachNamed(participant.measures, 'type', byId(catalogue.measureTypes)) }
        : {}),
      ...('orders' in participant
        ? { orders: eachNamed(participant.orders, 'type', byId(catalogue.orderTypes)) }
        : {}),
    },
    // An activity entry's `kind` is the one catalogue code among the records (person-records.ts).
    records: Object.fromEntries(
      Object.entries(records).map(([kind, items]) => [
        kind,
        kind === 'entry' ? items.map((r) => withName(r, 'kind', kinds)) : items,
      ]),
    ),
  };
}
