import { centreRoutes } from '@crux/api/routes/centre';
import { centreSchemas } from '@crux/api/schemas/centre';
import { createApiHandler } from '../http/api-handler';
import { correctActivity, deleteActivity, listActivities, recordActivities } from './activities';
import { centreMonths, centreYear } from './figures';
import { deleteHours, listHours, logHours } from './hours';
import {
  createParticipant,
  endParticipation,
  getParticipant,
  listParticipants,
  updateParticipant,
} from './participants';
import { getSettings, setSettings } from './settings';
import { addMeasure, addOrder, correctMeasure, correctOrder } from './spans';

const participant = '/api/centres/{centreId}/participants/{participantId}';

/**
 * The centre audience's function: staff and leaders on their own centre's daily records. The plans,
 * registers, privacy and survey audiences have functions of their own, so this one, called on every
 * save of the day, carries only what the day needs.
 */
export const handler = createApiHandler(
  'centre',
  { routes: centreRoutes, schemas: centreSchemas },
  {
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
    'GET /api/centres/{centreId}/figures/{year}': centreYear,
    'GET /api/centres/{centreId}/figures/{year}/months': centreMonths,
  },
);
