import { CentreImport } from '@crux/domain/import';
import type { RouteSchemas } from '../route-schemas';
import type { KeyOf, RoutesOf } from '../routes';

/** The imports audience's request schema (route-schemas.ts says what it is for). */
export const importsSchemas = {
  'POST /api/centres/{centreId}/imports': { body: CentreImport },
} as const satisfies Partial<Record<KeyOf<RoutesOf<'imports'>>, RouteSchemas>>;
