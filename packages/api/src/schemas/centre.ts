import {
  ActivitiesCreate,
  ActivityDeleteQuery,
  ActivityListQuery,
  ActivityUpdate,
} from '@crux/domain/activity';
import { CentreSettingsUpdate } from '@crux/domain/centre-settings';
import {
  ParticipantCreate,
  ParticipantListQuery,
  ParticipantUpdate,
  ParticipationEnd,
} from '@crux/domain/participant';
import {
  HoursCreate,
  HoursListQuery,
  MeasureCreate,
  OrderCreate,
  SpanUpdate,
} from '@crux/domain/records/spans';
import type { RouteSchemas } from '../route-schemas';
import type { KeyOf, RoutesOf } from '../routes';

/** The centre audience's request schemas (route-schemas.ts says what they are for). */
export const centreSchemas = {
  'GET /api/centres/{centreId}/participants': { query: ParticipantListQuery },
  'POST /api/centres/{centreId}/participants': { body: ParticipantCreate },
  'PUT /api/centres/{centreId}/participants/{participantId}': { body: ParticipantUpdate },
  'POST /api/centres/{centreId}/participants/{participantId}/end': { body: ParticipationEnd },
  'POST /api/centres/{centreId}/participants/{participantId}/measures': { body: MeasureCreate },
  'PUT /api/centres/{centreId}/participants/{participantId}/measures/{measureId}': { body: SpanUpdate },
  'POST /api/centres/{centreId}/participants/{participantId}/orders': { body: OrderCreate },
  'PUT /api/centres/{centreId}/participants/{participantId}/orders/{orderId}': { body: SpanUpdate },
  'POST /api/centres/{centreId}/participants/{participantId}/orders/{orderId}/hours': { body: HoursCreate },
  'GET /api/centres/{centreId}/activities': { query: ActivityListQuery },
  'POST /api/centres/{centreId}/activities': { body: ActivitiesCreate },
  'PUT /api/centres/{centreId}/activities/{date}/{entryId}': { body: ActivityUpdate },
  'DELETE /api/centres/{centreId}/activities/{date}/{entryId}': { query: ActivityDeleteQuery },
  'GET /api/centres/{centreId}/hours': { query: HoursListQuery },
  'PUT /api/centres/{centreId}/settings': { body: CentreSettingsUpdate },
} as const satisfies Partial<Record<KeyOf<RoutesOf<'centre'>>, RouteSchemas>>;
