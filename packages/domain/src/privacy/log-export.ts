import { startingCatalogue } from '../catalogue/starting';
import { compareText } from '../text';
import type { AccessLogEntry } from './access-log';
import { retentionOf } from './retention';

/**
 * The access log's export to write-once storage (issue 11): the plan of a run and the objects it
 * writes, with no I/O. The unit is the UTC hour: every entry of one hour of one centre goes into one
 * object whose key and bytes depend on nothing but that hour's entries, so a run repeated after a crash
 * writes the same keys with the same bytes, and an hour is never split between two objects.
 */

/**
 * How long the archive keeps an object: the access log's shipped retention. The bucket's lock is fixed
 * when it is deployed, so it takes the foundation's default; a catalogue that later keeps the log longer
 * needs the bucket's retention raised with it (a compliance lock can be lengthened, never shortened).
 */
export const archiveRetentionYears = retentionOf(startingCatalogue.settings).accessLogYears;

/**
 * The most days `years` calendar years hold (a leap day in every fourth year at most): S3 counts a lock
 * and a lifecycle in days, and neither may end before the log's own retention does.
 */
export const daysCovering = (years: number): number => years * 365 + Math.ceil(years / 4);

/** A UTC hour, `YYYY-MM-DDTHH`: the first 13 characters of every entry's `at`. */
export type Hour = string;

/**
 * How long after an hour ends the export waits before taking it. An entry's `at` is set when its request
 * (or job run) begins and it commits at most a function's timeout later (the retention job's, 15 minutes,
 * is the longest); the jobs' index follows the table within a second or so. Twenty minutes after the end
 * of an hour, no entry dated in it is still to come.
 */
export const EXPORT_SETTLE_MINUTES = 20;

/** At most this many hours in one run: a backlog (the first run, or after an outage) is caught up over several. */
export const MAX_HOURS_PER_RUN = 31 * 24;

const HOUR_MS = 3_600_000;
const hourStart = (hour: Hour) => Date.parse(`${hour}:00:00.000Z`);

export const hourOf = (at: string): Hour => at.slice(0, 13);

export const addHours = (hour: Hour, n: number): Hour =>
  new Date(hourStart(hour) + n * HOUR_MS).toISOString().slice(0, 13);

/** The first hour not yet closed at `now`: every hour before it may be exported. */
export const exportEnd = (now: Date): Hour =>
  hourOf(new Date(now.getTime() - EXPORT_SETTLE_MINUTES * 60_000).toISOString());

/** A span of whole hours of one UTC day, `from` included, `to` not: one read of the log's index. */
export type Chunk = { from: Hour; to: Hour };

/**
 * The hours a run exports, from `next` (the first not yet exported) up to `end`, at most `maxHours`,
 * cut at UTC midnight so each chunk lies in one day (and so in one month of the index).
 */
export function planChunks(next: Hour, end: Hour, maxHours = MAX_HOURS_PER_RUN): Chunk[] {
  const limit = addHours(next, maxHours);
  const stop = limit < end ? limit : end;
  const chunks: Chunk[] = [];
  for (let from = next; from < stop; ) {
    const midnight = addHours(`${from.slice(0, 10)}T00`, 24);
    const to = midnight < stop ? midnight : stop;
    chunks.push({ from, to });
    from = to;
  }
  return chunks;
}

/** One object of the archive: its key (centre, day, hour) and its JSON Lines. */
export type ArchiveObject = { key: string; body: string; entries: number };

/** Where one centre's entries of one hour are kept: `<centre>/<YYYY-MM-DD>/<HH>.jsonl`. */
export const archiveKey = (centre: string, hour: Hour): string =>
  `${centre}/${hour.slice(0, 10)}/${hour.slice(11, 13)}.jsonl`;

/** JSON with every object's keys sorted: the same entry gives the same bytes whatever order it was read in. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => compareText(a, b)))
      : v,
  );
}

/**
 * The objects for a chunk's entries: one per centre and hour that has any, each entry a line in id
 * (time) order. An hour with no entry has no object.
 */
export function archiveObjects(entries: readonly AccessLogEntry[]): ArchiveObject[] {
  const groups = new Map<string, AccessLogEntry[]>();
  for (const entry of entries) {
    const key = archiveKey(entry.centre, hourOf(entry.at));
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([key, group]) => ({
      key,
      entries: group.length,
      body: [...group]
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
        .map((e) => `${canonicalJson(e)}\n`)
        .join(''),
    }));
}
