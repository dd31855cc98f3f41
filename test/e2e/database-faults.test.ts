import { mkdtemp, readdir, readFile, readlink, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { outcomeUnknown, RETRY_AFTER_SECONDS, unavailable } from '@crux/api/errors';
import { todayInOslo } from '@crux/domain/period';
import { clientProfiles } from '@crux/store/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Answer, startTestRuntime, type TestRuntime } from './harness';

/**
 * The API with DynamoDB Local gone or hung, through the runtime's own DynamoDB Local (never the shared
 * one other tests use), on disk so that a restart keeps what was stored. Killed: the runtime restarts
 * it. Killed mid-request: it is stopped first (SIGSTOP), so the request is surely in its socket, not
 * yet read, when it dies. Paused: SIGSTOP, then SIGCONT, and the requests it held are carried out late.
 * In every case the API answers 503 in the error shape within the stated time, and a retry with the
 * same Idempotency-Key once it is back leaves exactly one record.
 */
const { requestTimeout, maxAttempts } = clientProfiles.request;
/** Stated in packages/store/src/client.ts: refused at once; a hung request gives up within ~4.5 s. */
const DOWN_MS = 2_000;
const HUNG_MS = maxAttempts * requestTimeout + 500;
/** The SDK's own timers plus what a machine busy with other work adds to them. */
const SLACK_MS = 1_500;

let t: TestRuntime;
let dataDir: string;
let staff: string;
let paused: number | undefined;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'crux-db-faults-'));
  t = await startTestRuntime({
    inMemory: false,
    dataDir,
    seedDemo: false,
    registeredCentres: ['ovre-eiker'],
  });
  staff = await t.token('ansatt.ovre-eiker');
});
afterAll(async () => {
  if (paused) resume(paused);
  await t?.runtime.stop();
  await rm(dataDir, { recursive: true, force: true });
});

const base = '/api/centres/ovre-eiker/participants';
const create = (name: string, key: string) =>
  t.call('POST', base, {
    token: staff,
    idempotencyKey: key,
    body: { displayName: name, birthYear: 1980, startDate: todayInOslo(), referralSource: 'nav' },
  });
const list = () => t.call('GET', `${base}?limit=100`, { token: staff });
const stored = async (name: string) => {
  const answer = await list();
  expect(answer.status).toBe(200);
  return (answer.body as { items: { displayName: string }[] }).items.filter((p) => p.displayName === name)
    .length;
};

function databasePid(): number {
  const pid = t.runtime.database.pid();
  if (pid === undefined) throw new Error('DynamoDB Local is not running');
  return pid;
}

/** The state letter /proc gives a process (T: stopped), or undefined once it is gone. */
async function processState(pid: number): Promise<string | undefined> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  // "pid (name) S ...": the name may hold spaces and parentheses, so read after the last ')'.
  return stat?.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
}

/** Whether `pid` holds the socket listening on the database's port, from /proc/net/tcp and its fds. */
async function holdsListener(pid: number): Promise<boolean> {
  const port = Number(new URL(t.runtime.database.endpoint).port);
  // Java listens through an IPv6 socket (::ffff:127.0.0.1) unless told to prefer IPv4: read both tables.
  const tables = await Promise.all(['tcp', 'tcp6'].map((f) => readFile(`/proc/net/${f}`, 'utf8')));
  const listening = tables
    .flatMap((table) => table.split('\n').slice(1))
    .map((line) => line.trim().split(/\s+/))
    // local address "ADDR:PORT" in hex, state 0A = LISTEN, inode in column 10.
    .filter((cols) => cols.length > 9 && Number.parseInt(cols[1]?.split(':')[1] ?? '', 16) === port)
    .filter((cols) => cols[3] === '0A')
    .map((cols) => `socket:[${cols[9]}]`);
  const fds = await readdir(`/proc/${pid}/fd`).catch(() => []);
  const links = await Promise.all(fds.map((fd) => readlink(`/proc/${pid}/fd/${fd}`).catch(() => '')));
  return links.some((link) => listening.includes(link));
}

/**
 * SIGSTOP on the process that really serves the API's database, and only once the kernel says it is
 * stopped: a request made after this cannot be answered until it is continued or killed. Both are
 * checked rather than assumed because a run once saw a write answered 201 "while stopped", and the
 * check names which of the two did not hold.
 */
async function stopDatabase(): Promise<number> {
  const pid = databasePid();
  expect(await holdsListener(pid), `DynamoDB Local (pid ${pid}) holds the port the API uses`).toBe(true);
  process.kill(pid, 'SIGSTOP');
  paused = pid;
  await expect.poll(() => processState(pid), { timeout: 5_000, interval: 10 }).toBe('T');
  return pid;
}

/** SIGCONT, unless it has died meanwhile (then there is nothing to continue). */
function resume(pid: number) {
  paused = undefined;
  try {
    process.kill(pid, 'SIGCONT');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ESRCH') throw e;
  }
}

async function timed(request: Promise<Answer>): Promise<Answer & { ms: number }> {
  const started = Date.now();
  const answer = await request;
  return { ...answer, ms: Date.now() - started };
}

function expect503(answer: Answer, error: object) {
  expect(answer.status).toBe(503);
  expect(answer.body).toEqual({ error });
  expect(answer.headers.get('retry-after')).toBe(String(RETRY_AFTER_SECONDS));
}

/**
 * Until the runtime has brought DynamoDB Local back and the API reads. The runtime names the new process
 * only once it is ready; until it has noticed the old one's death it still names that one, so "some
 * process" is not enough: it must be another than the one killed.
 */
async function backUp(killed: number) {
  await expect
    .poll(
      () => {
        const pid = t.runtime.database.pid();
        return pid !== undefined && pid !== killed;
      },
      { timeout: 60_000, interval: 100 },
    )
    .toBe(true);
  expect((await list()).status).toBe(200);
}

describe('DynamoDB Local killed', () => {
  it('answers 503 unavailable at once, nothing stored; restarted, the retry stores it once', async () => {
    const pid = databasePid();
    process.kill(pid, 'SIGKILL');
    await expect.poll(() => t.runtime.database.pid(), { timeout: 10_000, interval: 20 }).not.toBe(pid);

    const write = await timed(create('Drept før', 'killed-before-0001'));
    expect503(write, unavailable(true));
    expect(write.ms).toBeLessThan(DOWN_MS + SLACK_MS);
    const read = await timed(list());
    expect503(read, unavailable(false));
    expect(read.ms).toBeLessThan(DOWN_MS + SLACK_MS);

    await backUp(pid);
    expect((await create('Drept før', 'killed-before-0001')).status).toBe(201);
    expect(await stored('Drept før')).toBe(1);
  }, 90_000);

  it('mid-request: 503 outcome_unknown; restarted, the retry with the same key gives one record', async () => {
    const pid = await stopDatabase();
    const write = timed(create('Midt i', 'killed-during-0001'));
    // Well inside the first attempt's request timeout: the request is in DynamoDB Local's socket.
    await new Promise((r) => setTimeout(r, requestTimeout / 2));
    process.kill(pid, 'SIGKILL');
    paused = undefined;
    const answer = await write;
    expect503(answer, outcomeUnknown());
    expect(answer.ms).toBeLessThan(HUNG_MS + SLACK_MS);

    await backUp(pid);
    expect((await create('Midt i', 'killed-during-0001')).status).toBe(201);
    expect(await stored('Midt i')).toBe(1);
  }, 90_000);
});

describe('DynamoDB Local paused (hung)', () => {
  it('answers 503 within the stated time; after it resumes, the retry with the same key gives one record', async () => {
    const pid = await stopDatabase();
    const [write, read] = await Promise.all([timed(create('På pause', 'paused-write-0001')), timed(list())]);
    resume(pid);

    expect503(write, outcomeUnknown());
    expect503(read, unavailable(false));
    for (const answer of [write, read]) {
      // The SDK gave up, not the function's deadline (10 s) nor anything later.
      expect(answer.ms).toBeGreaterThanOrEqual(requestTimeout);
      expect(answer.ms).toBeLessThan(HUNG_MS + SLACK_MS);
    }

    // The write it held may have been carried out after it resumed: the retry replays it or makes it.
    const retry = await create('På pause', 'paused-write-0001');
    expect(retry.status).toBe(201);
    expect(await stored('På pause')).toBe(1);
  }, 90_000);
});
