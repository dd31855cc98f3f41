import type { RouteFor } from './route-def';

/**
 * The imports audience: the leader brings in a centre's earlier records at once (and the demo data is
 * made so). Rare and heavy, so in a function of its own rather than in the one every save calls.
 */
export const importsRoutes = [
  {
    method: 'POST',
    path: '/api/centres/{centreId}/imports',
    audience: 'imports',
    roles: ['leader'],
    personal: { action: 'create', participant: ['body:records[].id', 'body:records[].participantId'] },
  },
] as const satisfies readonly RouteFor<'imports'>[];
