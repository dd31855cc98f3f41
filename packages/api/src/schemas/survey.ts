import { CodesCreate, RoundClose, RoundOpen } from '@crux/domain/survey/requests';
import type { RouteSchemas } from '../route-schemas';
import type { KeyOf, RoutesOf } from '../routes';

/** The survey audience's request schemas (route-schemas.ts says what they are for). */
export const surveySchemas = {
  'POST /api/centres/{centreId}/survey/rounds': { body: RoundOpen },
  'POST /api/centres/{centreId}/survey/rounds/{roundId}/codes': { body: CodesCreate },
  'POST /api/centres/{centreId}/survey/rounds/{roundId}/close': { body: RoundClose },
} as const satisfies Partial<Record<KeyOf<RoutesOf<'survey'>>, RouteSchemas>>;
