import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { CHROMIUM, chromiumArgs } from '../test/browser/support/browser';

/**
 * Debian's Chromium for the Lighthouse audits, on a fresh profile whose translate offer is off.
 * Lighthouse's launcher and puppeteer both mean to switch it off (--disable-features=Translate), but
 * Chromium 156 ignores that flag: on every page whose language is not English the browser draws its
 * translate icon, with an animation, and on this 2-core machine that took ~20 ms of the browser process and
 * ~12 ms of the GPU process away from the page during each bokmål load (CPU time per load of a plain text
 * page, 10 loads each, twice: browser/GPU nb 213/34 ms, en 193/20 ms; with the preference off nb 194/21 ms,
 * en 192/16 ms), which Lighthouse's simulation counted as the page's own blocking time. A Norwegian user's
 * browser does not offer to translate Norwegian, so neither does the audited one.
 */
export async function launchAuditBrowser(): Promise<{ browser: Browser; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'crux-lighthouse-'));
  mkdirSync(join(profile, 'Default'));
  writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify({ translate: { enabled: false } }));
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    args: chromiumArgs,
    userDataDir: profile,
  });
  return {
    browser,
    close: async () => {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
