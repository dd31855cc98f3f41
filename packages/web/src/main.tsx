import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { loadConfig } from './config';
import { I18nProvider } from './i18n/i18n';
import { applyLanguage, storedLanguage } from './i18n/language';
import { RouterProvider } from './routing/router';
import './styles.css';

const language = storedLanguage();
applyLanguage(language);

const root = document.getElementById('root');
if (root) {
  loadConfig().then((config) => {
    createRoot(root).render(
      <StrictMode>
        <I18nProvider initial={language}>
          <RouterProvider>
            <App config={config} />
          </RouterProvider>
        </I18nProvider>
      </StrictMode>,
    );
  });
}
