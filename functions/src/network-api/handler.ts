import { networkFiguresRepo } from '@crux/store/network-figures-repo';
import { createApiHandler } from '../http/api-handler';
import { figuresOfYear } from '../http/figures-read';
import { tracing } from '../observability/tracing';
import { documentClient, onDocumentClient, tableName } from '../runtime/dynamo';

/**
 * The experience network sees only what the job wrote already suppressed under `NET#<year>`, one Query
 * a year; no unsuppressed figure is under any key this function reads (in AWS its role allows nothing else).
 */
export const handler = createApiHandler(
  'network',
  {
    'GET /api/network/figures/{year}': figuresOfYear((year) =>
      networkFiguresRepo(documentClient(), tableName()).year(year),
    ),
  },
  [tracing('network', onDocumentClient)],
);
