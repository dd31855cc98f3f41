import { existsSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** Headless, and nothing that reaches out to the network by itself (only loopback is reachable here). */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Debian's Chromium, never a downloaded one. Without it the browser tests skip with a message, unless
 * CRUX_REQUIRE_BROWSER=1 (CI), where a missing browser must fail the run instead.
 */
export const chromiumPresent = existsSync(CHROMIUM);
export const browserRequired = process.env.CRUX_REQUIRE_BROWSER === '1';
export const skipBrowser = !chromiumPresent && !browserRequired;

if (skipBrowser) {
  console.warn(
    `[browser tests] skipped: ${CHROMIUM} is missing. Install it with \`apt-get install -y chromium\`; ` +
      'set CRUX_REQUIRE_BROWSER=1 to make its absence fail the run.',
  );
}

export async function launchChromium(): Promise<Browser> {
  if (!chromiumPresent) {
    throw new Error(
      `CRUX_REQUIRE_BROWSER=1 but ${CHROMIUM} is missing: install it with apt-get install -y chromium`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM, args: chromiumArgs });
}

/** A fresh profile per user: no cookie or storage of one person leaks into another's session. */
export function newContext(
  browser: Browser,
  options: { width?: number; height?: number } = {},
): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    locale: 'nb-NO',
    timezoneId: 'Europe/Oslo',
  });
}
