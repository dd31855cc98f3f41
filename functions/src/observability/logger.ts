import { Logger } from '@aws-lambda-powertools/logger';
import { formatLine } from './line-format';

type LogItem = Parameters<Logger['printLog']>[1];

/**
 * Locally (`CRUX_LOG_FORMAT=line`, set by `npm start`) the same log items as one readable line each,
 * written where Lambda's JSON lines would go. Only the printing differs, so what a line holds is the
 * same in both places.
 */
class LineLogger extends Logger {
  protected override printLog(logLevel: number, log: LogItem): void {
    log.prepareForPrint();
    const line = `${formatLine(log.getAttributes())}\n`;
    // Powertools' levels: WARN is 16, ERROR 20, CRITICAL 24.
    (logLevel >= 16 ? process.stderr : process.stdout).write(line);
  }
}

const loggers = new Map<string, Logger>();

/**
 * The Powertools Logger of one function (`service` is its audience, or the job's or trigger's name).
 * One per service and process, so the local runtime, which runs every function in one process, still
 * names each line's function. What goes in is the caller's to decide, and the rule is: never a name,
 * a body, or a claim beyond role and centre — logs are read by more people than the data is meant for.
 */
export function loggerFor(service: string): Logger {
  let logger = loggers.get(service);
  if (!logger) {
    const options = { serviceName: service };
    logger = process.env.CRUX_LOG_FORMAT === 'line' ? new LineLogger(options) : new Logger(options);
    loggers.set(service, logger);
  }
  return logger;
}

/** An error as a log line may carry it: its kind and message, never its properties (which may hold an item). */
export function errorFields(error: unknown): Record<string, string> {
  return error instanceof Error ? { error: error.name, error_message: error.message } : {};
}
