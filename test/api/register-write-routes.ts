import { claimsFor } from './call';
import type { DateRule, WriteRoute } from './malformed-bodies';
import { createVolunteer, logHours, positionBody, volunteerBody } from './register-fixtures';
import { centrePartition } from './snapshot';

/**
 * The registers' write routes for the malformed-body tests (write-routes.ts holds the rest): volunteers,
 * their hours, the year's follow-up, staff positions, the shop's kilos and the year's income.
 */
const staff = (centre: string) => claimsFor('staff', centre);
const leader = (centre: string) => claimsFor('leader', centre);
const planned = (path: string): DateRule => ({ path, rule: 'date_planned' });
const past = (path: string): DateRule => ({ path, rule: 'date_past' });
const base = (c: string) => `/api/centres/${c}`;
const aVolunteer = async (c: string) => `${base(c)}/volunteers/${(await createVolunteer(c)).id}`;
const inCentre = { claims: staff, target: centrePartition };

export const registerWriteRoutes: WriteRoute[] = [
  {
    name: 'register a volunteer',
    method: 'POST',
    path: async (c) => `${base(c)}/volunteers`,
    valid: volunteerBody({ endDate: '2024-12-31' }),
    integers: [],
    strings: ['name', 'contact', 'startDate', 'endDate', 'arenas.0'],
    required: ['name', 'startDate', 'arenas'],
    objects: [''],
    dates: [planned('startDate'), planned('endDate')],
    texts: ['name', 'contact'],
    other: async (c) => ({ path: `${base(c)}/volunteers`, body: volunteerBody({ name: 'Ola Nordmann' }) }),
    ...inCentre,
  },
  {
    name: 'correct a volunteer',
    method: 'PUT',
    path: aVolunteer,
    valid: volunteerBody({ version: 1 }),
    integers: ['version'],
    strings: ['name', 'contact', 'startDate', 'arenas.1'],
    required: ['name', 'startDate', 'arenas', 'version'],
    objects: [''],
    dates: [planned('startDate')],
    texts: ['name', 'contact'],
    ...inCentre,
  },
  {
    name: "link a volunteer's account",
    method: 'PUT',
    path: async (c) => `${await aVolunteer(c)}/account`,
    valid: { account: 'volunteer-account-1' },
    integers: [],
    strings: ['account'],
    required: ['account'],
    objects: [''],
    dates: [],
    texts: [],
    ...inCentre,
  },
  {
    name: "log a volunteer's hours",
    method: 'POST',
    path: async (c) => `${await aVolunteer(c)}/hours`,
    valid: { date: '2024-03-05', arena: 'shop', hours: 2 },
    integers: [],
    numbers: ['hours'],
    strings: ['date', 'arena'],
    required: ['date', 'arena', 'hours'],
    objects: [''],
    dates: [past('date')],
    texts: [],
    // The same day's hours for another volunteer.
    other: async (c) => ({
      path: `${await aVolunteer(c)}/hours`,
      body: { date: '2024-03-05', arena: 'shop', hours: 2 },
    }),
    ...inCentre,
  },
  {
    name: "correct a volunteer's hours",
    method: 'PUT',
    path: async (c) => {
      const at = await aVolunteer(c);
      const entry = await logHours(c, at.split('/').at(-1) ?? '');
      return `${at}/hours/${entry.date}/${entry.id}`;
    },
    valid: { arena: 'food_distribution', hours: 3, version: 1 },
    integers: ['version'],
    numbers: ['hours'],
    strings: ['arena'],
    required: ['arena', 'hours', 'version'],
    objects: [''],
    dates: [],
    texts: [],
    ...inCentre,
  },
  {
    name: "the year's volunteer follow-up",
    method: 'PUT',
    path: async (c) => `${base(c)}/volunteer-follow-up/2024`,
    valid: {
      talks: [{ volunteerId: '00000000-0000-4000-8000-000000000000', plannedDate: '2024-05-02' }],
      gatherings: [{ name: 'Sommerfest', date: '2024-06-20', attendees: [] }],
      version: 0,
    },
    integers: ['version'],
    strings: ['talks.0.volunteerId', 'talks.0.plannedDate', 'gatherings.0.name', 'gatherings.0.date'],
    required: ['talks', 'gatherings', 'version', 'talks.0.volunteerId', 'gatherings.0.name'],
    objects: ['', 'talks.0', 'gatherings.0'],
    dates: [planned('talks.0.plannedDate'), planned('gatherings.0.date')],
    texts: ['gatherings.0.name'],
    ...inCentre,
  },
  {
    name: 'add a staff position',
    method: 'POST',
    path: async (c) => `${base(c)}/positions`,
    valid: positionBody({ endDate: '2024-12-31' }),
    integers: ['percent'],
    strings: ['title', 'startDate', 'endDate'],
    required: ['title', 'percent', 'startDate', 'substitute'],
    objects: [''],
    dates: [planned('startDate'), planned('endDate')],
    texts: ['title'],
    other: async (c) => ({ path: `${base(c)}/positions`, body: positionBody({ title: 'Daglig leder' }) }),
    claims: leader,
    target: centrePartition,
  },
  {
    name: "the shop's kilos of a month",
    method: 'PUT',
    path: async (c) => `${base(c)}/shop/2024-03`,
    valid: { kilograms: 2100, version: 0 },
    integers: ['kilograms', 'version'],
    strings: [],
    required: ['kilograms', 'version'],
    objects: [''],
    dates: [],
    texts: [],
    ...inCentre,
  },
  {
    name: "the year's income",
    method: 'PUT',
    path: async (c) => `${base(c)}/economy/2024`,
    valid: { amounts: { sales: 1_448_000, gifts: 112_000 }, version: 0 },
    integers: ['amounts.sales', 'version'],
    strings: [],
    required: ['amounts', 'version'],
    objects: [''],
    dates: [],
    texts: [],
    claims: leader,
    target: centrePartition,
  },
];
