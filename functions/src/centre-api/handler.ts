import { createApiHandler } from '../http/api-handler';
import { correctActivity, deleteActivity, listActivities, recordActivities } from './activities';
import { getIncome, setIncome } from './economy';
import { centreMonths, centreYear } from './figures';
import { getFollowUp, setFollowUp } from './follow-up';
import { deleteHours, listHours, logHours } from './hours';
import { importRecords } from './imports';
import {
  createParticipant,
  endParticipation,
  getParticipant,
  listParticipants,
  updateParticipant,
} from './participants';
import { createPosition, listPositions, updatePosition } from './positions';
import { getSettings, setSettings } from './settings';
import { setShopMonth, shopReport, shopYear } from './shop';
import { addMeasure, addOrder, correctMeasure, correctOrder } from './spans';
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

const participant = '/api/centres/{centreId}/participants/{participantId}';
const volunteer = '/api/centres/{centreId}/volunteers/{volunteerId}';

/**
 * The centre audience's one function: staff and leaders work on their own centre's records, the leader
 * alone on its positions, economy and settings; a volunteer on their own hours.
 */
export const handler = createApiHandler('centre', {
  'GET /api/centres/{centreId}/participants': listParticipants,
  'POST /api/centres/{centreId}/participants': createParticipant,
  [`GET ${participant}`]: getParticipant,
  [`PUT ${participant}`]: updateParticipant,
  [`POST ${participant}/end`]: endParticipation,
  [`POST ${participant}/measures`]: addMeasure,
  [`PUT ${participant}/measures/{measureId}`]: correctMeasure,
  [`POST ${participant}/orders`]: addOrder,
  [`PUT ${participant}/orders/{orderId}`]: correctOrder,
  [`POST ${participant}/orders/{orderId}/hours`]: logHours,
  [`DELETE ${participant}/orders/{orderId}/hours/{date}/{hoursId}`]: deleteHours,
  'GET /api/centres/{centreId}/activities': listActivities,
  'POST /api/centres/{centreId}/activities': recordActivities,
  'PUT /api/centres/{centreId}/activities/{date}/{entryId}': correctActivity,
  'DELETE /api/centres/{centreId}/activities/{date}/{entryId}': deleteActivity,
  'GET /api/centres/{centreId}/hours': listHours,
  'GET /api/centres/{centreId}/settings': getSettings,
  'PUT /api/centres/{centreId}/settings': setSettings,
  'POST /api/centres/{centreId}/imports': importRecords,
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
  'GET /api/centres/{centreId}/figures/{year}': centreYear,
  'GET /api/centres/{centreId}/figures/{year}/months': centreMonths,
});
