import { progress } from './measure';

type Audits = Record<
  string,
  { displayValue?: string; details?: unknown; scoreDisplayMode?: string; errorMessage?: string }
>;
type Report = { runtimeError?: { code?: string; message?: string }; runWarnings?: unknown; audits: Audits };

const METRICS = [
  'first-contentful-paint',
  'largest-contentful-paint',
  'total-blocking-time',
  'cumulative-layout-shift',
  'speed-index',
];

/**
 * Why Lighthouse could not measure a run, if it could not: its runtime error, or a metric of the
 * performance score it could not compute (a category with such a metric scores 0, which is no measure).
 */
export function runFailure(lhr: Report | undefined): string | undefined {
  if (!lhr) return 'no report';
  if (lhr.runtimeError)
    return `${lhr.runtimeError.code ?? 'runtime error'}: ${lhr.runtimeError.message ?? ''}`;
  for (const metric of METRICS) {
    const audit = lhr.audits[metric];
    if (!audit || audit.scoreDisplayMode === 'error') return `${metric}: ${audit?.errorMessage ?? 'missing'}`;
  }
  return undefined;
}

/** What BENCH_LIGHTHOUSE_DEBUG prints: the metrics and where the main thread spent its time. */
export function debugReport(id: string, lhr: Report) {
  const { audits } = lhr;
  const items = (audit: string) =>
    ((audits[audit]?.details as { items?: Record<string, unknown>[] } | undefined)?.items ?? []).slice(0, 8);
  progress(
    JSON.stringify({
      page: id,
      runtimeError: lhr.runtimeError,
      warnings: lhr.runWarnings,
      metrics: Object.fromEntries([...METRICS, 'interactive'].map((m) => [m, audits[m]?.displayValue])),
      longTasks: items('long-tasks').map((t) => [t.url, t.startTime, t.duration]),
      bootup: items('bootup-time').map((t) => [t.url, t.scripting, t.scriptParseCompile]),
      mainThread: items('mainthread-work-breakdown').map((t) => [t.group, t.duration]),
      layoutShifts: items('layout-shifts').map((t) => [JSON.stringify(t.node), t.score]),
    }),
  );
}
