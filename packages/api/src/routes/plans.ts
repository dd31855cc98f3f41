import { centreWorkers, type RouteFor } from './route-def';

/** The participant's own plan: staff and leaders, and the participant themselves (their own only). */
const planReaders = ['staff', 'leader', 'participant'] as const;
/**
 * The plans audience: Arbeidshjulet, the participant's plan and wheel conversations; the participant reads and writes their own.
 */
export const plansRoutes = [
  {
    method: 'GET',
    path: '/api/centres/{centreId}/participants/{participantId}/plan',
    audience: 'plans',
    personal: { action: 'read', participant: ['path:participantId'] },
    roles: planReaders,
  },
  {
    method: 'PUT',
    path: '/api/centres/{centreId}/participants/{participantId}/plan',
    audience: 'plans',
    personal: { action: 'update', participant: ['path:participantId'] },
    roles: centreWorkers,
  },
  {
    method: 'PUT',
    path: '/api/centres/{centreId}/participants/{participantId}/plan/own',
    audience: 'plans',
    personal: { action: 'update', participant: ['path:participantId'] },
    roles: ['participant'],
  },
  {
    method: 'PUT',
    path: '/api/centres/{centreId}/participants/{participantId}/plan/steps/{stepId}',
    audience: 'plans',
    personal: { action: 'update', participant: ['path:participantId'] },
    roles: planReaders,
  },
  {
    method: 'POST',
    path: '/api/centres/{centreId}/participants/{participantId}/conversations',
    audience: 'plans',
    personal: { action: 'create', participant: ['path:participantId'] },
    roles: centreWorkers,
  },
  {
    method: 'PUT',
    path: '/api/centres/{centreId}/participants/{participantId}/conversations/{date}/{conversationId}',
    audience: 'plans',
    personal: { action: 'update', participant: ['path:participantId'] },
    roles: centreWorkers,
  },
  {
    method: 'DELETE',
    path: '/api/centres/{centreId}/participants/{participantId}/conversations/{date}/{conversationId}',
    audience: 'plans',
    personal: { action: 'delete', participant: ['path:participantId'] },
    roles: centreWorkers,
  },
] as const satisfies readonly RouteFor<'plans'>[];
