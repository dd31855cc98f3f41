import { createApiHandler } from '../http/api-handler';
import { correctActivity, deleteActivity, listActivities, recordActivities } from './activities';
import { correctConversation, deleteConversation, recordConversation } from './conversations';
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
import { getPlan, markStep, writeOwnPlan, writePlan } from './plans';
import { createPosition, listPositions, updatePosition } from './positions';
import { accessLog, accessReport, eraseParticipant, exportParticipant } from './privacy';
import { getSettings, setSettings } from './settings';
import { setShopMonth, shopReport, shopYear } from './shop';
import { addMeasure, addOrder, correctMeasure, correctOrder } from './spans';
import { closeRound, listRounds, makeCodes, openRound, roundResults, roundTexts } from './survey';
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
const survey = '/api/centres/{centreId}/survey/rounds';
const volunteer = '/api/centres/{centreId}/volunteers/{volunteerId}';

/**
 * The centre audience's one function: staff and leaders work on their own centre's records, the leader
 * alone on its positions, economy and settings; a participant reads and writes their own plan; a
 * volunteer their own hours.
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
  [`GET ${participant}/plan`]: getPlan,
  [`PUT ${participant}/plan`]: writePlan,
  [`PUT ${participant}/plan/own`]: writeOwnPlan,
  [`PUT ${participant}/plan/steps/{stepId}`]: markStep,
  [`POST ${participant}/conversations`]: recordConversation,
  [`PUT ${participant}/conversations/{date}/{conversationId}`]: correctConversation,
  [`DELETE ${participant}/conversations/{date}/{conversationId}`]: deleteConversation,
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
  'GET /api/centres/{centreId}/access-log': accessLog,
  [`GET ${participant}/access-log`]: accessReport,
  [`GET ${participant}/export`]: exportParticipant,
  [`POST ${participant}/erasure`]: eraseParticipant,
  'GET /api/centres/{centreId}/figures/{year}': centreYear,
  'GET /api/centres/{centreId}/figures/{year}/months': centreMonths,
  [`GET ${survey}`]: listRounds,
  [`POST ${survey}`]: openRound,
  [`POST ${survey}/{roundId}/codes`]: makeCodes,
  [`POST ${survey}/{roundId}/close`]: closeRound,
  [`GET ${survey}/{roundId}/results`]: roundResults,
  [`GET ${survey}/{roundId}/texts`]: roundTexts,
});
