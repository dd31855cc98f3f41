import { useI18n } from '../i18n/i18n';
import { usePageTitle } from '../ui/page-title';

/**
 * Tilgjengelighetserklæring: what was tested and what falls short, as Norwegian public-sector services
 * publish it. Open to everyone, signed in or not, and linked from every page's footer.
 */
export function AccessibilityPage() {
  const { t } = useI18n();
  const a = t.accessibility;
  usePageTitle(a.title);
  return (
    <section className="stack prose">
      <h1 className="ds-heading" data-size="lg">
        {a.title}
      </h1>
      <p>{a.intro}</p>
      <h2 className="ds-heading" data-size="md">
        {a.testedTitle}
      </h2>
      <ul>
        {a.tested.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <h2 className="ds-heading" data-size="md">
        {a.shortTitle}
      </h2>
      <ul>
        {a.short.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <h2 className="ds-heading" data-size="md">
        {a.contactTitle}
      </h2>
      <p>{a.contact}</p>
      <p className="hint">{a.updated}</p>
    </section>
  );
}
