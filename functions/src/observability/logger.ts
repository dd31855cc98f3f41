import { Logger } from '@aws-lambda-powertools/logger';

const loggers = new Map<string, Logger>();
let LoggerClass: typeof Logger = Logger;

/**
 * Which Logger the functions make: Powertools' own (JSON lines, as Lambda expects), unless the local
 * runtime hands over its readable one-line printer before the functions load. Keeping that printer in
 * packages/local keeps it out of every Lambda bundle.
 */
export function useLoggerClass(loggerClass: typeof Logger): void {
  LoggerClass = loggerClass;
}

/**
 * The Powertools Logger of one function (`service` is its audience, or the job's or trigger's name).
 * One per service and process, so the local runtime, which runs every function in one process, still
 * names each line's function. What goes in is the caller's to decide, and the rule is: never a name,
 * a body, or a claim beyond role and centre — logs are read by more people than the data is meant for.
 */
export function loggerFor(service: string): Logger {
  let logger = loggers.get(service);
  if (!logger) {
    logger = new LoggerClass({ serviceName: service });
    loggers.set(service, logger);
  }
  return logger;
}

/** An error as a log line may carry it: its kind and message, never its properties (which may hold an item). */
export function errorFields(error: unknown): Record<string, string> {
  return error instanceof Error ? { error: error.name, error_message: error.message } : {};
}
