import { foundationRoutes } from '@crux/api/routes/foundation';
import { foundationSchemas } from '@crux/api/schemas/foundation';
import { notFound } from '@crux/domain/errors';
import { checkAnswers } from '@crux/domain/survey/answer';
import { codeRefused, codeUsed, roundNotOpen } from '@crux/domain/survey/answer-errors';
import * as surveyRules from '@crux/domain/survey/rules';
import { fieldError } from '@crux/domain/validation';
import { questionnaireRepo } from '@crux/store/questionnaire-repo';
import { surveyAnswersRepo } from '@crux/store/survey-answers-repo';
import { createApiHandler } from '../http/api-handler';
import type { RequestOf } from '../http/request';
import { type ApiResponse, errorResponse, json } from '../http/response';
import { tracing } from '../observability/tracing';
import { documentClient, onDocumentClient, tableName } from '../runtime/dynamo';

const answerPath = '/api/answer/{centreId}/rounds/{roundId}';
const questionnaires = () => questionnaireRepo(documentClient(), tableName());

/** The centre's open round and the questionnaire it asks, for the answer page: nothing about anyone. */
async function openRound(req: RequestOf<'GET /api/answer/{centreId}'>): Promise<ApiResponse> {
  const open = await surveyAnswersRepo(documentClient(), tableName(), req.scope).openRound();
  const published = open && (await questionnaires().version(open.version));
  if (!open || !published) return errorResponse(notFound());
  return json(200, { ...open, questionnaire: published.questionnaire });
}

/**
 * One participant's answer. The body is checked against the version it answers (each broken rule by
 * its field, nothing written); then one transaction consumes the code and writes the answer, or
 * refuses: an unknown code 401, a used one or a round no longer open 409. The request's time, address
 * and headers are never passed on: the answer is stored with its choices and nothing else.
 */
async function answer(req: RequestOf<`POST ${typeof answerPath}`>): Promise<ApiResponse> {
  const published = await questionnaires().version(req.body.version);
  if (!published) return errorResponse(fieldError('version', surveyRules.unknownVersion));
  const checked = checkAnswers(published.questionnaire, req.body.answers);
  if (!checked.ok) return errorResponse(checked.error);
  const outcome = await surveyAnswersRepo(documentClient(), tableName(), req.scope).answer(
    req.params.roundId,
    req.body.version,
    req.body.code,
    checked.value,
  );
  switch (outcome.kind) {
    case 'written':
      return json(201, { received: true });
    case 'unknown_code':
      return errorResponse(codeRefused());
    case 'used_code':
      return errorResponse(codeUsed());
    case 'round_closed':
      return errorResponse(roundNotOpen());
  }
}

/**
 * The answer audience's one function, called without a token: in AWS its role reaches only the
 * centres' survey partitions and the published questionnaire, with no Query, so it can give an answer
 * but never read one back.
 */
const foundation = { routes: foundationRoutes, schemas: foundationSchemas };

export const handler = createApiHandler(
  'answer',
  foundation,
  {
    'GET /api/answer/{centreId}': openRound,
    [`POST ${answerPath}`]: answer,
  },
  [tracing('answer', onDocumentClient)],
);
