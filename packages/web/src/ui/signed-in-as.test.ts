import { describe, expect, test } from 'vitest';
import { nameSaysRole } from './signed-in-as';

describe('the role beside the name in the header', () => {
  test('is left out when the name already says it, in either language', () => {
    expect(nameSaysRole('Kari Nordmann (ansatt, Øvre Eiker)', 'staff')).toBe(true);
    expect(nameSaysRole('Ola Hansen (virksomhetsleder, Øvre Eiker)', 'leader')).toBe(true);
    expect(nameSaysRole('Kari Nordmann (staff)', 'staff')).toBe(true);
  });

  test('is shown for a name that says nothing of the role', () => {
    expect(nameSaysRole('Kari Nordmann', 'staff')).toBe(false);
    // A word that merely contains the role's label is not the label.
    expect(nameSaysRole('Ansattsen Berg', 'staff')).toBe(false);
    expect(nameSaysRole('Ola Hansen (virksomhetsleder, Øvre Eiker)', 'staff')).toBe(false);
  });
});
