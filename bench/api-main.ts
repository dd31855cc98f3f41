import { writeSync } from 'node:fs';
import { benchApi } from './api';
import { withBenchDynamo } from './bench-dynamo';
import type { Figure } from './measure';

/**
 * The API part of the bench alone, for a quick check: `npx tsx bench/api-main.ts`. Prints its figures
 * as a table, each with its detail per route, and writes nothing (`npm run bench` writes the results).
 */
const line = (v: unknown) => (typeof v === 'object' ? JSON.stringify(v) : String(v));

function print(figures: Figure[]): void {
  const out: string[] = [];
  for (const f of figures) {
    out.push(`${f.pass ? 'yes' : 'NO '}  ${f.label}: ${f.value} ${f.unit} (target ${f.target})`);
    for (const [k, v] of Object.entries(f.detail ?? {})) out.push(`       ${k}: ${line(v)}`);
  }
  const failed = figures.filter((f) => !f.pass).length;
  out.push('', `${figures.length - failed} of ${figures.length} API figures reach their target`);
  // Straight to the terminal: the functions' own stdout is metered away (log-meter.ts).
  writeSync(1, `${out.join('\n')}\n`);
}

const { figures } = await withBenchDynamo(() => benchApi(2024));
print(figures);
