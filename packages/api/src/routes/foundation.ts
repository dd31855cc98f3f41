import { accountManagers, participantAccountMakers, workerAccountManagers } from '@crux/domain/account-rules';
import { roles } from '@crux/domain/roles';
import { participantPath, type RouteDef } from './route-def';

/**
 * The audiences beyond one centre's records: accounts, the platform admin, the catalogue, the head office, the experience network, and the survey's tokenless answers.
 */
export const foundationRoutes = [
  {
    method: 'GET',
    path: '/api/centres/{centreId}/accounts',
    audience: 'accounts',
    roles: workerAccountManagers,
  },
  {
    method: 'POST',
    path: '/api/centres/{centreId}/accounts',
    audience: 'accounts',
    roles: workerAccountManagers,
  },
  // A participant's own account (issue 12): it names the participant, so it is in their access log.
  {
    method: 'GET',
    path: `${participantPath}/account`,
    audience: 'accounts',
    roles: participantAccountMakers,
    personal: { action: 'read', participant: ['path:participantId'] },
  },
  {
    method: 'POST',
    path: `${participantPath}/account`,
    audience: 'accounts',
    roles: participantAccountMakers,
    personal: { action: 'create', participant: ['path:participantId'] },
  },
  // Turning a participant's own account off or on is in their access log: the answer, the account,
  // names them (`participant`); a staff or volunteer account's names no one, and the entry says so.
  {
    method: 'POST',
    path: '/api/centres/{centreId}/accounts/{accountId}/deactivate',
    audience: 'accounts',
    roles: accountManagers,
    personal: { action: 'update', participant: ['answer:participant'] },
  },
  {
    method: 'POST',
    path: '/api/centres/{centreId}/accounts/{accountId}/reactivate',
    audience: 'accounts',
    roles: accountManagers,
    personal: { action: 'update', participant: ['answer:participant'] },
  },
  { method: 'GET', path: '/api/admin/centres', audience: 'admin', roles: ['admin'] },
  { method: 'POST', path: '/api/admin/onboardings', audience: 'admin', roles: ['admin'] },
  { method: 'POST', path: '/api/admin/centres', audience: 'admin', roles: ['admin'] },
  { method: 'POST', path: '/api/admin/catalogue/changes', audience: 'admin', roles: ['admin'] },
  { method: 'GET', path: '/api/admin/catalogue/history', audience: 'admin', roles: ['admin'] },
  { method: 'GET', path: '/api/catalogue', audience: 'catalogue', roles },
  { method: 'GET', path: '/api/headoffice/figures/{year}', audience: 'headoffice', roles: ['headoffice'] },
  {
    method: 'GET',
    path: '/api/headoffice/figures/{year}/months',
    audience: 'headoffice',
    roles: ['headoffice'],
  },
  { method: 'GET', path: '/api/network/figures/{year}', audience: 'network', roles: ['network'] },
  // The participant survey (issue 14).
  { method: 'GET', path: '/api/catalogue/survey', audience: 'catalogue', roles },
  {
    method: 'GET',
    path: '/api/headoffice/survey/questionnaire',
    audience: 'headoffice',
    roles: ['headoffice'],
  },
  {
    method: 'PUT',
    path: '/api/headoffice/survey/questionnaire/draft',
    audience: 'headoffice',
    roles: ['headoffice'],
  },
  {
    method: 'POST',
    path: '/api/headoffice/survey/questionnaire/publish',
    audience: 'headoffice',
    roles: ['headoffice'],
  },
  { method: 'GET', path: '/api/network/survey/questionnaire', audience: 'network', roles: ['network'] },
  {
    method: 'POST',
    path: '/api/network/survey/questionnaire/comments',
    audience: 'network',
    roles: ['network'],
  },
  {
    method: 'GET',
    path: '/api/answer/{centreId}',
    audience: 'answer',
    roles: [],
    throttle: { rate: 20, burst: 40 },
  },
  {
    method: 'POST',
    path: '/api/answer/{centreId}/rounds/{roundId}',
    audience: 'answer',
    roles: [],
    throttle: { rate: 10, burst: 20 },
  },
] as const satisfies readonly RouteDef[];
