import { centreWorkers, type RouteFor } from './route-def';

/** Volunteers reach only routes about their own record, which the handler checks against their account. */
const withVolunteer = ['staff', 'leader', 'volunteer'] as const;
const volunteer = '/api/centres/{centreId}/volunteers/{volunteerId}';
/**
 * The registers audience: the centre's own registers (volunteers and their hours, follow-up, staff positions, the shop, the economy); a volunteer reaches their own record only.
 */
export const registersRoutes = [
  {
    method: 'GET',
    path: '/api/centres/{centreId}/volunteers',
    audience: 'registers',
    roles: centreWorkers,
    personal: { action: 'list', volunteer: ['answer:items[].id'] },
  },
  {
    method: 'POST',
    path: '/api/centres/{centreId}/volunteers',
    audience: 'registers',
    roles: centreWorkers,
    personal: { action: 'create', volunteer: ['answer:id'] },
  },
  {
    method: 'PUT',
    path: volunteer,
    audience: 'registers',
    roles: centreWorkers,
    personal: { action: 'update', volunteer: ['path:volunteerId'] },
  },
  {
    method: 'PUT',
    path: `${volunteer}/account`,
    audience: 'registers',
    roles: centreWorkers,
    personal: { action: 'update', volunteer: ['path:volunteerId'] },
  },
  {
    method: 'DELETE',
    path: `${volunteer}/account`,
    audience: 'registers',
    roles: centreWorkers,
    personal: { action: 'update', volunteer: ['path:volunteerId'] },
  },
  {
    method: 'GET',
    path: `${volunteer}/hours`,
    audience: 'registers',
    roles: withVolunteer,
    personal: { action: 'read', volunteer: ['path:volunteerId'] },
  },
  {
    method: 'POST',
    path: `${volunteer}/hours`,
    audience: 'registers',
    roles: withVolunteer,
    personal: { action: 'create', volunteer: ['path:volunteerId'] },
  },
  {
    method: 'PUT',
    path: `${volunteer}/hours/{date}/{entryId}`,
    audience: 'registers',
    roles: withVolunteer,
    personal: { action: 'update', volunteer: ['path:volunteerId'] },
  },
  {
    method: 'DELETE',
    path: `${volunteer}/hours/{date}/{entryId}`,
    audience: 'registers',
    roles: withVolunteer,
    personal: { action: 'delete', volunteer: ['path:volunteerId'] },
  },
  {
    method: 'GET',
    path: '/api/centres/{centreId}/volunteer-hours',
    audience: 'registers',
    roles: centreWorkers,
    personal: { action: 'list', volunteer: ['answer:items[].volunteerId'] },
  },
  {
    method: 'GET',
    path: '/api/centres/{centreId}/me',
    audience: 'registers',
    roles: ['volunteer'],
    personal: { action: 'read', volunteer: ['answer:volunteerId'] },
  },
  {
    method: 'GET',
    path: '/api/centres/{centreId}/volunteer-follow-up/{year}',
    audience: 'registers',
    roles: centreWorkers,
    personal: {
      action: 'list',
      volunteer: ['answer:talks[].volunteerId', 'answer:gatherings[].attendees[]'],
    },
  },
  {
    method: 'PUT',
    path: '/api/centres/{centreId}/volunteer-follow-up/{year}',
    audience: 'registers',
    roles: centreWorkers,
    personal: { action: 'update', volunteer: ['body:talks[].volunteerId', 'body:gatherings[].attendees[]'] },
  },
  { method: 'GET', path: '/api/centres/{centreId}/positions', audience: 'registers', roles: ['leader'] },
  { method: 'POST', path: '/api/centres/{centreId}/positions', audience: 'registers', roles: ['leader'] },
  {
    method: 'PUT',
    path: '/api/centres/{centreId}/positions/{positionId}',
    audience: 'registers',
    roles: ['leader'],
  },
  { method: 'GET', path: '/api/centres/{centreId}/shop', audience: 'registers', roles: centreWorkers },
  { method: 'GET', path: '/api/centres/{centreId}/shop/report', audience: 'registers', roles: centreWorkers },
  {
    method: 'PUT',
    path: '/api/centres/{centreId}/shop/{month}',
    audience: 'registers',
    roles: centreWorkers,
  },
  { method: 'GET', path: '/api/centres/{centreId}/economy/{year}', audience: 'registers', roles: ['leader'] },
  { method: 'PUT', path: '/api/centres/{centreId}/economy/{year}', audience: 'registers', roles: ['leader'] },
] as const satisfies readonly RouteFor<'registers'>[];
