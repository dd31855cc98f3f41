import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../infra/lib/bundling';
import { benchApi } from './api';
import { withBenchDynamo } from './bench-dynamo';
import { benchBundle } from './bundle';
import { costData, costModel } from './cost';
import { benchJobCost } from './cost-job';
import { benchDisclosure } from './disclosure';
import { benchHeadOfficeScale, benchJobIncremental } from './figures';
import type { Figure } from './measure';
import { FIGURES_MARK, progress } from './measure';
import { renderTable } from './report';
import { benchStartup } from './startup';
import { benchWebSize } from './web';

/**
 * `npm run bench`: every figure the issues name, measured in one run on this machine, written to
 * bench/results.json and bench/RESULTS.md (the table the README links to).
 */
const tmp = join(repoRoot, 'bench/tmp');

async function main(): Promise<void> {
  mkdirSync(tmp, { recursive: true });
  const figures: Figure[] = [];
  const bundle = await benchBundle(tmp);
  figures.push(...bundle);
  const coldImportMs = Number(bundle.find((f) => f.id === 'centre-api.cold-import')?.detail?.centreMs);
  figures.push(...(await benchStartup()));

  await withBenchDynamo(async () => {
    const api = await benchApi(2024);
    figures.push(...api.figures);
    figures.push(await benchHeadOfficeScale());
    figures.push(await benchJobIncremental());
    const c = costData.usage.centre;
    const jobs = await benchJobCost([1, 4], {
      registrationsPerYear: c.visitsPerYear + c.contactPointsPerYear,
      participantsPerYear: c.participantsPerYear,
      workingDaysPerYear: c.workingDaysPerYear,
    });
    figures.push(...costModel(api.costs, jobs, coldImportMs));
  });
  figures.push(...benchWebSize());
  figures.push(...(await benchDisclosure()));
  const lighthouse = execFileSync(
    process.execPath,
    // BENCH_LIGHTHOUSE_PAGES (page ids, comma-separated) audits only those pages.
    [
      '--import',
      'tsx',
      join(repoRoot, 'bench/lighthouse-main.ts'),
      ...(process.env.BENCH_LIGHTHOUSE_PAGES?.split(',') ?? []),
    ],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const marked = lighthouse.split('\n').find((line) => line.startsWith(FIGURES_MARK));
  if (!marked) throw new Error('the Lighthouse run printed no figures');
  figures.push(...(JSON.parse(marked.slice(FIGURES_MARK.length)) as Figure[]));

  const results = {
    measuredAt: new Date().toISOString(),
    machine: {
      cpus: availableParallelism(),
      cpu: cpus()[0]?.model,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
    },
    figures,
  };
  writeFileSync(join(repoRoot, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(repoRoot, 'bench/RESULTS.md'), renderTable(results));
  const failed = figures.filter((f) => !f.pass);
  progress(
    `wrote bench/results.json and bench/RESULTS.md: ${figures.length - failed.length} of ${figures.length} figures reach their target`,
  );
  for (const f of failed) progress(`  not reached: ${f.label}: ${f.value} ${f.unit} (target ${f.target})`);
}

await main();
