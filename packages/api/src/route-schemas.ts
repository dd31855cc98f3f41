import { AccountAction, AccountCreate, CentreOnboarding } from '@crux/domain/accounts';
import {
  ActivitiesCreate,
  ActivityDeleteQuery,
  ActivityListQuery,
  ActivityUpdate,
} from '@crux/domain/activity';
import { CatalogueChangeRequest } from '@crux/domain/catalogue/request';
import { CentreInput } from '@crux/domain/centre';
import { CentreSettingsUpdate } from '@crux/domain/centre-settings';
import { CentreImport } from '@crux/domain/import';
import {
  ParticipantCreate,
  ParticipantListQuery,
  ParticipantUpdate,
  ParticipationEnd,
} from '@crux/domain/participant';
import { AccessLogQuery } from '@crux/domain/privacy/access-log';
import { ErasureRequest } from '@crux/domain/privacy/anonymise';
import {
  HoursCreate,
  HoursListQuery,
  MeasureCreate,
  OrderCreate,
  SpanUpdate,
} from '@crux/domain/records/spans';
import { IncomeUpdate } from '@crux/domain/registers/economy';
import { VolunteerFollowUpUpdate } from '@crux/domain/registers/follow-up';
import { PositionCreate, PositionListQuery, PositionUpdate } from '@crux/domain/registers/positions';
import { ShopMonthUpdate, ShopReportQuery, ShopYearQuery } from '@crux/domain/registers/shop';
import {
  AccountLink,
  AccountUnlinkQuery,
  MonthHoursQuery,
  OwnHoursQuery,
  VolunteerCreate,
  VolunteerHoursCreate,
  VolunteerHoursUpdate,
  VolunteerListQuery,
  VolunteerUpdate,
} from '@crux/domain/registers/volunteers';
import { AnswerSubmit } from '@crux/domain/survey/answer';
import {
  CodesCreate,
  CommentCreate,
  DraftPublish,
  DraftSave,
  RoundClose,
  RoundOpen,
} from '@crux/domain/survey/requests';
import {
  ConversationCreate,
  ConversationDeleteQuery,
  ConversationUpdate,
  OwnPlanUpdate,
  PlanUpdate,
  StepMark,
} from '@crux/domain/wheel/schema';
import type * as z from 'zod/mini';
import type { RouteKey } from './routes';

/**
 * What each route takes besides its path: the schema of its JSON body (writes) and of its query string.
 * The request pipeline validates both before a handler runs, so a handler receives typed values; a
 * route with no `query` here takes no query parameters at all. The OpenAPI document is built from this
 * table and routes.ts.
 */
type RouteSchemas = { body?: z.ZodMiniType; query?: z.ZodMiniType };

export const routeSchemas = {
  'GET /api/centres/{centreId}/participants': { query: ParticipantListQuery },
  'POST /api/centres/{centreId}/participants': { body: ParticipantCreate },
  'PUT /api/centres/{centreId}/participants/{participantId}': { body: ParticipantUpdate },
  'POST /api/centres/{centreId}/participants/{participantId}/end': { body: ParticipationEnd },
  'POST /api/centres/{centreId}/participants/{participantId}/measures': { body: MeasureCreate },
  'PUT /api/centres/{centreId}/participants/{participantId}/measures/{measureId}': { body: SpanUpdate },
  'POST /api/centres/{centreId}/participants/{participantId}/orders': { body: OrderCreate },
  'PUT /api/centres/{centreId}/participants/{participantId}/orders/{orderId}': { body: SpanUpdate },
  'POST /api/centres/{centreId}/participants/{participantId}/orders/{orderId}/hours': { body: HoursCreate },
  'PUT /api/centres/{centreId}/participants/{participantId}/plan': { body: PlanUpdate },
  'PUT /api/centres/{centreId}/participants/{participantId}/plan/own': { body: OwnPlanUpdate },
  'PUT /api/centres/{centreId}/participants/{participantId}/plan/steps/{stepId}': { body: StepMark },
  'POST /api/centres/{centreId}/participants/{participantId}/conversations': { body: ConversationCreate },
  'PUT /api/centres/{centreId}/participants/{participantId}/conversations/{date}/{conversationId}': {
    body: ConversationUpdate,
  },
  'DELETE /api/centres/{centreId}/participants/{participantId}/conversations/{date}/{conversationId}': {
    query: ConversationDeleteQuery,
  },
  'GET /api/centres/{centreId}/activities': { query: ActivityListQuery },
  'POST /api/centres/{centreId}/activities': { body: ActivitiesCreate },
  'PUT /api/centres/{centreId}/activities/{date}/{entryId}': { body: ActivityUpdate },
  'DELETE /api/centres/{centreId}/activities/{date}/{entryId}': { query: ActivityDeleteQuery },
  'GET /api/centres/{centreId}/hours': { query: HoursListQuery },
  'PUT /api/centres/{centreId}/settings': { body: CentreSettingsUpdate },
  'POST /api/centres/{centreId}/imports': { body: CentreImport },
  'GET /api/centres/{centreId}/volunteers': { query: VolunteerListQuery },
  'POST /api/centres/{centreId}/volunteers': { body: VolunteerCreate },
  'PUT /api/centres/{centreId}/volunteers/{volunteerId}': { body: VolunteerUpdate },
  'PUT /api/centres/{centreId}/volunteers/{volunteerId}/account': { body: AccountLink },
  'DELETE /api/centres/{centreId}/volunteers/{volunteerId}/account': { query: AccountUnlinkQuery },
  'GET /api/centres/{centreId}/volunteers/{volunteerId}/hours': { query: OwnHoursQuery },
  'POST /api/centres/{centreId}/volunteers/{volunteerId}/hours': { body: VolunteerHoursCreate },
  'PUT /api/centres/{centreId}/volunteers/{volunteerId}/hours/{date}/{entryId}': {
    body: VolunteerHoursUpdate,
  },
  'DELETE /api/centres/{centreId}/volunteers/{volunteerId}/hours/{date}/{entryId}': {
    query: ActivityDeleteQuery,
  },
  'GET /api/centres/{centreId}/volunteer-hours': { query: MonthHoursQuery },
  'PUT /api/centres/{centreId}/volunteer-follow-up/{year}': { body: VolunteerFollowUpUpdate },
  'GET /api/centres/{centreId}/positions': { query: PositionListQuery },
  'POST /api/centres/{centreId}/positions': { body: PositionCreate },
  'PUT /api/centres/{centreId}/positions/{positionId}': { body: PositionUpdate },
  'GET /api/centres/{centreId}/shop': { query: ShopYearQuery },
  'GET /api/centres/{centreId}/shop/report': { query: ShopReportQuery },
  'PUT /api/centres/{centreId}/shop/{month}': { body: ShopMonthUpdate },
  'PUT /api/centres/{centreId}/economy/{year}': { body: IncomeUpdate },
  'GET /api/centres/{centreId}/access-log': { query: AccessLogQuery },
  'POST /api/centres/{centreId}/participants/{participantId}/erasure': { body: ErasureRequest },
  'POST /api/centres/{centreId}/accounts': { body: AccountCreate },
  'POST /api/centres/{centreId}/accounts/{accountId}/deactivate': { body: AccountAction },
  'POST /api/centres/{centreId}/accounts/{accountId}/reactivate': { body: AccountAction },
  'POST /api/admin/centres': { body: CentreInput },
  'POST /api/admin/onboardings': { body: CentreOnboarding },
  'POST /api/admin/catalogue/changes': { body: CatalogueChangeRequest },
  'PUT /api/headoffice/survey/questionnaire/draft': { body: DraftSave },
  'POST /api/headoffice/survey/questionnaire/publish': { body: DraftPublish },
  'POST /api/network/survey/questionnaire/comments': { body: CommentCreate },
  'POST /api/centres/{centreId}/survey/rounds': { body: RoundOpen },
  'POST /api/centres/{centreId}/survey/rounds/{roundId}/codes': { body: CodesCreate },
  'POST /api/centres/{centreId}/survey/rounds/{roundId}/close': { body: RoundClose },
  'POST /api/answer/{centreId}/rounds/{roundId}': { body: AnswerSubmit },
} as const satisfies Partial<Record<RouteKey, RouteSchemas>>;

type Schemas = typeof routeSchemas;

/** The parsed body a route's handler receives: `undefined` for routes without a body. */
export type BodyOf<K extends RouteKey> = K extends keyof Schemas
  ? Schemas[K] extends { body: infer S extends z.ZodMiniType }
    ? z.infer<S>
    : undefined
  : undefined;

/** The parsed query a route's handler receives: `{}` for routes that take none. */
export type QueryOf<K extends RouteKey> = K extends keyof Schemas
  ? Schemas[K] extends { query: infer S extends z.ZodMiniType }
    ? z.infer<S>
    : Record<string, never>
  : Record<string, never>;

export function schemasOf(key: RouteKey): RouteSchemas {
  return (routeSchemas as Partial<Record<RouteKey, RouteSchemas>>)[key] ?? {};
}
