/**
 * Structured logs for CloudWatch. Never log bodies, names or claims beyond role and centre: logs are read
 * by more people than the data is meant for.
 */
export function logError(
  event: string,
  fields: Record<string, string | number | undefined>,
  error?: unknown,
): void {
  const detail = error instanceof Error ? { error: error.name, message: error.message } : {};
  console.error(JSON.stringify({ level: 'error', event, ...fields, ...detail }));
}
