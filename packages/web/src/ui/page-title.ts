import { useEffect } from 'react';
import { useI18n } from '../i18n/i18n';

/** Each page names itself in the tab, the first thing a screen reader says after a navigation. */
export function usePageTitle(title: string): void {
  const { t } = useI18n();
  useEffect(() => {
    document.title = `${title} – ${t.appName}`;
  }, [title, t]);
}
