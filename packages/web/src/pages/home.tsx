import { useEffect } from 'react';
import { useApp } from '../app-context';
import { useI18n } from '../i18n/i18n';
import { homeOf } from '../routing/access';
import { useRouter } from '../routing/router';
import { usePageTitle } from '../ui/page-title';

/** `/` sends each role to its first page; roles without one here are told so plainly. */
export function HomePage() {
  const { t } = useI18n();
  const { claims } = useApp();
  const { navigate } = useRouter();
  usePageTitle(t.home.title);
  const home = homeOf(claims);
  useEffect(() => {
    if (home) navigate(home, { replace: true });
  }, [home, navigate]);
  if (home) return null;
  return (
    <section>
      <h1 className="ds-heading" data-size="lg">
        {t.home.title}
      </h1>
      <p>{t.home.nothing}</p>
    </section>
  );
}
