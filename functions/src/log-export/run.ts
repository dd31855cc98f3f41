import { randomUUID } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  type ArchiveObject,
  archiveObjects,
  exportEnd,
  type Hour,
  MAX_HOURS_PER_RUN,
  planChunks,
} from '@crux/domain/privacy/log-export';
import { logExportRepo } from '@crux/store/log-export-repo';
import { documentClient, tableName } from '../runtime/dynamo';
import { ARCHIVE_BUCKET_VARIABLE } from './environment';
import type { ObjectWriter } from './object-writer';
import { s3ObjectWriter } from './s3-writer';

export type LogExportOptions = {
  /** Defaults to the function's client (DYNAMODB_ENDPOINT locally, none in AWS). */
  client?: DynamoDBDocumentClient;
  /** Defaults to TABLE_NAME. */
  tableName?: string;
  /** Defaults to the archive bucket named by ARCHIVE_BUCKET. */
  writer?: ObjectWriter;
  /** The run's clock: which hours are closed. */
  now?: Date;
  maxHours?: number;
};

/** Counts and hours only: the summary goes to the logs as it is, so it names no one. */
export type LogExportSummary = {
  runId: string;
  ranAt: string;
  /** The first hour this run took, and the first it left for the next (both absent when it took none). */
  from?: Hour;
  until?: Hour;
  entries: number;
  objects: number;
  /** False when the per-run limit, or another run ahead of this one, left closed hours for later. */
  caughtUp: boolean;
  durationMs: number;
};

/** PutObject requests in flight at once. */
const PARALLEL_PUTS = 8;

async function writeAll(writer: ObjectWriter, objects: readonly ArchiveObject[]): Promise<void> {
  for (let i = 0; i < objects.length; i += PARALLEL_PUTS)
    await Promise.all(objects.slice(i, i + PARALLEL_PUTS).map((o) => writer.put(o.key, o.body)));
}

function defaultWriter(): ObjectWriter {
  const bucket = process.env[ARCHIVE_BUCKET_VARIABLE];
  if (!bucket) throw new Error(`${ARCHIVE_BUCKET_VARIABLE} is not set`);
  return s3ObjectWriter(bucket);
}

/**
 * Copies the access log, hour by closed hour, to write-once storage (issue 11; Normen fact sheet 15):
 * each centre's entries of an hour as one JSON Lines object. The marker, the first hour not yet copied,
 * moves only after every object of the hours before it is written, so a run that crashes leaves it where
 * it was and the next run writes the same keys with the same bytes again: no entry is skipped, and none
 * lands in two objects. The first run starts at the oldest entry in the log.
 */
export async function runLogExport(options: LogExportOptions = {}): Promise<LogExportSummary> {
  const doc = options.client ?? documentClient('batch');
  const table = options.tableName ?? tableName();
  const writer = options.writer ?? defaultWriter();
  const now = options.now ?? new Date();
  const started = performance.now();
  const repo = logExportRepo(doc, table);
  const summary: LogExportSummary = {
    runId: randomUUID(),
    ranAt: now.toISOString(),
    entries: 0,
    objects: 0,
    caughtUp: false,
    durationMs: 0,
  };
  const done = (caughtUp: boolean) => {
    summary.caughtUp = caughtUp;
    summary.durationMs = Math.round(performance.now() - started);
    return summary;
  };

  const end = exportEnd(now);
  let next = await repo.next();
  if (next === undefined) {
    const oldest = await repo.oldestHour(end.slice(0, 7));
    const start = oldest !== undefined && oldest < end ? oldest : end;
    // Where the export starts is kept at once, so no later run looks for the oldest entry again.
    if (!(await repo.advance(undefined, start))) return done(false);
    next = start;
  }

  const chunks = planChunks(next, end, options.maxHours ?? MAX_HOURS_PER_RUN);
  for (const chunk of chunks) {
    const objects = archiveObjects(await repo.entries(chunk));
    await writeAll(writer, objects);
    if (!(await repo.advance(chunk.from, chunk.to))) return done(false);
    summary.from ??= chunk.from;
    summary.until = chunk.to;
    summary.objects += objects.length;
    summary.entries += objects.reduce((n, o) => n + o.entries, 0);
  }
  return done((summary.until ?? next) >= end);
}
