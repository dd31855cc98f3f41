import type { ReactNode } from 'react';

/**
 * A wide table scrolls sideways inside this box at 360 px. Keyboard users must be able to scroll it
 * too (WCAG 2.1.1, axe `scrollable-region-focusable`), so the box takes focus and names itself.
 */
export function ScrollRegion({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard.
    <section className="table-scroll" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </section>
  );
}
