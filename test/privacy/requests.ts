import { randomUUID } from 'node:crypto';
import type { RouteDef } from '@crux/api/routes';
import { type Call, call, claimsFor } from '../api/call';
import {
  conversationBody,
  made,
  openParticipantSignIn,
  ownPlanBody,
  participantBody,
  planBody,
  visitBody,
} from '../api/fixtures';
import { createVolunteer, logHours, registerRequestFor } from '../api/register-fixtures';
import { giveAccount, type Made } from './records';

/** A request on a route, and the volunteers it should name (the ones made for it). */
export type Prepared = { request: Omit<Call, 'claims'>; volunteers: string[] };

/** The path of `route` at `centre`, its placeholders filled with the records made there. */
export function pathOf(route: RouteDef, centre: string, m: Made, path = route.path): string {
  const values: Record<string, string> = {
    centreId: centre,
    participantId: m.participant.id,
    measureId: m.measureId,
    orderId: m.orderId,
    hoursId: m.hours.id,
    entryId: m.entry.id,
    year: '2024',
  };
  const date = route.path.includes('{hoursId}') ? m.hours.date : m.entry.date;
  return path.replace(/\{(\w+)\}/g, (_, name: string) =>
    name === 'date' ? date : (values[name] ?? randomUUID()),
  );
}

/** The registers' fixture's request on a route it knows. */
async function registered(key: string, path: string, centre: string, subject: string) {
  const request = await registerRequestFor(key, path, centre, subject);
  if (!request) throw new Error(`no register request for ${key}`);
  return request;
}

const volunteerOf = (path: string) => /\/volunteers\/([^/]+)/.exec(path)?.[1];

/**
 * A volunteer route's request (the registers' fixtures, with a volunteer made where a list would
 * otherwise be empty), or undefined for other routes; `subject` is the account a volunteer signs in as.
 */
async function volunteerRequest(route: RouteDef, centre: string, subject: string) {
  const key = `${route.method} ${route.path}`;
  const path = route.path.replace('{centreId}', centre).replace('{year}', '2024');
  switch (key) {
    case 'GET /api/centres/{centreId}/volunteers':
      return {
        request: { method: 'GET', path },
        volunteers: [(await createVolunteer(centre)).id],
      } as Prepared;
    case 'GET /api/centres/{centreId}/volunteer-hours': {
      const v = await createVolunteer(centre);
      await logHours(centre, v.id);
      return { request: await registered(key, path, centre, subject), volunteers: [v.id] } as Prepared;
    }
    case 'GET /api/centres/{centreId}/me': {
      const v = await createVolunteer(centre, subject);
      return { request: { method: 'GET', path }, volunteers: [v.id] } as Prepared;
    }
    case 'GET /api/centres/{centreId}/volunteer-follow-up/{year}': {
      const put = await registered(`PUT ${route.path}`, path, centre, subject);
      const saved = await call({ ...put, claims: claimsFor('leader', centre) });
      if (saved.status !== 200) throw new Error(JSON.stringify(saved.body));
      const talks = (put.body as { talks: { volunteerId: string }[] }).talks;
      return { request: { method: 'GET', path }, volunteers: talks.map((t) => t.volunteerId) } as Prepared;
    }
  }
  const request = await registerRequestFor(key, path, centre, subject);
  if (!request) return undefined;
  const body = request.body as { talks?: { volunteerId: string }[] } | undefined;
  const named = volunteerOf(request.path) ?? '';
  return { request, volunteers: body?.talks?.map((t) => t.volunteerId) ?? (named ? [named] : []) };
}

/** A wheel route's path with its step or conversation made first (the plan and conversation fixtures). */
async function wheelPath(route: RouteDef, centre: string, m: Made): Promise<string> {
  const at = `/api/centres/${centre}/participants/${m.participant.id}`;
  let path = route.path;
  if (path.includes('{stepId}')) {
    const body = planBody();
    const written = await call({
      method: 'PUT',
      path: `${at}/plan`,
      claims: claimsFor('staff', centre),
      body,
    });
    if (written.status !== 200) throw new Error(JSON.stringify(written.body));
    path = path.replace('{stepId}', body.steps[0]?.id ?? '');
  }
  if (path.includes('{conversationId}')) {
    const { conversation } = await made(centre, `${at}/conversations`, conversationBody());
    path = path.replace('{date}', conversation.date).replace('{conversationId}', conversation.id);
  }
  return pathOf(route, centre, m, path);
}

/**
 * A request a user of the route would make, on the records made (and, for the wheel and the registers,
 * on what their fixtures make first). Where a route is not listed here, its path alone (a GET, or a
 * write with `{}`, which is then refused as a bad body and logged as such).
 */
export async function requestOn(
  route: RouteDef,
  centre: string,
  m: Made,
  subject: string,
): Promise<Prepared> {
  const registered = await volunteerRequest(route, centre, subject);
  if (registered) return registered;
  // Turning an account off or on: the participant's own, given by the centre's staff.
  if (/\/accounts\/\{accountId\}\/(de|re)activate$/.test(route.path)) {
    const account = await giveAccount(centre, m.participant.id, claimsFor('staff', centre));
    const path = route.path.replace('{centreId}', centre).replace('{accountId}', account.id);
    return { request: { method: route.method, path, body: {} }, volunteers: [] };
  }
  const path = await wheelPath(route, centre, m);
  const span = { startDate: '2024-03-01', endDate: '2024-06-30', version: 1 };
  const { date: _date, planVersion: _plan, ...conversation } = conversationBody();
  const plan = '/api/centres/{centreId}/participants/{participantId}/plan';
  const conversations = '/api/centres/{centreId}/participants/{participantId}/conversations';
  const ownAccount = '/api/centres/{centreId}/participants/{participantId}/account';
  if (route.path.startsWith(`${plan}/`) || route.path === ownAccount) await openParticipantSignIn(centre);
  const bodies: Record<string, unknown> = {
    'POST /api/centres/{centreId}/participants': participantBody(),
    'PUT /api/centres/{centreId}/participants/{participantId}': participantBody({ version: 1 }),
    'POST /api/centres/{centreId}/participants/{participantId}/end': {
      endDate: '2024-12-31',
      outcome: 'stable_life',
      version: 1,
    },
    'POST /api/centres/{centreId}/participants/{participantId}/measures': {
      type: 'nav_activity',
      startDate: '2024-03-01',
    },
    'PUT /api/centres/{centreId}/participants/{participantId}/measures/{measureId}': { type: 'vto', ...span },
    'POST /api/centres/{centreId}/participants/{participantId}/orders': {
      type: 'electronic_monitoring',
      startDate: '2024-03-01',
    },
    'PUT /api/centres/{centreId}/participants/{participantId}/orders/{orderId}': {
      type: 'community_sentence',
      ...span,
    },
    'POST /api/centres/{centreId}/participants/{participantId}/orders/{orderId}/hours': {
      date: '2024-03-05',
      hours: 4,
    },
    'POST /api/centres/{centreId}/activities': visitBody({ participantId: m.participant.id }),
    'PUT /api/centres/{centreId}/activities/{date}/{entryId}': {
      kind: 'cabin_trip',
      count: 2,
      participantId: m.participant.id,
      version: 1,
    },
    'POST /api/centres/{centreId}/imports': {
      records: [{ type: 'participant', id: randomUUID(), body: participantBody() }],
    },
    'POST /api/centres/{centreId}/participants/{participantId}/erasure': { version: 1 },
    [`POST ${ownAccount}`]: { email: `deltaker.${randomUUID().slice(0, 8)}@eksempel.no` },
    [`PUT ${plan}`]: planBody(),
    [`PUT ${plan}/own`]: ownPlanBody(),
    [`PUT ${plan}/steps/{stepId}`]: { version: 1, done: '2024-03-05' },
    [`POST ${conversations}`]: conversationBody(),
    [`PUT ${conversations}/{date}/{conversationId}`]: { ...conversation, version: 1, notes: 'Rettet.' },
  };
  const queries: Record<string, Record<string, string>> = {
    'GET /api/centres/{centreId}/activities': { from: '2024-01-01', to: '2024-12-31' },
    'GET /api/centres/{centreId}/hours': { from: '2024-01-01', to: '2024-12-31' },
    'DELETE /api/centres/{centreId}/activities/{date}/{entryId}': { version: '1' },
    [`DELETE ${conversations}/{date}/{conversationId}`]: { version: '1' },
    'GET /api/centres/{centreId}/access-log': {
      from: '2020-01-01',
      to: '2020-12-31',
      participantId: m.participant.id,
    },
  };
  const key = `${route.method} ${route.path}`;
  const body = route.method === 'POST' || route.method === 'PUT' ? (bodies[key] ?? {}) : undefined;
  const request = {
    method: route.method,
    path,
    ...(body !== undefined ? { body } : {}),
    ...(queries[key] ? { query: queries[key] } : {}),
  };
  return { request, volunteers: [] };
}
