import { privacyRoutes } from '@crux/api/routes/privacy';
import { privacySchemas } from '@crux/api/schemas/privacy';
import { createApiHandler } from '../http/api-handler';
import { accessLog, accessReport, eraseParticipant, exportParticipant } from './privacy';

const participant = '/api/centres/{centreId}/participants/{participantId}';

/**
 * The privacy audience's function: the leader's access log and the person's rights. The only API
 * function that may assume the log-reader role (infra/lib/api.ts).
 */
export const handler = createApiHandler(
  'privacy',
  { routes: privacyRoutes, schemas: privacySchemas },
  {
    'GET /api/centres/{centreId}/access-log': accessLog,
    [`GET ${participant}/access-log`]: accessReport,
    [`GET ${participant}/export`]: exportParticipant,
    [`POST ${participant}/erasure`]: eraseParticipant,
  },
);
