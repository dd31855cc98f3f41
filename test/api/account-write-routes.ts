import { registryKeys } from '@crux/store/keys';
import { uniqueCentreId } from '../setup/dynamo';
import { claimsFor } from './call';
import { createParticipant, openParticipantSignIn } from './fixtures';
import type { WriteRoute } from './malformed-bodies';
import { partition, poolOf, poolWith } from './snapshot';

/**
 * The write routes that reach the user pool, for the malformed-body tests: what a bad body must leave
 * alone is the pool (the centre's accounts, or the onboarded leader's e-mail) and, for onboarding, the
 * registry's entry for the centre it names.
 */
const onboardedCentre = uniqueCentreId('onboard');
const onboardedLeader = `leder.${onboardedCentre}@eksempel.no`;
/** Unique in the run: the reused-key check really makes this account, and e-mails are unique pool-wide. */
const staffEmail = `kari.${uniqueCentreId('ansatt')}@eksempel.no`;

const participantEmail = `deltaker.${uniqueCentreId('deltaker')}@eksempel.no`;

/** A new participant of the centre, which lets its participants sign in: whose account the route makes. */
async function ownAccountPath(centre: string): Promise<string> {
  await openParticipantSignIn(centre);
  const { id } = await createParticipant(centre);
  return `/api/centres/${centre}/participants/${id}/account`;
}

export const accountWriteRoutes: WriteRoute[] = [
  {
    name: 'create an account',
    method: 'POST',
    path: async (c) => `/api/centres/${c}/accounts`,
    valid: { email: staffEmail, name: 'Kari Ansatt', role: 'staff' },
    integers: [],
    strings: ['email', 'name', 'role'],
    required: ['email', 'name', 'role'],
    objects: [''],
    dates: [],
    texts: ['name'],
    other: async (c) => ({
      path: `/api/centres/${c}/accounts`,
      body: { email: `per.${c}@eksempel.no`, name: 'Per Frivillig', role: 'volunteer' },
    }),
    claims: (c) => claimsFor('leader', c),
    target: poolOf,
  },
  {
    name: 'give a participant an account to their own plan',
    method: 'POST',
    path: ownAccountPath,
    valid: { email: participantEmail },
    integers: [],
    strings: ['email'],
    required: ['email'],
    objects: [''],
    dates: [],
    texts: [],
    other: async (c) => ({
      path: await ownAccountPath(c),
      body: { email: `deltaker.${c}@eksempel.no` },
    }),
    claims: (c) => claimsFor('staff', c),
    target: poolOf,
  },
  {
    name: 'onboard a centre with its leader',
    method: 'POST',
    path: async () => '/api/admin/onboardings',
    valid: {
      centre: { id: onboardedCentre, name: 'CRUX Nordby', town: 'Nordby' },
      leader: { email: onboardedLeader, name: 'Lene Leder' },
    },
    integers: [],
    strings: ['centre.id', 'centre.name', 'centre.town', 'leader.email', 'leader.name'],
    required: ['centre', 'leader', 'centre.id', 'centre.name', 'leader.email', 'leader.name'],
    objects: ['', 'centre', 'leader'],
    dates: [],
    texts: ['centre.name', 'centre.town', 'leader.name'],
    other: async () => {
      const id = uniqueCentreId('onboard');
      return {
        path: '/api/admin/onboardings',
        body: {
          centre: { id, name: 'CRUX Sørby', town: 'Sørby' },
          leader: { email: `leder.${id}@eksempel.no`, name: 'Siri Leder' },
        },
      };
    },
    claims: () => claimsFor('admin'),
    target: async () => [
      ...(await partition(registryKeys.centre(onboardedCentre).PK)).filter(
        (item) => item.SK === onboardedCentre,
      ),
      ...(await poolWith(onboardedLeader)),
    ],
  },
];
