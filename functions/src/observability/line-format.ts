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
