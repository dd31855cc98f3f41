import { createHash } from 'node:crypto';

/*
 * The access log's keys, beside the table's other keys (keys.ts) but in a file of their own: the log's
 * partitions, its two indexes and the references it names people by are read by the IAM policies
 * (infra/lib/tenant-policy.ts, log-export-policy.ts) as well as by the repositories.
 */

/**
 * The access log of a centre: one partition, `C#<centre>#LOG`, an entry per request in time order
 * (`<UTC time>#<random>`: the random part makes a key no one can guess, so one that may only add entries
 * cannot overwrite one it did not write). Every entry is also on the jobs' index (GSI2) under its UTC
 * month, in time order across centres, so the export and the retention job read every centre's entries
 * of a span of time in one range. An entry that names one participant alone is also on GSI1 under
 * `C#<centre>#P#<ref>#LOG` (the person's log: see `personPk`), one that names several under the
 * centre's `manyPk`. The centre's tenant role may only Put here
 * (infra/lib/tenant-policy.ts matches `accessLogPartitions`, which covers both partitions).
 */
export const accessLogKeys = {
  pk: (s: { centre: string }) => `C#${s.centre}#LOG`,
  entry: (s: { centre: string }, at: string, nonce: string, indexRef?: string) => ({
    PK: `C#${s.centre}#LOG`,
    SK: `${at}#${nonce}`,
    GSI2PK: `LOG#${at.slice(0, 7)}`,
    GSI2SK: `${at}#${s.centre}#${nonce}`,
    ...(indexRef ? { GSI1PK: accessLogKeys.personPk(s, indexRef), GSI1SK: `${at}#${nonce}` } : {}),
  }),
  /**
   * The index keys of an entry: under the one participant it names alone (`personPk`), or, when it
   * names several (a list, a search, an import), under the centre's shared key for those (`manyPk`).
   */
  indexRef: (refs: readonly string[] | undefined) =>
    refs?.length === 1 ? refs[0] : refs && refs.length > 1 ? MANY_PARTICIPANTS : undefined,
  /**
   * One participant's log on GSI1 (a sparse use of the participations' index: only log entries that name
   * one participant alone carry these keys; those naming several are under `manyPk`), in time order, so "who has read my record" and the export
   * read it in one query instead of the centre's whole log. What it costs: each such entry is written
   * to the index as well (one more write unit per entry of up to 1 KB, and its storage again). An index
   * read is eventually consistent: an entry written a moment ago may not be in it yet. It ends in `#LOG`
   * so `accessLogPartitions` (the IAM Deny of every role but the retention job's) covers it.
   */
  personPk: (s: { centre: string }, ref: string) => `C#${s.centre}#P#${ref}#LOG`,
  /**
   * The entries of a centre that name several participants, on GSI1 likewise: a person's report reads
   * them beside their own log, keeping those that name them (a filter, so it reads every such entry of
   * the retention period: lists are read far less often than records). `MANY` cannot be a reference,
   * which is 22 characters (`logRef`), and `personPk(…, '*')`, the log reader's pattern, covers it.
   */
  manyPk: (s: { centre: string }) => accessLogKeys.personPk(s, MANY_PARTICIPANTS),
  /** The first and (with `~`, after every time) the last key of a UTC day, in a centre's log or on the index. */
  dayFrom: (day: string) => `${day}T`,
  dayTo: (day: string) => `${day}T~`,
  /** The first key of a UTC hour (`YYYY-MM-DDTHH`) and, with `~`, the last, as the days above. */
  hourFrom: (hour: string) => `${hour}:`,
  hourTo: (hour: string) => `${hour}:~`,
  /** A month of every centre's entries on the jobs' index, in time order. */
  monthPk: (month: string) => `LOG#${month}`,
};

const MANY_PARTICIPANTS = 'MANY';

/** Every centre's log partition, as an IAM `StringLike` pattern (no centre id holds `#`). */
export const accessLogPartitions = 'C#*#LOG';
/** Every month of the log on the jobs' index, as an IAM `StringLike` pattern: what the export may query. */
export const accessLogMonths = accessLogKeys.monthPk('*');

/**
 * A person or record as the access log names it: a one-way hash of kind, centre and id. The ids are
 * random UUIDs, so the hash cannot be turned back into one; whoever holds the id (the person, from their
 * export) finds every entry about them, and after an erasure nothing in the table holds the id.
 */
export function logRef(centre: string, kind: string, id: string): string {
  return createHash('sha256').update(`${kind}:${centre}:${id}`).digest('base64url').slice(0, 22);
}
