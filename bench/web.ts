import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { repoRoot } from '../infra/lib/bundling';
import type { Figure } from './measure';

const dist = join(repoRoot, 'packages/web/dist');
const KB = 1024;

const gz = (file: string) => gzipSync(readFileSync(join(dist, file))).length;

/** The JavaScript the first page loads (the entry and what index.html preloads), and all of it. */
export function benchWebSize(): Figure[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const first = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1] as string);
  const all = readdirSync(join(dist, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => `assets/${f}`);
  const firstKb = first.reduce((sum, f) => sum + gz(f), 0) / KB;
  const totalKb = all.reduce((sum, f) => sum + gz(f), 0) / KB;
  return [
    {
      id: 'web.first-page-js',
      label: 'Web client: JavaScript for the first page (gzip)',
      value: Math.round(firstKb * 10) / 10,
      unit: 'KB',
      target: '≤ 100 KB',
      pass: firstKb <= 100,
      detail: { files: first.join(', ') },
    },
    {
      id: 'web.total-js',
      label: 'Web client: all JavaScript (gzip)',
      value: Math.round(totalKb * 10) / 10,
      unit: 'KB',
      target: '≤ 350 KB',
      pass: totalKb <= 350,
      detail: { files: all.length },
    },
  ];
}
