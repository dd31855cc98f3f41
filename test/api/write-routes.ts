import { randomUUID } from 'node:crypto';
import { startingCatalogue } from '@crux/domain/catalogue/starting';
import { uniqueCentreId } from '../setup/dynamo';
import { accountWriteRoutes } from './account-write-routes';
import { call, claimsFor } from './call';
import {
  catalogueChange,
  catalogueKind,
  conversationBody,
  createParticipant,
  made,
  openParticipantSignIn,
  ownPlanBody,
  participantBody,
  participantClaims,
  participantPath,
  planBody,
  visitBody,
} from './fixtures';
import type { Body, DateRule, WriteRoute } from './malformed-bodies';
import { registerWriteRoutes } from './register-write-routes';
import { centrePartition, partition } from './snapshot';

/**
 * Every write route of the platform, with a valid body and the fields the malformed-body tests break:
 * its numbers, strings, required fields, objects, dates (with the window each lies in: what has
 * happened, or what may be planned) and texts. A POST also names another valid request, on another
 * target or with another body, for the reused Idempotency-Key.
 */
const staff = (centre: string) => claimsFor('staff', centre);
const leader = (centre: string) => claimsFor('leader', centre);
export const malformedCentreId = uniqueCentreId('malformed');
const planned = (path: string): DateRule => ({ path, rule: 'date_planned' });
const past = (path: string): DateRule => ({ path, rule: 'date_past' });
const plan = (path: string): DateRule => ({ path, rule: 'date_plan' });

const aParticipant = async (c: string) => participantPath(c, (await createParticipant(c)).id);
/** A participant's order (community sentence from 2024-03-01), the path hours are logged on. */
async function anOrder(c: string): Promise<string> {
  const at = await aParticipant(c);
  const order = await made(c, `${at}/orders`, { type: 'community_sentence', startDate: '2024-03-01' });
  return `${at}/orders/${order.id}`;
}

const spanBody = (type: string) => ({ type, startDate: '2024-03-01', endDate: '2024-06-30' });
const spanFields = {
  strings: ['type', 'startDate', 'endDate'],
  objects: [''],
  dates: [planned('startDate'), planned('endDate')],
  texts: [],
  claims: staff,
  target: centrePartition,
};

function spanRoutes(list: 'measures' | 'orders', type: string): WriteRoute[] {
  return [
    {
      name: `start ${list}`,
      method: 'POST',
      path: async (c) => `${await aParticipant(c)}/${list}`,
      valid: spanBody(type),
      integers: [],
      required: ['type', 'startDate'],
      // The same start on another participant.
      other: async (c) => ({ path: `${await aParticipant(c)}/${list}`, body: spanBody(type) }),
      ...spanFields,
    },
    {
      name: `correct ${list}`,
      method: 'PUT',
      path: async (c) => {
        const at = await aParticipant(c);
        return `${at}/${list}/${(await made(c, `${at}/${list}`, { type, startDate: '2024-03-01' })).id}`;
      },
      valid: { ...spanBody(type), version: 1 },
      integers: ['version'],
      required: ['type', 'startDate', 'version'],
      ...spanFields,
    },
  ];
}

/** A centre's records as its leader imports them: a participant whole, an entry, hours on its order. */
function importBody(): Body {
  const person = randomUUID();
  const order = randomUUID();
  return {
    records: [
      {
        type: 'participant',
        id: person,
        body: participantBody({ startDate: '2023-01-10' }),
        end: { endDate: '2023-11-30', outcome: 'treatment' },
        measures: [{ id: randomUUID(), type: 'vto', startDate: '2023-02-01' }],
        orders: [{ id: order, type: 'fine_serving', startDate: '2023-03-01', endDate: '2023-09-30' }],
      },
      { type: 'entry', date: '2023-05-12', kind: 'cabin_trip', count: 1, participantId: person },
      {
        type: 'hours',
        id: randomUUID(),
        participantId: person,
        orderId: order,
        date: '2023-03-01',
        hours: 6,
      },
    ],
  };
}

/** The participant whose plan the own-plan route's body is sent to, by centre: their claims must name them. */
const planOwners = new Map<string, string>();

const { date: _date, planVersion: _plan, ...conversationFields } = conversationBody();

const wheelRoutes: WriteRoute[] = [
  {
    name: 'write the plan',
    method: 'PUT',
    path: async (c) => `${await aParticipant(c)}/plan`,
    valid: planBody(),
    integers: [
      'version',
      'scale.min',
      'scale.max',
      'positions.participant.housing',
      'positions.staff.economy',
    ],
    strings: [
      'goals.0.text',
      'goals.0.domain',
      'steps.0.what',
      'steps.0.who',
      'partners.0.type',
      'partners.0.organisation',
      'partners.0.contact',
      'partners.0.domains.0',
      'consent.economy',
    ],
    required: [
      'version',
      'scale',
      'positions',
      'positions.staff',
      'goals',
      'goals.0.text',
      'steps',
      'steps.0.who',
      'partners',
      'partners.0.contact',
      'partners.0.domains',
      'consent',
    ],
    objects: ['', 'scale', 'positions', 'goals.0', 'steps.0', 'partners.0'],
    dates: [past('consent.economy'), past('steps.0.done'), plan('steps.0.due'), plan('nextConversation')],
    texts: ['steps.0.who', 'partners.0.organisation', 'partners.0.contact'],
    claims: staff,
    target: centrePartition,
  },
  {
    name: "the participant's own positions and goals",
    method: 'PUT',
    path: async (c) => {
      await openParticipantSignIn(c);
      const { id } = await createParticipant(c);
      planOwners.set(c, id);
      return `${participantPath(c, id)}/plan/own`;
    },
    valid: ownPlanBody(),
    integers: ['version', 'scale.max', 'positions.housing'],
    strings: ['goals.0.id', 'goals.0.domain', 'goals.0.text'],
    required: ['version', 'scale', 'positions', 'goals', 'goals.0.id', 'goals.0.text'],
    objects: ['', 'scale', 'goals.0'],
    dates: [],
    texts: [],
    claims: (c) => participantClaims(c, planOwners.get(c) ?? ''),
    target: centrePartition,
  },
  {
    name: 'mark a step done',
    method: 'PUT',
    path: async (c) => {
      const at = await aParticipant(c);
      const body = planBody();
      const written = await call({ method: 'PUT', path: `${at}/plan`, claims: staff(c), body });
      if (written.status !== 200) throw new Error(JSON.stringify(written.body));
      return `${at}/plan/steps/${body.steps[0]?.id}`;
    },
    valid: { version: 1, done: '2024-03-05' },
    integers: ['version'],
    strings: [],
    required: ['version', 'done'],
    objects: [''],
    dates: [past('done')],
    texts: [],
    claims: staff,
    target: centrePartition,
  },
  {
    name: 'record a wheel conversation',
    method: 'POST',
    path: async (c) => `${await aParticipant(c)}/conversations`,
    valid: conversationBody(),
    integers: ['planVersion', 'scale.min', 'positions.participant.housing'],
    strings: ['date', 'attendees.0', 'notes'],
    required: ['date', 'planVersion', 'attendees', 'scale', 'positions', 'positions.participant'],
    objects: ['', 'scale', 'positions'],
    dates: [past('date'), plan('nextConversation')],
    texts: ['attendees.0'],
    // The same conversation with another participant.
    other: async (c) => ({ path: `${await aParticipant(c)}/conversations`, body: conversationBody() }),
    claims: staff,
    target: centrePartition,
  },
  {
    name: 'correct a wheel conversation',
    method: 'PUT',
    path: async (c) => {
      const at = await aParticipant(c);
      const { conversation } = await made(c, `${at}/conversations`, conversationBody());
      return `${at}/conversations/${conversation.date}/${conversation.id}`;
    },
    valid: { ...conversationFields, version: 1 },
    integers: ['version', 'scale.max', 'positions.staff.housing'],
    strings: ['attendees.0', 'notes'],
    required: ['version', 'attendees', 'scale', 'positions', 'positions.staff'],
    objects: ['', 'scale', 'positions'],
    dates: [plan('nextConversation')],
    texts: ['attendees.0'],
    claims: staff,
    target: centrePartition,
  },
];

export const writeRoutes: WriteRoute[] = [
  ...wheelRoutes,
  {
    name: 'create participant',
    method: 'POST',
    path: async (c) => `/api/centres/${c}/participants`,
    valid: participantBody(),
    integers: ['birthYear'],
    strings: ['displayName', 'gender', 'startDate', 'referralSource'],
    required: ['displayName', 'birthYear', 'startDate', 'referralSource'],
    objects: [''],
    dates: [planned('startDate')],
    texts: ['displayName'],
    other: async (c) => ({
      path: `/api/centres/${c}/participants`,
      body: participantBody({ displayName: 'Noen andre' }),
    }),
    claims: staff,
    target: centrePartition,
  },
  {
    name: 'update participant',
    method: 'PUT',
    path: aParticipant,
    valid: participantBody({ version: 1 }),
    integers: ['birthYear', 'version'],
    strings: ['displayName', 'gender', 'startDate', 'referralSource'],
    required: ['displayName', 'birthYear', 'startDate', 'referralSource', 'version'],
    objects: [''],
    dates: [planned('startDate')],
    texts: ['displayName'],
    claims: staff,
    target: centrePartition,
  },
  {
    name: 'end participation',
    method: 'POST',
    path: async (c) => `${await aParticipant(c)}/end`,
    valid: { endDate: '2024-12-31', outcome: 'treatment', version: 1 },
    integers: ['version'],
    strings: ['endDate', 'outcome'],
    required: ['endDate', 'outcome', 'version'],
    objects: [''],
    dates: [past('endDate')],
    texts: [],
    other: async (c) => ({
      path: `${await aParticipant(c)}/end`,
      body: { endDate: '2024-12-31', outcome: 'treatment', version: 1 },
    }),
    claims: staff,
    target: centrePartition,
  },
  ...spanRoutes('measures', 'vto'),
  ...spanRoutes('orders', 'community_sentence'),
  {
    name: 'log hours',
    method: 'POST',
    path: async (c) => `${await anOrder(c)}/hours`,
    valid: { date: '2024-03-05', hours: 2.5 },
    integers: [],
    numbers: ['hours'],
    strings: ['date'],
    required: ['date', 'hours'],
    objects: [''],
    dates: [past('date')],
    texts: [],
    // The same day's hours on another order.
    other: async (c) => ({ path: `${await anOrder(c)}/hours`, body: { date: '2024-03-05', hours: 2.5 } }),
    claims: staff,
    target: centrePartition,
  },
  {
    name: 'record activities',
    method: 'POST',
    path: async (c) => `/api/centres/${c}/activities`,
    valid: visitBody(),
    integers: ['entries.0.count'],
    strings: ['date', 'entries.0.kind'],
    required: ['date', 'entries', 'entries.0.kind', 'entries.0.count'],
    objects: ['', 'entries.0'],
    dates: [past('date')],
    texts: [],
    other: async (c) => ({ path: `/api/centres/${c}/activities`, body: visitBody({ date: '2024-03-06' }) }),
    claims: staff,
    target: centrePartition,
  },
  {
    name: 'correct an entry',
    method: 'PUT',
    path: async (c) => {
      const [entry] = (await made(c, `/api/centres/${c}/activities`, visitBody())).items;
      return `/api/centres/${c}/activities/${entry.date}/${entry.id}`;
    },
    valid: { kind: 'visit', count: 4, version: 1 },
    integers: ['count', 'version'],
    strings: ['kind'],
    required: ['kind', 'count', 'version'],
    objects: [''],
    dates: [],
    texts: [],
    claims: staff,
    target: centrePartition,
  },
  {
    name: 'centre settings',
    method: 'PUT',
    path: async (c) => `/api/centres/${c}/settings`,
    valid: { todayKinds: ['visit', 'contact_point'], version: 0 },
    integers: ['version'],
    strings: ['todayKinds.1'],
    required: ['todayKinds', 'version'],
    objects: [''],
    dates: [],
    texts: [],
    claims: leader,
    target: centrePartition,
  },
  {
    name: 'import',
    method: 'POST',
    path: async (c) => `/api/centres/${c}/imports`,
    valid: importBody(),
    integers: ['records.0.body.birthYear', 'records.1.count'],
    numbers: ['records.2.hours'],
    strings: [
      'records.0.id',
      'records.0.body.displayName',
      'records.0.measures.0.type',
      'records.1.kind',
      'records.2.orderId',
    ],
    required: [
      'records',
      'records.0.id',
      'records.0.body',
      'records.0.end.outcome',
      'records.0.orders.0.startDate',
      'records.1.date',
      'records.1.count',
      'records.2.participantId',
      'records.2.hours',
    ],
    objects: [
      '',
      'records.0',
      'records.0.body',
      'records.0.end',
      'records.0.measures.0',
      'records.1',
      'records.2',
    ],
    dates: [
      planned('records.0.body.startDate'),
      past('records.0.end.endDate'),
      planned('records.0.measures.0.startDate'),
      planned('records.0.orders.0.endDate'),
      past('records.1.date'),
      past('records.2.date'),
    ],
    texts: ['records.0.body.displayName'],
    other: async (c) => ({ path: `/api/centres/${c}/imports`, body: importBody() }),
    claims: leader,
    target: centrePartition,
  },
  ...registerWriteRoutes,
  {
    name: 'erase a participant',
    method: 'POST',
    path: async (c) => `${await aParticipant(c)}/erasure`,
    valid: { version: 1 },
    integers: ['version'],
    strings: [],
    required: ['version'],
    objects: [''],
    dates: [],
    texts: [],
    other: async (c) => ({ path: `${await aParticipant(c)}/erasure`, body: { version: 1 } }),
    claims: leader,
    target: centrePartition,
  },
  {
    name: 'create centre',
    method: 'POST',
    path: async () => '/api/admin/centres',
    valid: { id: malformedCentreId, name: 'CRUX Test', town: 'Testby' },
    integers: [],
    strings: ['id', 'name', 'town'],
    required: ['id', 'name', 'town'],
    objects: [''],
    dates: [],
    texts: ['name', 'town'],
    other: async () => ({
      path: '/api/admin/centres',
      body: { id: uniqueCentreId('other'), name: 'CRUX Annen', town: 'Annenby' },
    }),
    claims: () => claimsFor('admin'),
    // Only this id could be written by these bodies.
    target: async () => (await partition('CENTRES')).filter((item) => item.SK === malformedCentreId),
  },
  {
    name: 'change the catalogue',
    method: 'POST',
    path: async () => '/api/admin/catalogue/changes',
    // The catalogue of a fresh table is the starting one.
    valid: {
      base: startingCatalogue,
      change: {
        op: 'add',
        list: 'activityKinds',
        version: startingCatalogue.version,
        entry: catalogueKind('fuzz'),
      },
    },
    integers: ['change.version', 'change.entry.order'],
    strings: [
      'change.op',
      'change.list',
      'change.entry.id',
      'change.entry.name.nb',
      'change.entry.section',
      'change.entry.status',
      'change.entry.counts',
      'change.entry.participant',
    ],
    required: [
      'base',
      'change',
      'change.entry',
      'change.entry.id',
      'change.entry.name.en',
      'change.entry.counts',
    ],
    objects: ['', 'base', 'change', 'change.entry', 'change.entry.name'],
    dates: [],
    texts: ['change.entry.name.nb', 'change.entry.name.en'],
    other: async () => ({ path: '/api/admin/catalogue/changes', body: await catalogueChange('other_fuzz') }),
    claims: () => claimsFor('admin'),
    target: () => partition('CATALOGUE'),
  },
  ...accountWriteRoutes,
];
