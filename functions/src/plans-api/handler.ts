import { plansRoutes } from '@crux/api/routes/plans';
import { plansSchemas } from '@crux/api/schemas/plans';
import { createApiHandler } from '../http/api-handler';
import { correctConversation, deleteConversation, recordConversation } from './conversations';
import { getPlan, markStep, writeOwnPlan, writePlan } from './plans';

const participant = '/api/centres/{centreId}/participants/{participantId}';

/**
 * The plans audience's function (Arbeidshjulet): staff and leaders on a participant's plan and wheel
 * conversations; a participant reads and writes their own plan.
 */
export const handler = createApiHandler(
  'plans',
  { routes: plansRoutes, schemas: plansSchemas },
  {
    [`GET ${participant}/plan`]: getPlan,
    [`PUT ${participant}/plan`]: writePlan,
    [`PUT ${participant}/plan/own`]: writeOwnPlan,
    [`PUT ${participant}/plan/steps/{stepId}`]: markStep,
    [`POST ${participant}/conversations`]: recordConversation,
    [`PUT ${participant}/conversations/{date}/{conversationId}`]: correctConversation,
    [`DELETE ${participant}/conversations/{date}/{conversationId}`]: deleteConversation,
  },
);
