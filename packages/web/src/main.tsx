import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { readAhead } from './api/read-ahead';
import { firstReads } from './api/reads';
import { App } from './app';
import { isExpired, loadSession } from './auth/session';
import { loadConfig } from './config';
import { I18nProvider } from './i18n/i18n';
import { applyLanguage, storedLanguage } from './i18n/language';
import { mayOpen } from './routing/access';
import { preloadPage } from './routing/pages';
import { matchPath } from './routing/paths';
import { RouterProvider } from './routing/router';
import './styles.css';

const language = storedLanguage();
applyLanguage(language);

const session = loadSession();
const route = matchPath(location.pathname);
const opening = session && !isExpired(session) && mayOpen(session.claims, route) ? session : null;

/**
 * A signed-in user's page is asked for alongside config.json rather than after it, and the first render
 * waits for both: one round trip instead of two, and the page is drawn whole, not a spinner first. The
 * page's own reads are asked for as soon as config.json has come (read-ahead.ts).
 */
const config = loadConfig().then((loaded) => {
  if (loaded && opening) readAhead(loaded, opening, firstReads(route));
  return loaded;
});
const firstPage = opening ? preloadPage(route).catch(() => undefined) : Promise.resolve();

const root = document.getElementById('root');
if (root) {
  Promise.all([config, firstPage]).then(([config]) => {
    // A transition: React draws the first page in slices of a few milliseconds, never one long task.
    startTransition(() =>
      createRoot(root).render(
        <StrictMode>
          <I18nProvider initial={language}>
            <RouterProvider>
              <App config={config} />
            </RouterProvider>
          </I18nProvider>
        </StrictMode>,
      ),
    );
  });
}
