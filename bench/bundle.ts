import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { functionEntry } from '@crux/api/audience-functions';
import { audienceNames } from '@crux/api/audiences';
import { build } from 'esbuild';
import { esbuildOptions, functionEntries, repoRoot } from '../infra/lib/bundling';
import { importProfile, moduleInitProfile } from './import-profile';
import { type Figure, median, progress, round } from './measure';

const IMPORT_RUNS = 15;
/** Issue 13: Powertools Logger and Metrics may bring the bundle to 1.3×; the cold import stays within 1.2×. */
const SIZE_LIMIT = 1.3;
const IMPORT_LIMIT = 1.2;

/** The reference: a function that holds only the DynamoDB document client and makes one request. */
const baselineSource = `
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
export const handler = async () => doc.send(new GetCommand({ TableName: 't', Key: { PK: 'a', SK: 'b' } }));
`;

type Bundle = {
  bytes: number;
  gzip: number;
  byPackage: Record<string, number>;
  /** Our own modules (not node_modules), each by file. */
  ownByModule: Record<string, number>;
};

/** A package's name, or the project folder, that an input of the bundle belongs to. */
function owner(input: string): string {
  const m = input.match(/node_modules\/((@[^/]+\/)?[^/]+)/);
  return m?.[1] ?? input.split('/').slice(0, 3).join('/');
}

async function bundle(entry: string, outfile: string): Promise<Bundle> {
  const result = await build({
    ...esbuildOptions,
    entryPoints: [entry],
    outfile,
    metafile: true,
    logLevel: 'warning',
  });
  const code = readFileSync(outfile);
  const byPackage: Record<string, number> = {};
  const ownByModule: Record<string, number> = {};
  for (const output of Object.values(result.metafile.outputs))
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      byPackage[owner(input)] = (byPackage[owner(input)] ?? 0) + bytesInOutput;
      if (!input.includes('node_modules/')) ownByModule[input] = bytesInOutput;
    }
  return { bytes: code.length, gzip: gzipSync(code).length, byPackage, ownByModule };
}

/** Where the centre API's bytes beyond the baseline come from: the ten largest, in bytes. */
function extraBytes(centre: Bundle, baseline: Bundle): Record<string, number> {
  const extra = Object.entries(centre.byPackage)
    .map(([name, bytes]) => [name, bytes - (baseline.byPackage[name] ?? 0)] as const)
    .filter(([, bytes]) => bytes > 0)
    .sort((a, b) => b[1] - a[1]);
  return Object.fromEntries(extra.slice(0, 10));
}

/**
 * Milliseconds to import the bundle in a fresh Node process (what a cold start pays for the code): the
 * wall time, and the CPU time the process spent on it, which a machine shared with other work disturbs less.
 */
function importTime(file: string): { wall: number; cpu: number } {
  const script = `const c = process.cpuUsage(); const t = performance.now(); await import(${JSON.stringify(`file://${file}`)}); const u = process.cpuUsage(c); process.stdout.write(JSON.stringify({ wall: performance.now() - t, cpu: (u.user + u.system) / 1000 }));`;
  return JSON.parse(
    execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }),
  );
}

export async function benchBundle(tmp: string): Promise<Figure[]> {
  progress('bundling the centre API and the baseline');
  mkdirSync(tmp, { recursive: true });
  const baselineEntry = join(repoRoot, 'bench/tmp/baseline-entry.ts');
  writeFileSync(baselineEntry, baselineSource);
  const baselineOut = join(tmp, 'baseline.mjs');
  const centreOut = join(tmp, 'centre-api.mjs');
  const baseline = await bundle(baselineEntry, baselineOut);
  const centre = await bundle(join(repoRoot, functionEntries.centre), centreOut);
  // Every other API function beside it, as a ratio of the same baseline: the centre API is the one
  // called on every save, the others were split from it so that it stays small.
  const everyApi: Record<string, number> = {};
  for (const audience of audienceNames) {
    const other = await bundle(join(repoRoot, functionEntry(audience)), join(tmp, `${audience}-api.mjs`));
    everyApi[audience] = round(other.bytes / baseline.bytes, 3);
  }

  progress(`cold imports, ${IMPORT_RUNS} fresh processes each`);
  const baseTimes: { wall: number; cpu: number }[] = [];
  const centreTimes: { wall: number; cpu: number }[] = [];
  for (let i = 0; i < IMPORT_RUNS; i++) {
    // Interleaved, so a busy moment on the machine weighs on both alike.
    baseTimes.push(importTime(baselineOut));
    centreTimes.push(importTime(centreOut));
  }
  const wall = (t: { wall: number }[]) => median(t.map((x) => x.wall));
  const cpu = (t: { cpu: number }[]) => median(t.map((x) => x.cpu));
  const sizeRatio = centre.bytes / baseline.bytes;
  const importRatio = wall(centreTimes) / wall(baseTimes);
  progress('profiling the centre API cold import');
  const profile = await importProfile(join(repoRoot, functionEntries.centre));
  const moduleInit = await moduleInitProfile(join(repoRoot, functionEntries.centre));
  return [
    {
      id: 'centre-api.bundle',
      label: 'Centre API bundle vs document-client-only bundle (minified bytes)',
      value: round(sizeRatio, 3),
      unit: '×',
      target: `≤ ${SIZE_LIMIT}×`,
      pass: sizeRatio <= SIZE_LIMIT,
      detail: {
        centreBytes: centre.bytes,
        centreGzip: centre.gzip,
        baselineBytes: baseline.bytes,
        baselineGzip: baseline.gzip,
        extraBytesByPackage: extraBytes(centre, baseline),
        // Within our own packages, the ten largest modules: where a cut would have to come from.
        centreOwnBytesByModule: Object.fromEntries(
          Object.entries(centre.ownByModule)
            .sort((a, b) => b[1] - a[1])
            .slice(0, 10),
        ),
        everyApiFunctionRatio: everyApi,
      },
    },
    {
      id: 'centre-api.cold-import',
      label: 'Centre API cold import vs document-client-only (median of fresh processes)',
      value: round(importRatio, 3),
      unit: '×',
      target: `≤ ${IMPORT_LIMIT}×`,
      pass: importRatio <= IMPORT_LIMIT,
      detail: {
        centreMs: round(wall(centreTimes)),
        baselineMs: round(wall(baseTimes)),
        cpuRatio: round(cpu(centreTimes) / cpu(baseTimes), 3),
        centreCpuMs: round(cpu(centreTimes)),
        baselineCpuMs: round(cpu(baseTimes)),
        runs: IMPORT_RUNS,
        centreImportSelfMsByPackage: profile,
        // The same import by module: what each top level costs, a schema built at import included.
        centreModuleInitMs: moduleInit,
      },
    },
  ];
}
