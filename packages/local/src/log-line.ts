import { Logger } from '@aws-lambda-powertools/logger';

/**
 * One log line as a person reads it in a terminal, for the local runtime: the same attributes the
 * JSON line carries in AWS, the request's in a fixed order, the rest as `key=value`.
 */
const FIRST = ['timestamp', 'level', 'service', 'message'] as const;
/** Lambda's own, the same on every line: left out locally, where there is one process. */
const NOISE = new Set([
  'function_arn',
  'function_memory_size',
  'sampling_rate',
  'xray_trace_id',
  'function_request_id',
]);

function value(v: unknown): string {
  if (typeof v === 'string') return /\s/.test(v) ? JSON.stringify(v) : v;
  return JSON.stringify(v);
}

export function formatLine(attributes: Record<string, unknown>): string {
  const { timestamp, level, service, message, ...rest } = attributes;
  const time = typeof timestamp === 'string' ? timestamp.slice(11, 23) : '';
  const head = [time, String(level ?? '').padEnd(5), `[${String(service ?? '')}]`];
  if (message === 'request') {
    const { route, status, latency_ms, role, centre, correlation_id, cold_start, ...others } = rest;
    const who = role ? `${String(role)}${centre ? `@${String(centre)}` : ''}` : 'anonymous';
    const tail = Object.entries(others).filter(([k, v]) => v !== undefined && !NOISE.has(k));
    return [
      ...head,
      `${String(route)} → ${String(status)}`,
      `${String(latency_ms)} ms`,
      who,
      ...(cold_start ? ['cold'] : []),
      `id=${String(correlation_id)}`,
      ...tail.filter(([k]) => k !== 'audience' && k !== 'function_name').map(([k, v]) => `${k}=${value(v)}`),
    ].join(' ');
  }
  const fields = Object.entries(rest)
    .filter(([k, v]) => v !== undefined && !NOISE.has(k) && !FIRST.includes(k as never))
    .map(([k, v]) => `${k}=${value(v)}`);
  return [...head, String(message ?? ''), ...fields].join(' ');
}

type LogItem = Parameters<Logger['printLog']>[1];

/**
 * The functions' Powertools Logger for `npm start`: the same log items as in AWS, printed as one
 * readable line each where Lambda's JSON lines would go. Only the printing differs, so what a line holds
 * is the same in both places; main.ts hands it to the functions before they load.
 */
export class LineLogger extends Logger {
  protected override printLog(logLevel: number, log: LogItem): void {
    log.prepareForPrint();
    const line = `${formatLine(log.getAttributes())}\n`;
    // Powertools' levels: WARN is 16, ERROR 20, CRITICAL 24.
    (logLevel >= 16 ? process.stderr : process.stdout).write(line);
  }
}
