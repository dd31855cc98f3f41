import { importsRoutes } from '@crux/api/routes/imports';
import { importsSchemas } from '@crux/api/schemas/imports';
import { createApiHandler } from '../http/api-handler';
import { importRecords } from './imports';

/** The imports audience's function: a centre's earlier records brought in at once, in one transaction. */
export const handler = createApiHandler(
  'imports',
  { routes: importsRoutes, schemas: importsSchemas },
  { 'POST /api/centres/{centreId}/imports': importRecords },
);
