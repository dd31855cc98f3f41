import { errorFields, loggerFor } from '../observability/logger';

/**
 * An error line through the function's Powertools Logger (JSON in AWS, one readable line locally).
 * Never log bodies, names or claims beyond role and centre: logs are read by more people than the data
 * is meant for. `fields.requestId` becomes the line's correlation id.
 */
export function logError(
  event: string,
  fields: Record<string, string | number | undefined>,
  error?: unknown,
): void {
  const { requestId, audience, ...rest } = fields;
  loggerFor(String(audience ?? 'platform')).error(event, {
    correlation_id: requestId,
    audience,
    ...rest,
    ...errorFields(error),
  });
}
