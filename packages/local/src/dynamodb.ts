import { type ChildProcess, execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access, mkdir, stat } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import { MIN_JAVA, spawnDynamo } from './launcher';
import { assertPortFree, freePort, portTaken } from './ports';
import { StartupError } from './startup-error';

export type DynamoOptions = {
  /** 0 or undefined: a free port chosen by the OS. */
  port?: number;
  /** Absolute folder for the database file; undefined keeps everything in memory. */
  dataDir?: string | undefined;
  /** Told when the process ends without `stop()`; by default a line on stderr says so. */
  onUnexpectedExit?: (exit: DynamoExit) => void;
};

/** How the process ended: its exit code or signal, and the last lines it printed. */
export type DynamoExit = { code: number | null; signal: NodeJS.Signals | null; lastOutput: string };

export type RunningDynamo = {
  endpoint: string;
  port: number;
  /** The Java process. */
  pid: number;
  /** Settles when the process has ended, whether through `stop()` or not. */
  exited: Promise<DynamoExit>;
  stop(): Promise<void>;
};

const READY_TIMEOUT_MS = 60_000;

/** Dummy credentials: DynamoDB Local wants some, and with -sharedDb ignores which. */
export const localCredentials = { accessKeyId: 'local', secretAccessKey: 'local' };
export const localRegion = 'eu-north-1';

export async function startDynamo(options: DynamoOptions = {}): Promise<RunningDynamo> {
  // Checked while DynamoDB Local boots rather than before: the check is a JVM start of its own.
  const javaChecked = assertJava();
  javaChecked.catch(() => undefined);
  if (options.dataDir !== undefined) await assertDataDir(options.dataDir);
  const port = options.port ? options.port : await freePort();
  if (options.port) await assertPortFree(port, 'DynamoDB Local');

  let child: ChildProcess;
  try {
    child = await spawnDynamo(port, options.dataDir);
  } catch (e) {
    // No compiler: say that Java is missing altogether when it is.
    await javaChecked;
    throw e;
  }
  const output = collectOutput(child);
  const exited = new Promise<DynamoExit>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal, lastOutput: lastLines(output.text()) }));
    // A process that never started (no java on PATH) reports only an error, no exit.
    child.once(
      'error',
      (e) => child.pid === undefined && resolve({ code: null, signal: null, lastOutput: e.message }),
    );
  });
  // Normally the launcher notices on its own that we are gone (its stdin closes); this covers an exit
  // of ours that happens before it could. SIGTERM, not SIGKILL: Java then keeps every acknowledged write.
  const stopOnExit = () => child.kill('SIGTERM');
  process.once('exit', stopOnExit);

  const endpoint = `http://127.0.0.1:${port}`;
  let stopping = false;
  const stop = async () => {
    stopping = true;
    process.removeListener('exit', stopOnExit);
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
  };

  try {
    await javaChecked;
    await waitUntilAnswering(endpoint, exited, output, port);
    await assertReadable(endpoint, options.dataDir);
  } catch (e) {
    await stop();
    throw e;
  }
  const onUnexpectedExit =
    options.onUnexpectedExit ??
    ((exit: DynamoExit) =>
      // Every request would fail from here on: say why once, where the person running it will look.
      console.error(
        `DynamoDB Local stopped unexpectedly (${describeExit(exit)}); requests to it will fail. ` +
          `Its last output was: ${exit.lastOutput}`,
      ));
  void exited.then((exit) => {
    process.removeListener('exit', stopOnExit);
    if (!stopping) onUnexpectedExit(exit);
  });
  if (child.pid === undefined) throw new Error('DynamoDB Local started without a process id');
  return { endpoint, port, pid: child.pid, exited, stop };
}

export function describeExit(exit: DynamoExit): string {
  return exit.signal ? `killed by ${exit.signal}` : `exit code ${exit.code}`;
}

/** Keeps the last few kilobytes of Java's output to explain a failed start. */
function collectOutput(child: ChildProcess): { text(): string } {
  let text = '';
  const keep = (chunk: Buffer) => {
    text = (text + chunk.toString('utf8')).slice(-8_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  child.on('error', (e) => {
    text += `\n${e.message}`;
  });
  return { text: () => text };
}

async function waitUntilAnswering(
  endpoint: string,
  exited: Promise<DynamoExit>,
  output: { text(): string },
  port: number,
): Promise<void> {
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (gone) throw explainExit(output.text(), port);
    try {
      await fetch(endpoint, { signal: AbortSignal.timeout(1_000) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new StartupError(
    'dynamodb_failed',
    `DynamoDB Local did not answer within ${READY_TIMEOUT_MS / 1000} seconds on port ${port}. ` +
      `Its last output was: ${lastLines(output.text())}`,
  );
}

function explainExit(text: string, port: number): StartupError {
  if (/BindException|Address already in use/i.test(text)) return portTaken(port, 'DynamoDB Local');
  if (/ENOENT/.test(text)) return javaMissing();
  return new StartupError(
    'dynamodb_failed',
    `DynamoDB Local stopped while starting. Its last output was: ${lastLines(text)}`,
  );
}

function lastLines(text: string): string {
  const lines = text.trim().split('\n').filter(Boolean);
  return lines.length ? lines.slice(-3).join(' / ') : '(nothing)';
}

/**
 * A database file that is not SQLite lets Java start and answer, and fails on the first real request:
 * one cheap call turns that into a clear message before anything else depends on it.
 */
async function assertReadable(endpoint: string, dataDir: string | undefined): Promise<void> {
  // Loaded here, not at the top: `npm start` starts DynamoDB Local before it loads the AWS SDK.
  const { DynamoDBClient, ListTablesCommand } = await import('@aws-sdk/client-dynamodb');
  const client = new DynamoDBClient({ endpoint, region: localRegion, credentials: localCredentials });
  try {
    await client.send(new ListTablesCommand({}));
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw new StartupError(
      dataDir === undefined ? 'dynamodb_failed' : 'data_dir_corrupt',
      dataDir === undefined
        ? `DynamoDB Local started but refused a first request: ${reason}`
        : `The local database in ${dataDir} cannot be read (${reason}). It may be damaged. ` +
            'Move the folder away (or delete it to start again with fresh demo data) and run `npm start` again.',
    );
  } finally {
    client.destroy();
  }
}

function javaMissing(): StartupError {
  return new StartupError(
    'java_missing',
    `Java was not found. The local database (DynamoDB Local) needs Java ${MIN_JAVA} or newer: install it, ` +
      'e.g. `sudo apt-get install openjdk-17-jdk-headless`, and make sure `java -version` works in this shell.',
  );
}

/** `java -version` prints e.g. `openjdk version "17.0.15"` (or `"1.8.0_392"` for Java 8) on stderr. */
export function parseJavaMajor(versionOutput: string): number | undefined {
  const m = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!m) return undefined;
  const major = Number(m[1]);
  return major === 1 ? Number(m[2]) : major;
}

function assertJava(): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile('java', ['-version'], { timeout: 15_000 }, (error, stdout, stderr) => {
      if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') return reject(javaMissing());
      const major = parseJavaMajor(`${stderr}\n${stdout}`);
      if (major === undefined) return reject(javaMissing());
      if (major < MIN_JAVA)
        return reject(
          new StartupError(
            'java_too_old',
            `Java ${major} was found, but the local database (DynamoDB Local) needs Java ${MIN_JAVA} or newer. ` +
              'Install a newer one, e.g. `sudo apt-get install openjdk-17-jdk-headless`, and put it first on PATH.',
          ),
        );
      resolve();
    });
  });
}

async function assertDataDir(dataDir: string): Promise<void> {
  const unusable = (why: string) =>
    new StartupError(
      'data_dir_unusable',
      `The data folder ${dataDir} cannot be used: ${why}. Choose a folder you can write to, or fix its permissions.`,
    );
  // Java runs inside node_modules, so a relative path would land there.
  if (!isAbsolute(dataDir)) throw unusable('it must be an absolute path');
  try {
    await mkdir(dataDir, { recursive: true });
  } catch (e) {
    throw unusable((e as NodeJS.ErrnoException).code === 'EEXIST' ? 'a file has that name' : errnoText(e));
  }
  const info = await stat(dataDir);
  if (!info.isDirectory()) throw unusable('it is not a folder');
  try {
    await access(dataDir, constants.R_OK | constants.W_OK | constants.X_OK);
  } catch (e) {
    throw unusable(errnoText(e));
  }
}

function errnoText(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOTDIR') return 'a part of the path is a file, not a folder';
  if (code === 'EROFS') return 'the file system is read-only';
  return e instanceof Error ? e.message : String(e);
}
