import { createApiHandler } from '../http/api-handler';
import { listActivities, recordActivities } from './activities';
import { centreMonths, centreYear } from './figures';
import {
  createParticipant,
  endParticipation,
  getParticipant,
  listParticipants,
  updateParticipant,
} from './participants';

/** The centre audience's one function: staff and leaders work on their own centre's records. */
export const handler = createApiHandler('centre', {
  'GET /api/centres/{centreId}/participants': listParticipants,
  'POST /api/centres/{centreId}/participants': createParticipant,
  'GET /api/centres/{centreId}/participants/{participantId}': getParticipant,
  'PUT /api/centres/{centreId}/participants/{participantId}': updateParticipant,
  'POST /api/centres/{centreId}/participants/{participantId}/end': endParticipation,
  'GET /api/centres/{centreId}/activities': listActivities,
  'POST /api/centres/{centreId}/activities': recordActivities,
  'GET /api/centres/{centreId}/figures/{year}': centreYear,
  'GET /api/centres/{centreId}/figures/{year}/months': centreMonths,
});
