import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Credentials, nextTotpCode, signInWithPassword } from '@crux/local/idp/sign-in-flow';
import { CLIENT_ID, type Runtime, startRuntime } from '@crux/local/runtime';
import { navigation } from 'lighthouse';
import type { Browser, Page } from 'puppeteer-core';
import { repoRoot } from '../infra/lib/bundling';
import { SESSION_KEY } from '../packages/web/src/auth/session';
import { LANGUAGE_KEY, type Language, languages } from '../packages/web/src/i18n/language';
import { launchAuditBrowser } from './lighthouse-browser';
import { debugReport, runFailure } from './lighthouse-report';
import { type Figure, median, progress } from './measure';

const dist = join(repoRoot, 'packages/web/dist');
/** Three runs each; BENCH_LIGHTHOUSE_RUNS asks for more when comparing two builds of the client. */
const RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);

/**
 * Every page of the client that exists today. `path` may depend on the signed-in page (a participant's
 * id is read from the list, as a person would click it).
 */
type Audited = {
  id: string;
  label: string;
  user?: string;
  path: (page: Page, base: string) => Promise<string>;
};

const at = (path: string) => async () => path;
const STAFF = 'ansatt.ovre-eiker';
const CENTRE = '/senter/ovre-eiker';

/** The first participant in the staff's list, as a person would click it. */
async function firstParticipant(page: Page, base: string): Promise<string> {
  await page.goto(`${base}${CENTRE}/deltakere`);
  const link = await page.waitForSelector(`table a[href^="${CENTRE}/deltakere/"]`);
  const href = await link?.evaluate((a) => a.getAttribute('href'));
  if (!href) throw new Error('the demo data has no participant at Øvre Eiker');
  return href;
}

const pages: Audited[] = [
  { id: 'sign-in', label: 'sign-in page', path: at('/') },
  { id: 'today', label: 'I dag (staff)', user: STAFF, path: at(`${CENTRE}/i-dag`) },
  { id: 'participants', label: 'participants (staff)', user: STAFF, path: at(`${CENTRE}/deltakere`) },
  { id: 'participant', label: 'one participant (staff)', user: STAFF, path: firstParticipant },
  {
    id: 'plan',
    label: 'Arbeidshjulet and the plan (staff)',
    user: STAFF,
    path: async (page, base) => `${await firstParticipant(page, base)}/hjul`,
  },
  {
    id: 'partner-plan',
    label: 'the plan for partners (staff)',
    user: STAFF,
    path: async (page, base) => `${await firstParticipant(page, base)}/samarbeidsplan`,
  },
  {
    id: 'participant-new',
    label: 'new participant (staff)',
    user: STAFF,
    path: at(`${CENTRE}/deltakere/ny`),
  },
  // The survey's answer page, as a participant opens it from a slip: no sign-in, its own small entry.
  { id: 'answer', label: 'survey answer page (participant)', path: at('/svar.html#senter=ovre-eiker') },
  { id: 'head-office', label: 'head office', user: 'hovedkontor', path: at('/hovedkontor') },
  {
    id: 'network',
    label: 'experience network',
    user: 'erfaringsnettverket',
    path: at('/erfaringsnettverket'),
  },
];

/**
 * The answer page with its questions to fill in, as a participant meets it: the demo's only round (2024)
 * is closed, so Øvre Eiker's leader opens this year's with the newest published version first.
 */
async function openAnswerRound(runtime: Runtime): Promise<void> {
  const client = { baseUrl: runtime.url, clientId: CLIENT_ID, redirectUri: `${runtime.url}/auth/callback` };
  const { accessToken } = await signInWithPassword(client, 'leder.ovre-eiker', runtime.demoCredentials);
  const call = (method: string, path: string, body?: unknown) =>
    fetch(`${runtime.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${accessToken}`,
        'content-type': 'application/json',
        'idempotency-key': crypto.randomUUID(),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
  const { published } = (await (await call('GET', '/api/catalogue/survey')).json()) as {
    published: { version: number }[];
  };
  const round = { year: new Date().getFullYear(), version: published.at(-1)?.version };
  const opened = await call('POST', '/api/centres/ovre-eiker/survey/rounds', round);
  if (!opened.ok) throw new Error(`opening a survey round answered ${opened.status}`);
}

async function signIn(page: Page, url: string, username: string, credentials: Credentials): Promise<void> {
  await page.goto(url);
  await page.locator('::-p-aria([name="Logg inn"][role="button"])').click();
  await page.waitForSelector('#username');
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(credentials.password);
  await Promise.all([page.waitForNavigation(), page.locator('button[type="submit"]').click()]);
  // Roles that read participant data have TOTP (issue 11): the provider's code step, as a user's app would.
  if ((await page.$('input[name="code"]')) && credentials.totpSecret) {
    await page.locator('input[name="code"]').fill(await nextTotpCode(url, username, credentials.totpSecret));
    await Promise.all([page.waitForNavigation(), page.locator('button[type="submit"]').click()]);
  }
  await page.locator('::-p-aria([name="Logg ut"][role="button"])').wait();
}

type Run = {
  performance: number;
  accessibility: number;
  finalUrl: string | undefined;
  /** Lighthouse could not measure the run (its runtimeError, or a metric it could not compute). */
  failure?: string;
};

/**
 * Each user signs in once through the provider's pages (password, then TOTP) and the session is handed to
 * every audit's fresh tab, as the tab the user signed in from would have it: a TOTP code is good once per
 * 30-second step, so signing in before each of sixty audits would spend most of the bench waiting. A
 * session is reused for ten minutes, well inside the access token's fifteen, so no audit meets a refresh.
 */
const SESSION_REUSE_MS = 10 * 60_000;
const sessions = new Map<string, { stored: string; at: number }>();

async function sessionOf(browser: Browser, base: string, user: string, credentials: Credentials) {
  const kept = sessions.get(user);
  if (kept && Date.now() - kept.at < SESSION_REUSE_MS) return kept.stored;
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await signIn(page, base, user, credentials);
    const stored = await page.evaluate((key) => sessionStorage.getItem(key), SESSION_KEY);
    if (!stored) throw new Error(`signing in as ${user} left no session`);
    sessions.set(user, { stored, at: Date.now() });
    return stored;
  } finally {
    await context.close();
  }
}

async function audit(
  browser: Browser,
  base: string,
  credentials: Credentials,
  p: Audited,
  language: Language,
): Promise<Run> {
  const session = p.user ? await sessionOf(browser, base, p.user, credentials) : null;
  // A context of its own: no identity-provider session, cache or draft from the run before.
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    // Before any of the page's scripts, on every document of the site: the language as the client
    // remembers a user's choice, and the signed-in session.
    await page.evaluateOnNewDocument(
      (origin, keys, language, session) => {
        if (location.origin !== origin) return;
        localStorage.setItem(keys.language, language);
        if (session) sessionStorage.setItem(keys.session, session);
      },
      new URL(base).origin,
      { language: LANGUAGE_KEY, session: SESSION_KEY },
      language,
      session,
    );
    // A signed-in user has been on the home page first (where sign-in lands), so its files are cached.
    if (p.user) await page.goto(base, { waitUntil: 'networkidle0' });
    const path = await p.path(page, base);
    const result = await navigation(page, base + path, {
      flags: {
        onlyCategories: ['performance', 'accessibility'],
        disableStorageReset: Boolean(p.user),
        logLevel: 'error',
      },
    });
    const lhr = result?.lhr;
    if (process.env.BENCH_LIGHTHOUSE_DEBUG && lhr) debugReport(`${p.id} ${language}`, lhr);
    if (process.env.BENCH_LIGHTHOUSE_SAVE && lhr) {
      const file = `${p.id}-${language}-${Date.now()}.json`;
      writeFileSync(join(process.env.BENCH_LIGHTHOUSE_SAVE, file), JSON.stringify(lhr));
      const trace = (result?.artifacts as { Trace?: unknown } | undefined)?.Trace;
      if (trace)
        writeFileSync(join(process.env.BENCH_LIGHTHOUSE_SAVE, `trace-${file}`), JSON.stringify(trace));
    }
    // The page must have been drawn in the language audited, not fallen back to bokmål.
    const drawnIn = await page.evaluate(() => document.documentElement.lang);
    if (drawnIn !== language) throw new Error(`${p.id} was drawn in ${drawnIn}, not ${language}`);
    return {
      failure: runFailure(lhr),
      performance: Math.round((lhr?.categories.performance?.score ?? 0) * 100),
      accessibility: Math.round((lhr?.categories.accessibility?.score ?? 0) * 100),
      finalUrl: lhr?.finalDisplayedUrl?.replace(base, ''),
    };
  } finally {
    await context.close();
  }
}

/** The pages and languages `only` names: `today` audits both languages, `today:en` English alone. */
function selected(only: string[] | undefined): { page: Audited; language: Language }[] {
  return pages.flatMap((page) =>
    languages
      .filter((language) => !only || only.includes(page.id) || only.includes(`${page.id}:${language}`))
      .map((language) => ({ page, language })),
  );
}

/** Bokmål keeps the ids the bench has always had; English has its own. */
const figureId = (page: Audited, language: Language) => (language === 'nb' ? page.id : `${page.id}-en`);

/**
 * Lighthouse (default mobile settings, simulated throttling) on every page of the client in both
 * languages, three runs each, in Debian's Chromium against the embedded runtime; the figure is the
 * median, so one lucky run cannot carry it. Signed-in pages get the session in sessionStorage, where
 * the client keeps it, as a tab the user signed in from would have it.
 */
export async function benchLighthouse(only?: string[]): Promise<Figure[]> {
  progress('starting the embedded runtime for Lighthouse');
  const runtime = await startRuntime({ port: 0, inMemory: true, seedDemo: true, webDist: dist });
  const { browser, close } = await launchAuditBrowser();
  const figures: Figure[] = [];
  const started = Date.now();
  try {
    // A first load starts Chromium's own caches and the runtime's compressed files: what follows is
    // measured as every later visitor meets it, not as the very first request after a restart.
    const warm = await browser.createBrowserContext();
    await (await warm.newPage()).goto(runtime.url, { waitUntil: 'networkidle0' });
    await warm.close();
    const audited = selected(only);
    if (audited.some((a) => a.page.id === 'answer')) await openAnswerRound(runtime);
    for (const { page: p, language } of audited) {
      const runs: Run[] = [];
      const failures: string[] = [];
      const label = language === 'nb' ? p.label : `${p.label}, in English`;
      // A run Lighthouse could not measure is no measurement (it scores 0): it is reported, and run again,
      // at most twice per page, so the median is of runs that measured the page.
      while (runs.length < RUNS && failures.length <= 2) {
        progress(`Lighthouse: ${label}, run ${runs.length + 1} of ${RUNS}`);
        const run = await audit(browser, runtime.url, runtime.demoCredentials, p, language);
        if (run.failure) {
          progress(`Lighthouse: ${label}: not measured (${run.failure}), run again`);
          failures.push(run.failure);
        } else runs.push(run);
      }
      const performance = median(runs.map((r) => r.performance));
      const accessibility = median(runs.map((r) => r.accessibility));
      const id = figureId(p, language);
      figures.push(
        {
          id: `lighthouse.${id}.performance`,
          label: `Lighthouse performance: ${label} (median of ${RUNS})`,
          value: performance,
          unit: '',
          target: '≥ 95',
          pass: performance >= 95 && runs.length === RUNS,
          detail: {
            runs: runs.map((r) => r.performance),
            finalUrl: runs[0]?.finalUrl,
            ...(failures.length ? { notMeasured: failures } : {}),
          },
        },
        {
          id: `lighthouse.${id}.accessibility`,
          label: `Lighthouse accessibility: ${label} (median of ${RUNS})`,
          value: accessibility,
          unit: '',
          target: '100',
          pass: accessibility === 100,
          detail: { runs: runs.map((r) => r.accessibility) },
        },
      );
    }
    progress(
      `Lighthouse: ${audited.length} page-languages in ${Math.round((Date.now() - started) / 1000)} s`,
    );
  } finally {
    await close();
    await runtime.stop();
  }
  return figures;
}
