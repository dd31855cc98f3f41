import { AccessLogQuery } from '@crux/domain/privacy/access-log';
import { ErasureRequest } from '@crux/domain/privacy/anonymise';
import type { RouteSchemas } from '../route-schemas';
import type { KeyOf, RoutesOf } from '../routes';

/** The privacy audience's request schemas (route-schemas.ts says what they are for). */
export const privacySchemas = {
  'GET /api/centres/{centreId}/access-log': { query: AccessLogQuery },
  'POST /api/centres/{centreId}/participants/{participantId}/erasure': { body: ErasureRequest },
} as const satisfies Partial<Record<KeyOf<RoutesOf<'privacy'>>, RouteSchemas>>;
