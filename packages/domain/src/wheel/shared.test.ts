import { describe, expect, test } from 'vitest';
import type { Plan } from './schema';
import { sharedWithPartners } from './shared';

const plan: Plan = {
  participantId: 'p1',
  version: 3,
  scale: { min: 1, max: 10 },
  positions: { participant: { housing: 6, health: 3, economy: 2 }, staff: { housing: 5, health: 4 } },
  goals: [
    { id: 'g1', domain: 'housing', text: 'Egen leilighet' },
    { id: 'g2', domain: 'health', text: 'Komme i gang med behandling' },
  ],
  steps: [
    { id: 's1', domain: 'housing', what: 'Søke kommunal bolig', who: 'Deltakeren', due: '2026-03-01' },
    { id: 's2', domain: 'health', what: 'Time hos fastlegen', who: 'Kari (CRUX)' },
    { id: 's3', domain: 'economy', what: 'Budsjett', who: 'NAV', done: '2026-01-10' },
  ],
  partners: [
    {
      id: 'n1',
      type: 'nav',
      organisation: 'NAV Øvre Eiker',
      contact: 'Ola',
      domains: ['housing', 'economy'],
    },
    { id: 'n2', type: 'treatment', organisation: 'DPS Drammen', contact: 'Eva', domains: ['health'] },
    { id: 'n3', type: 'family', organisation: 'Familien', contact: 'Mor', domains: [] },
  ],
  consent: { housing: '2026-01-05', economy: '2026-01-06' },
  updatedAt: '2026-01-06T10:00:00Z',
  updatedByRole: 'staff',
};

describe('the plan for partners', () => {
  test('holds only the domains with consent: positions, goals, steps and partners', () => {
    const shared = sharedWithPartners(plan);
    expect(shared.consent).toEqual({ housing: '2026-01-05', economy: '2026-01-06' });
    expect(shared.positions).toEqual({ housing: 6, economy: 2 });
    expect(shared.goals.map((g) => g.id)).toEqual(['g1']);
    expect(shared.steps.map((s) => s.id)).toEqual(['s1', 's3']);
    // NAV keeps its shared domains; treatment (health only) and a partner on no domain are left out.
    expect(shared.partners).toEqual([{ ...plan.partners[0], domains: ['housing', 'economy'] }]);
  });

  test('a partner on a shared and an unshared domain is shown with the shared one only', () => {
    const shared = sharedWithPartners({ ...plan, consent: { economy: '2026-01-06' } });
    expect(shared.partners.map((p) => [p.id, p.domains])).toEqual([['n1', ['economy']]]);
    expect(shared.goals).toEqual([]);
  });

  test('without consent nothing is shared', () => {
    const shared = sharedWithPartners({ ...plan, consent: {} });
    expect(shared).toEqual({ consent: {}, positions: {}, goals: [], steps: [], partners: [] });
  });
});
