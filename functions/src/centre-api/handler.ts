import { createApiHandler } from '../http/api-handler';
import { correctActivity, deleteActivity, listActivities, recordActivities } from './activities';
import { correctConversation, deleteConversation, recordConversation } from './conversations';
import { centreMonths, centreYear } from './figures';
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
import { accessLog, accessReport, eraseParticipant, exportParticipant } from './privacy';
import { getSettings, setSettings } from './settings';
import { addMeasure, addOrder, correctMeasure, correctOrder } from './spans';
import { closeRound, listRounds, makeCodes, openRound, roundResults, roundTexts } from './survey';

const participant = '/api/centres/{centreId}/participants/{participantId}';
const survey = '/api/centres/{centreId}/survey/rounds';

/**
 * The centre audience's one function: staff and leaders work on their own centre's records; a
 * participant reads and writes their own plan.
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
