import { useI18n } from '../i18n/i18n';

/** Prints the page: the reports a leader hands to a person on paper. Itself left off the paper. */
export function PrintButton() {
  const { t } = useI18n();
  return (
    <button type="button" className="ds-button" data-variant="secondary" onClick={() => window.print()}>
      {t.print}
    </button>
  );
}
