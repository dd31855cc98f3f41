import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startRuntime } from '@crux/local/runtime';
import { navigation } from 'lighthouse';
import puppeteer, { type Page } from 'puppeteer-core';
import { repoRoot } from '../infra/lib/bundling';
import { CHROMIUM, chromiumArgs } from '../test/browser/support/browser';
import { type Figure, progress } from './measure';

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
      target: '≤ 150 KB',
      pass: firstKb <= 150,
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

async function signIn(page: Page, url: string, username: string, password: string): Promise<void> {
  await page.goto(url);
  await page.locator('::-p-aria([name="Logg inn"][role="button"])').click();
  await page.waitForSelector('#username');
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await Promise.all([page.waitForNavigation(), page.locator('button[type="submit"]').click()]);
  await page.locator('::-p-aria([name="Logg ut"][role="button"])').wait();
}

/**
 * Lighthouse (default mobile settings, simulated throttling) on the pages the issue names, in Debian's
 * Chromium against the embedded runtime. Signed-in pages are audited in the same tab the user signed in
 * from, so the session (kept in sessionStorage) is there, as it would be for a person.
 */
export async function benchLighthouse(): Promise<Figure[]> {
  progress('starting the embedded runtime for Lighthouse');
  const runtime = await startRuntime({ port: 0, inMemory: true, seedDemo: true, webDist: dist });
  const browser = await puppeteer.launch({ executablePath: CHROMIUM, args: chromiumArgs });
  const pages = [
    { id: 'sign-in', label: 'sign-in page', user: undefined, path: '/' },
    { id: 'today', label: 'I dag (staff)', user: 'ansatt.ovre-eiker', path: '/senter/ovre-eiker/i-dag' },
    { id: 'head-office', label: 'head office', user: 'hovedkontor', path: '/hovedkontor' },
  ];
  const figures: Figure[] = [];
  try {
    // A first load starts Chromium's own caches and the runtime's compressed files: what follows is
    // measured as every later visitor meets it, not as the very first request after a restart.
    const warm = await browser.createBrowserContext();
    await (await warm.newPage()).goto(runtime.url, { waitUntil: 'networkidle0' });
    await warm.close();
    for (const p of pages) {
      progress(`Lighthouse: ${p.label}`);
      // A context of its own: no identity-provider session from the page before.
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      if (p.user) await signIn(page, runtime.url, p.user, runtime.demoPassword);
      const result = await navigation(page, runtime.url + p.path, {
        flags: {
          onlyCategories: ['performance', 'accessibility'],
          disableStorageReset: Boolean(p.user),
          logLevel: 'error',
        },
      });
      const categories = result?.lhr.categories;
      if (process.env.BENCH_LIGHTHOUSE_DEBUG) {
        const a = result?.lhr.audits ?? {};
        const metrics = [
          'first-contentful-paint',
          'largest-contentful-paint',
          'total-blocking-time',
          'cumulative-layout-shift',
          'speed-index',
          'interactive',
        ];
        progress(
          JSON.stringify({
            page: p.id,
            runtimeError: result?.lhr.runtimeError,
            warnings: result?.lhr.runWarnings,
            metrics: Object.fromEntries(metrics.map((m) => [m, a[m]?.displayValue ?? a[m]?.errorMessage])),
          }),
        );
      }
      const performance = Math.round((categories?.performance?.score ?? 0) * 100);
      const accessibility = Math.round((categories?.accessibility?.score ?? 0) * 100);
      figures.push(
        {
          id: `lighthouse.${p.id}.performance`,
          label: `Lighthouse performance: ${p.label}`,
          value: performance,
          unit: '',
          target: '≥ 95',
          pass: performance >= 95,
          detail: { finalUrl: result?.lhr.finalDisplayedUrl?.replace(runtime.url, '') },
        },
        {
          id: `lighthouse.${p.id}.accessibility`,
          label: `Lighthouse accessibility: ${p.label}`,
          value: accessibility,
          unit: '',
          target: '100',
          pass: accessibility === 100,
        },
      );
      await context.close();
    }
  } finally {
    await browser.close();
    await runtime.stop();
  }
  return figures;
}
