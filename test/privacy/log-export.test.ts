import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { folderWriter, type ObjectWriter } from '@crux/functions/log-export/object-writer';
import { runLogExport } from '@crux/functions/log-export/run';
import { issueLogScope } from '@crux/store/access-log';
import { writeAccessEntry } from '@crux/store/access-log-repo';
import { logExportRepo } from '@crux/store/log-export-repo';
import { beforeEach, describe, expect, it } from 'vitest';
import { figuresTable } from '../figures/seed';
import { uniqueCentreId } from '../setup/dynamo';

/**
 * The access log's export against DynamoDB Local, in a table of its own (the export reads every
 * centre's entries). S3 cannot run here: the object writer is the one seam, a folder standing in for the
 * bucket; the log, its index and the marker are the real table.
 */
let ctx: { doc: DynamoDBDocumentClient; table: string };
let dir: string;
const tromso = uniqueCentreId('exp');
const bodo = uniqueCentreId('exp');

/** An entry at `at` in `centre`'s log, written as the request pipeline writes it; returns its id. */
async function logged(centre: string, at: string): Promise<string> {
  const nonce = randomUUID();
  await writeAccessEntry(
    ctx.doc,
    ctx.table,
    issueLogScope(centre),
    {
      at,
      requestId: randomUUID(),
      subject: 'staff-1',
      role: 'staff',
      via: 'GET /api/centres/{centreId}/participants/{participantId}',
      records: { participantId: randomUUID() },
      action: 'read',
      outcome: 'allowed',
      people: { participant: [randomUUID()] },
    },
    nonce,
  );
  return `${at}#${nonce}`;
}

/** Every object the folder holds, by key. */
function archive(): Record<string, string> {
  const walk = (d: string): string[] =>
    readdirSync(d, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)],
    );
  return Object.fromEntries(walk(dir).map((f) => [relative(dir, f), readFileSync(f, 'utf8')]));
}

const idsIn = (body: string) =>
  body
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l).id as string);

/** The folder, with every put recorded: S3 keeps each PUT as a version, so a rewrite must be seen. */
function recording(fail?: { after: number }) {
  const puts: { key: string; body: string }[] = [];
  const folder = folderWriter(dir);
  const writer: ObjectWriter = {
    async put(key, body) {
      if (fail && puts.length >= fail.after) throw new Error('the function was stopped');
      puts.push({ key, body });
      await folder.put(key, body);
    },
  };
  return { writer, puts };
}

const run = (at: string, writer: ObjectWriter, maxHours?: number) =>
  runLogExport({
    client: ctx.doc,
    tableName: ctx.table,
    writer,
    now: new Date(at),
    ...(maxHours ? { maxHours } : {}),
  });

beforeEach(async () => {
  ctx = await figuresTable();
  dir = mkdtempSync(join(tmpdir(), 'crux-log-archive-'));
});

describe('the access-log export, against DynamoDB Local', () => {
  it('copies every closed hour of every centre, from the oldest entry, one object per centre and hour', async () => {
    const a = await logged(tromso, '2026-11-30T23:59:59.999Z');
    const b = await logged(tromso, '2026-12-01T08:00:00.000Z');
    const c = await logged(tromso, '2026-12-01T08:30:00.000Z');
    const d = await logged(bodo, '2026-12-01T08:45:00.000Z');
    // Ten minutes before the run: its hour closes at 11:00 and is taken at 11:20, not now.
    const late = await logged(bodo, '2026-12-01T10:50:00.000Z');

    const first = recording();
    const summary = await run('2026-12-01T11:05:00Z', first.writer);
    expect(summary).toMatchObject({
      from: '2026-11-30T23',
      until: '2026-12-01T10',
      entries: 4,
      objects: 3,
      caughtUp: true,
    });
    const objects = archive();
    expect(Object.keys(objects).sort()).toEqual(
      [
        `${bodo}/2026-12-01/08.jsonl`,
        `${tromso}/2026-11-30/23.jsonl`,
        `${tromso}/2026-12-01/08.jsonl`,
      ].sort(),
    );
    expect(idsIn(objects[`${tromso}/2026-11-30/23.jsonl`] ?? '')).toEqual([a]);
    expect(idsIn(objects[`${tromso}/2026-12-01/08.jsonl`] ?? '')).toEqual([b, c]);
    expect(idsIn(objects[`${bodo}/2026-12-01/08.jsonl`] ?? '')).toEqual([d]);
    // A line is the entry as the leader's page shows it: no table keys, the centre and the references.
    const line = JSON.parse((objects[`${bodo}/2026-12-01/08.jsonl`] ?? '').trimEnd());
    expect(line).toMatchObject({
      id: d,
      centre: bodo,
      action: 'read',
      outcome: 'allowed',
      subject: 'staff-1',
    });
    expect(Object.keys(line).filter((k) => /^(PK|SK|GSI\d(PK|SK))$/.test(k))).toEqual([]);

    // The next hourly run takes the hour that closed since, and rewrites nothing.
    const second = recording();
    expect(await run('2026-12-01T12:20:00Z', second.writer)).toMatchObject({
      from: '2026-12-01T10',
      until: '2026-12-01T12',
      entries: 1,
      objects: 1,
    });
    expect(second.puts.map((p) => p.key)).toEqual([`${bodo}/2026-12-01/10.jsonl`]);
    expect(idsIn(second.puts[0]?.body ?? '')).toEqual([late]);
  });

  it('after a crash before the marker moved, writes the same keys with the same bytes and skips nothing', async () => {
    const ids: string[] = [];
    for (const hour of ['06', '07', '08', '09'])
      for (const centre of [tromso, bodo]) ids.push(await logged(centre, `2026-12-01T${hour}:15:00.000Z`));
    const repo = logExportRepo(ctx.doc, ctx.table);

    // The first run starts the export at the oldest hour, then dies after three of its eight objects.
    const crashed = recording({ after: 3 });
    await expect(run('2026-12-01T11:00:00Z', crashed.writer)).rejects.toThrow('the function was stopped');
    expect(crashed.puts).toHaveLength(3);
    expect(await repo.next()).toBe('2026-12-01T06');

    const rerun = recording();
    expect(await run('2026-12-01T11:00:00Z', rerun.writer)).toMatchObject({ entries: 8, objects: 8 });
    const again = new Map(rerun.puts.map((p) => [p.key, p.body]));
    for (const put of crashed.puts) expect(again.get(put.key), put.key).toBe(put.body);
    const exported = Object.values(archive()).flatMap(idsIn);
    expect(exported.sort()).toEqual([...ids].sort());
    expect(await repo.next()).toBe('2026-12-01T10');
  });

  it('catches a backlog up over several runs, never past the hours it has written', async () => {
    const early = await logged(tromso, '2026-11-28T12:00:00.000Z');
    const later = await logged(tromso, '2026-12-01T09:00:00.000Z');
    const limited = recording();
    expect(await run('2026-12-01T11:00:00Z', limited.writer, 24)).toMatchObject({
      from: '2026-11-28T12',
      until: '2026-11-29T12',
      caughtUp: false,
    });
    expect(limited.puts.flatMap((p) => idsIn(p.body))).toEqual([early]);
    const rest = recording();
    expect(await run('2026-12-01T11:00:00Z', rest.writer)).toMatchObject({ caughtUp: true, entries: 1 });
    expect(rest.puts.flatMap((p) => idsIn(p.body))).toEqual([later]);
  });

  it('with no entry yet, starts at the current hour and writes nothing', async () => {
    const empty = recording();
    expect(await run('2026-12-01T11:30:00Z', empty.writer)).toMatchObject({ entries: 0, caughtUp: true });
    expect(empty.puts).toEqual([]);
    expect(await logExportRepo(ctx.doc, ctx.table).next()).toBe('2026-12-01T11');
  });
});
