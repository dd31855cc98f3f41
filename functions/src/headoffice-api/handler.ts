import { foundationRoutes } from '@crux/api/routes/foundation';
import { foundationSchemas } from '@crux/api/schemas/foundation';
import { headOfficeFiguresRepo } from '@crux/store/headoffice-figures-repo';
import { createApiHandler } from '../http/api-handler';
import { figuresOfYear } from '../http/figures-read';
import { publishDraft, questionnaireState, saveDraft } from '../http/questionnaire';
import { tracing } from '../observability/tracing';
import { documentClient, onDocumentClient, tableName } from '../runtime/dynamo';

const repo = () => headOfficeFiguresRepo(documentClient(), tableName());

/**
 * The head office sees aggregated figures of every centre, never a participant record: it reads only
 * the `HQ#<year>` partitions the figures job writes (in AWS its role allows nothing else). A year, or
 * its months, with every centre and the totals, is one Query. It also drafts and publishes the survey's
 * questionnaire, foundation data under `SURVEY`.
 */
const foundation = { routes: foundationRoutes, schemas: foundationSchemas };

export const handler = createApiHandler(
  'headoffice',
  foundation,
  {
    'GET /api/headoffice/figures/{year}': figuresOfYear((year) => repo().year(year)),
    'GET /api/headoffice/figures/{year}/months': figuresOfYear((year) => repo().months(year)),
    'GET /api/headoffice/survey/questionnaire': questionnaireState,
    'PUT /api/headoffice/survey/questionnaire/draft': saveDraft,
    'POST /api/headoffice/survey/questionnaire/publish': publishDraft,
  },
  [tracing('headoffice', onDocumentClient)],
);
