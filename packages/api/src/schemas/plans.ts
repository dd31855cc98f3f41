import {
  ConversationCreate,
  ConversationDeleteQuery,
  ConversationUpdate,
  OwnPlanUpdate,
  PlanUpdate,
  StepMark,
} from '@crux/domain/wheel/schema';
import type { RouteSchemas } from '../route-schemas';
import type { KeyOf, RoutesOf } from '../routes';

/** The plans audience's request schemas (route-schemas.ts says what they are for). */
export const plansSchemas = {
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
} as const satisfies Partial<Record<KeyOf<RoutesOf<'plans'>>, RouteSchemas>>;
