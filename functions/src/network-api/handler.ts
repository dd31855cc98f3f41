import { foundationRoutes } from '@crux/api/routes/foundation';
import { foundationSchemas } from '@crux/api/schemas/foundation';
import { networkFiguresRepo } from '@crux/store/network-figures-repo';
import { createApiHandler } from '../http/api-handler';
import { figuresOfYear } from '../http/figures-read';
import { commentOnDraft, questionnaireState } from '../http/questionnaire';
import { tracing } from '../observability/tracing';
import { documentClient, onDocumentClient, tableName } from '../runtime/dynamo';

/**
 * The experience network sees only what the job wrote already suppressed under `NET#<year>`, one Query
 * a year; no unsuppressed figure is under any key this function reads (in AWS its role allows nothing else).
 * It also reads the survey's questionnaire draft and comments on it, as the experience network's input.
 */
const foundation = { routes: foundationRoutes, schemas: foundationSchemas };

export const handler = createApiHandler(
  'network',
  foundation,
  {
    'GET /api/network/figures/{year}': figuresOfYear((year) =>
      networkFiguresRepo(documentClient(), tableName()).year(year),
    ),
    'GET /api/network/survey/questionnaire': questionnaireState,
    'POST /api/network/survey/questionnaire/comments': commentOnDraft,
  },
  [tracing('network', onDocumentClient)],
);
