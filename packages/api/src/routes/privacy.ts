import type { RouteFor } from './route-def';

/**
 * The privacy audience: the leader's access log and the person's rights (innsyn, export, erasure).
 */
export const privacyRoutes = [
  {
    method: 'GET',
    path: '/api/centres/{centreId}/access-log',
    audience: 'privacy',
    roles: ['leader'],
    personal: { action: 'list', participant: ['query:participantId', 'answer:participants[].id'] },
  },
  {
    method: 'GET',
    path: '/api/centres/{centreId}/participants/{participantId}/access-log',
    audience: 'privacy',
    // "Who has read my plan": the participant sees their own report too (the path's id must be theirs).
    roles: ['leader', 'participant'],
    personal: { action: 'read', participant: ['path:participantId'] },
  },
  {
    method: 'GET',
    path: '/api/centres/{centreId}/participants/{participantId}/export',
    audience: 'privacy',
    roles: ['leader'],
    personal: { action: 'export', participant: ['path:participantId'] },
  },
  {
    method: 'POST',
    path: '/api/centres/{centreId}/participants/{participantId}/erasure',
    audience: 'privacy',
    roles: ['leader'],
    personal: { action: 'erase', participant: ['path:participantId'] },
  },
] as const satisfies readonly RouteFor<'privacy'>[];
