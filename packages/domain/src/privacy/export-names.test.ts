import { describe, expect, it } from 'vitest';
import { withCatalogueNames } from './export-names';

const catalogue = {
  measureTypes: [{ id: 'vto', name: { nb: 'VTO', en: 'Permanent adapted work' } }],
  orderTypes: [{ id: 'community_sentence', name: { nb: 'Samfunnsstraff', en: 'Community sentence' } }],
  activityKinds: [{ id: 'cabin_trip', name: { nb: 'Hyttetur', en: 'Cabin trip' } }],
} as unknown as Parameters<typeof withCatalogueNames>[0];

describe('the export names catalogue codes', () => {
  it('adds the catalogue’s names beside measure and order types and entry kinds, keeping the codes', () => {
    const named = withCatalogueNames(
      catalogue,
      {
        id: 'p',
        measures: { m1: { type: 'vto' }, m2: { type: 'retired_type' } },
        orders: { o1: { type: 'community_sentence' } },
      },
      { entry: [{ kind: 'cabin_trip', count: 1 }], hours: [{ kind: 'cabin_trip', hours: 2 }] },
    );
    expect(named.participant.measures).toEqual({
      m1: { type: 'vto', typeName: { nb: 'VTO', en: 'Permanent adapted work' } },
      // A code the catalogue no longer knows keeps its code only.
      m2: { type: 'retired_type' },
    });
    expect(named.participant.orders).toEqual({
      o1: { type: 'community_sentence', typeName: { nb: 'Samfunnsstraff', en: 'Community sentence' } },
    });
    expect(named.records.entry).toEqual([
      { kind: 'cabin_trip', count: 1, kindName: { nb: 'Hyttetur', en: 'Cabin trip' } },
    ]);
    // Only an activity entry's `kind` is an activity kind.
    expect(named.records.hours).toEqual([{ kind: 'cabin_trip', hours: 2 }]);
  });

  it('leaves a participant without measures or orders as it is', () => {
    expect(withCatalogueNames(catalogue, { id: 'p' }, {}).participant).toEqual({ id: 'p' });
  });
});
