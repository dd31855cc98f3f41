import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { repoRoot } from '../infra/lib/bundling';
import type { Figure } from './measure';

const dist = join(repoRoot, 'packages/web/dist');
const KB = 1024;

const gz = (file: string) => gzipSync(readFileSync(join(dist, file))).length;

/** The JavaScript a page of the build loads: its entry and what it preloads. */
const scriptsOf = (page: string) =>
  [...readFileSync(join(dist, page), 'utf8').matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map(
    (m) => m[1] as string,
  );

/**
 * The JavaScript the first page loads, all of it, and the survey's answer page's (svar.html, its own
 * entry: opened on participants' own, often old, phones, issue 14).
 */
export function benchWebSize(): Figure[] {
  const first = scriptsOf('index.html');
  const answer = scriptsOf('svar.html');
  const answerKb = answer.reduce((sum, f) => sum + gz(f), 0) / KB;
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
    {
      id: 'web.answer-page-js',
      label: 'Survey answer page: JavaScript (gzip)',
      value: Math.round(answerKb * 10) / 10,
      unit: 'KB',
      target: '≤ 50 KB',
      pass: answerKb <= 50,
      detail: { files: answer.join(', ') },
    },
  ];
}
