import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** Reads a number as the page writes it ("3 643", "54 (30)" → 3643, 54). */
export function leadingNumber(text: string): number {
  const match = /^-?[\d\s\u00a0\u202f]+/.exec(text.trim());
  if (!match) throw new Error(`no number in "${text}"`);
  return Number(match[0].replace(/[\s\u00a0\u202f]/g, ''));
}

/**
 * The innerText of each element `elements` finds, as a reader sees it: one that reads nothing yet is
 * scrolled into view first, as the reader would scroll to it. A table below the first screen is not rendered until it
 * nears the viewport (`content-visibility: auto` on `.table-scroll`), and until then Chromium gives
 * its cells no innerText. An element that is not shown at all (in a closed <details>) still reads ''.
 */
export function shownTexts(elements: Locator): Promise<string[]> {
  return elements.evaluateAll(async (found) => {
    const texts: string[] = [];
    for (const element of found) {
      const shown = element as HTMLElement;
      if (shown.innerText === '' && shown.textContent?.trim()) {
        shown.scrollIntoView({ block: 'nearest' });
        // Chromium decides what is near the viewport in its next frames, then renders it.
        for (let frame = 0; frame < 3 && shown.innerText === ''; frame++)
          await new Promise((done) => requestAnimationFrame(done));
      }
      texts.push(shown.innerText);
    }
    return texts;
  });
}

/** The text of each cell of a table row whose header cell reads `rowHeader`, in column order. */
export async function rowCells(
  page: Page,
  tableCaption: RegExp | string,
  rowHeader: string,
): Promise<string[]> {
  const table = page.locator('table').filter({ has: page.locator('caption', { hasText: tableCaption }) });
  const row = table.locator('tr').filter({ has: page.locator('th', { hasText: rowHeader }) });
  return shownTexts(row.locator('td'));
}

/** The I dag page's figures: [today/the chosen day, the month] for one kind, by its catalogue name. */
export async function todayFigures(page: Page, kind: string): Promise<{ day: number; month: number }> {
  const row = page
    .locator('table tr')
    .filter({ has: page.getByRole('rowheader', { name: kind, exact: true }) });
  await row.waitFor();
  const [day, month] = await shownTexts(row.locator('td'));
  return { day: leadingNumber(day ?? ''), month: leadingNumber(month ?? '') };
}

/** Whether the focused element shows a focus indicator (outline or ring), the WCAG 2.4.7 check. */
export async function focusIsVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return false;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0;
    return outline || style.boxShadow !== 'none';
  });
}

/** Tabs forward until `matches` holds for the focused element; every stop must show its focus. */
export async function tabTo(
  page: Page,
  describe: string,
  matches: (el: { label: string; text: string; tag: string }) => boolean,
  maxStops = 40,
): Promise<void> {
  for (let i = 0; i < maxStops; i++) {
    await page.keyboard.press('Tab');
    const el = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      return {
        label: a?.getAttribute('aria-label') ?? '',
        text: (a?.textContent ?? '').trim(),
        tag: a?.tagName.toLowerCase() ?? '',
      };
    });
    if (!(await focusIsVisible(page)))
      throw new Error(`focus not visible on <${el.tag}> "${el.label || el.text}"`);
    if (matches(el)) return;
  }
  throw new Error(`Tab never reached ${describe}`);
}

/** No sideways scrolling of the page itself at the current viewport (tables scroll in their own box). */
export async function pageOverflowsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

/** Playwright's own `expect` is not in playwright-core: vitest's poll waits for the page instead. */
export const eventually = <T>(read: () => Promise<T> | T) =>
  expect.poll(read, { timeout: 15_000, interval: 100 });

export const isFocused = (locator: Locator) => locator.evaluate((el) => el === document.activeElement);
