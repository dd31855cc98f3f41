import { conflict } from '@crux/domain/errors';
import { questionnaireRepo } from '@crux/store/questionnaire-repo';
import { documentClient, tableName } from '../runtime/dynamo';
import { isShared, sharedAnswer } from './outcome';
import type { RequestOf } from './request';
import { type ApiResponse, errorResponse, json } from './response';

/**
 * The survey's questionnaire, as the head office drafts and publishes it, the network comments on its
 * draft, and every role reads its published versions. Foundation data: one partition, no centre's.
 */
const repo = () => questionnaireRepo(documentClient(), tableName());

/** The draft, the published versions and the draft's comments: one Query. */
export async function questionnaireState(): Promise<ApiResponse> {
  return json(200, await repo().state());
}

/** The published versions only, for the leader choosing one and for naming the figures' lines. */
export async function publishedQuestionnaires(): Promise<ApiResponse> {
  return json(200, { published: await repo().published() });
}

export async function saveDraft(
  req: RequestOf<'PUT /api/headoffice/survey/questionnaire/draft'>,
): Promise<ApiResponse> {
  const outcome = await repo().saveDraft(req.body.revision, req.body.questionnaire, req.now);
  return outcome.kind === 'written' ? json(200, outcome.draft) : errorResponse(conflict(outcome.current));
}

export async function publishDraft(
  req: RequestOf<'POST /api/headoffice/survey/questionnaire/publish'>,
): Promise<ApiResponse> {
  const outcome = await repo().publish(req.body, req.now, req.idempotency);
  if (isShared(outcome)) return sharedAnswer(outcome);
  switch (outcome.kind) {
    case 'written':
      return json(201, outcome.published);
  }
}

export async function commentOnDraft(
  req: RequestOf<'POST /api/network/survey/questionnaire/comments'>,
): Promise<ApiResponse> {
  const outcome = await repo().comment(req.body, req.now, req.idempotency);
  if (isShared(outcome)) return sharedAnswer(outcome);
  switch (outcome.kind) {
    case 'written':
      return json(201, outcome.comment);
    case 'no_draft':
      return errorResponse(conflict({ version: req.body.version }));
  }
}
