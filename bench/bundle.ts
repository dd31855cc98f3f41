import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { esbuildOptions, functionEntries, repoRoot } from '../infra/lib/bundling';
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

async function bundle(entry: string, outfile: string): Promise<{ bytes: number; gzip: number }> {
  await build({ ...esbuildOptions, entryPoints: [entry], outfile, logLevel: 'warning' });
  const code = readFileSync(outfile);
  return { bytes: code.length, gzip: gzipSync(code).length };
}

/** Milliseconds to import the bundle in a fresh Node process (what a cold start pays for the code). */
function importTime(file: string): number {
  const script = `const t = performance.now(); await import(${JSON.stringify(`file://${file}`)}); process.stdout.write(String(performance.now() - t));`;
  return Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }));
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

  progress(`cold imports, ${IMPORT_RUNS} fresh processes each`);
  const baseTimes: number[] = [];
  const centreTimes: number[] = [];
  for (let i = 0; i < IMPORT_RUNS; i++) {
    // Interleaved, so a busy moment on the machine weighs on both alike.
    baseTimes.push(importTime(baselineOut));
    centreTimes.push(importTime(centreOut));
  }
  const sizeRatio = centre.bytes / baseline.bytes;
  const importRatio = median(centreTimes) / median(baseTimes);
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
        centreMs: round(median(centreTimes)),
        baselineMs: round(median(baseTimes)),
        runs: IMPORT_RUNS,
      },
    },
  ];
}
