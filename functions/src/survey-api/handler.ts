import { surveyRoutes } from '@crux/api/routes/survey';
import { surveySchemas } from '@crux/api/schemas/survey';
import { createApiHandler } from '../http/api-handler';
import { closeRound, listRounds, makeCodes, openRound, roundResults, roundTexts } from './survey';

const rounds = '/api/centres/{centreId}/survey/rounds';

/** The survey audience's function: a centre's rounds of the participant survey, codes and results. */
export const handler = createApiHandler(
  'survey',
  { routes: surveyRoutes, schemas: surveySchemas },
  {
    [`GET ${rounds}`]: listRounds,
    [`POST ${rounds}`]: openRound,
    [`POST ${rounds}/{roundId}/codes`]: makeCodes,
    [`POST ${rounds}/{roundId}/close`]: closeRound,
    [`GET ${rounds}/{roundId}/results`]: roundResults,
    [`GET ${rounds}/{roundId}/texts`]: roundTexts,
  },
);
