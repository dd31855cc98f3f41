import { foundationRoutes } from '@crux/api/routes/foundation';
import { foundationSchemas } from '@crux/api/schemas/foundation';
import { catalogueRepo } from '@crux/store/catalogue-repo';
import { createApiHandler } from '../http/api-handler';
import { publishedQuestionnaires } from '../http/questionnaire';
import { json } from '../http/response';
import { documentClient, tableName } from '../runtime/dynamo';

/**
 * The foundation's catalogue for every role: the web client reads it to show what can be registered and
 * to name the figures' lines (and the survey's published questionnaires, one Query). One GetItem; in AWS this function's role can read that one item and nothing
 * else.
 */
const foundation = { routes: foundationRoutes, schemas: foundationSchemas };

export const handler = createApiHandler('catalogue', foundation, {
  'GET /api/catalogue': async () => json(200, await catalogueRepo(documentClient(), tableName()).current()),
  'GET /api/catalogue/survey': publishedQuestionnaires,
});
