import { centreWorkers, type RouteFor } from './route-def';

/**
 * The survey audience: a centre's rounds of Deltakerundersøkelsen, their codes and results.
 */
export const surveyRoutes = [
  { method: 'GET', path: '/api/centres/{centreId}/survey/rounds', audience: 'survey', roles: centreWorkers },
  { method: 'POST', path: '/api/centres/{centreId}/survey/rounds', audience: 'survey', roles: ['leader'] },
  {
    method: 'POST',
    path: '/api/centres/{centreId}/survey/rounds/{roundId}/codes',
    audience: 'survey',
    roles: ['leader'],
  },
  {
    method: 'POST',
    path: '/api/centres/{centreId}/survey/rounds/{roundId}/close',
    audience: 'survey',
    roles: ['leader'],
  },
  {
    method: 'GET',
    path: '/api/centres/{centreId}/survey/rounds/{roundId}/results',
    audience: 'survey',
    roles: centreWorkers,
  },
  {
    method: 'GET',
    path: '/api/centres/{centreId}/survey/rounds/{roundId}/texts',
    audience: 'survey',
    roles: centreWorkers,
  },
] as const satisfies readonly RouteFor<'survey'>[];
