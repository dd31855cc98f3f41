import { registersRoutes } from '@crux/api/routes/registers';
import { registersSchemas } from '@crux/api/schemas/registers';
import { createApiHandler } from '../http/api-handler';
import { getIncome, setIncome } from './economy';
import { getFollowUp, setFollowUp } from './follow-up';
import { createPosition, listPositions, updatePosition } from './positions';
import { setShopMonth, shopReport, shopYear } from './shop';
import {
  correctVolunteerHours,
  deleteVolunteerHours,
  logVolunteerHours,
  monthOfVolunteerHours,
  volunteerHours,
} from './volunteer-hours';
import {
  createVolunteer,
  linkAccount,
  listVolunteers,
  ownVolunteer,
  unlinkAccount,
  updateVolunteer,
} from './volunteers';

const volunteer = '/api/centres/{centreId}/volunteers/{volunteerId}';

/**
 * The registers audience's function: the centre's volunteers and their hours, staff positions, the
 * shop and the economy; the leader alone on positions and economy; a volunteer their own hours.
 */
export const handler = createApiHandler(
  'registers',
  { routes: registersRoutes, schemas: registersSchemas },
  {
    'GET /api/centres/{centreId}/volunteers': listVolunteers,
    'POST /api/centres/{centreId}/volunteers': createVolunteer,
    [`PUT ${volunteer}`]: updateVolunteer,
    [`PUT ${volunteer}/account`]: linkAccount,
    [`DELETE ${volunteer}/account`]: unlinkAccount,
    [`GET ${volunteer}/hours`]: volunteerHours,
    [`POST ${volunteer}/hours`]: logVolunteerHours,
    [`PUT ${volunteer}/hours/{date}/{entryId}`]: correctVolunteerHours,
    [`DELETE ${volunteer}/hours/{date}/{entryId}`]: deleteVolunteerHours,
    'GET /api/centres/{centreId}/volunteer-hours': monthOfVolunteerHours,
    'GET /api/centres/{centreId}/me': ownVolunteer,
    'GET /api/centres/{centreId}/volunteer-follow-up/{year}': getFollowUp,
    'PUT /api/centres/{centreId}/volunteer-follow-up/{year}': setFollowUp,
    'GET /api/centres/{centreId}/positions': listPositions,
    'POST /api/centres/{centreId}/positions': createPosition,
    'PUT /api/centres/{centreId}/positions/{positionId}': updatePosition,
    'GET /api/centres/{centreId}/shop': shopYear,
    'GET /api/centres/{centreId}/shop/report': shopReport,
    'PUT /api/centres/{centreId}/shop/{month}': setShopMonth,
    'GET /api/centres/{centreId}/economy/{year}': getIncome,
    'PUT /api/centres/{centreId}/economy/{year}': setIncome,
  },
);
