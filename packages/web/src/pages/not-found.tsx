import { useI18n } from '../i18n/i18n';
import { Link } from '../routing/router';
import { usePageTitle } from '../ui/page-title';

/** One page for "does not exist" and "not yours": telling them apart would confirm that a foreign id exists. */
export function NotFoundPage() {
  const { t } = useI18n();
  usePageTitle(t.notFound.title);
  return (
    <section>
      <h1 className="ds-heading" data-size="lg">
        {t.notFound.title}
      </h1>
      <p>{t.notFound.body}</p>
      <p>
        <Link href="/" className="ds-link">
          {t.notFound.home}
        </Link>
      </p>
    </section>
  );
}
