import {
  AccountAction,
  AccountCreate,
  CentreOnboarding,
  ParticipantAccountCreate,
} from '@crux/domain/accounts';
import { CatalogueChangeRequest } from '@crux/domain/catalogue/request';
import { CentreInput } from '@crux/domain/centre';
import { AnswerSubmit } from '@crux/domain/survey/answer';
import { CommentCreate, DraftPublish, DraftSave } from '@crux/domain/survey/requests';
import type { Audience } from '../audiences';
import type { RouteSchemas } from '../route-schemas';
import type { KeyOf, RoutesOf } from '../routes';

/** The request schemas of the audiences beyond one centre's records, and of the accounts. */
export const foundationSchemas = {
  'POST /api/centres/{centreId}/accounts': { body: AccountCreate },
  'POST /api/centres/{centreId}/participants/{participantId}/account': { body: ParticipantAccountCreate },
  'POST /api/centres/{centreId}/accounts/{accountId}/deactivate': { body: AccountAction },
  'POST /api/centres/{centreId}/accounts/{accountId}/reactivate': { body: AccountAction },
  'POST /api/admin/centres': { body: CentreInput },
  'POST /api/admin/onboardings': { body: CentreOnboarding },
  'POST /api/admin/catalogue/changes': { body: CatalogueChangeRequest },
  'PUT /api/headoffice/survey/questionnaire/draft': { body: DraftSave },
  'POST /api/headoffice/survey/questionnaire/publish': { body: DraftPublish },
  'POST /api/network/survey/questionnaire/comments': { body: CommentCreate },
  'POST /api/answer/{centreId}/rounds/{roundId}': { body: AnswerSubmit },
} as const satisfies Partial<
  Record<
    KeyOf<RoutesOf<Exclude<Audience, 'centre' | 'plans' | 'registers' | 'privacy' | 'survey'>>>,
    RouteSchemas
  >
>;
