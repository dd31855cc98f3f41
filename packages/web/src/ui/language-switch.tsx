import { useI18n } from '../i18n/i18n';

/** Names the other language in that language, marked with its `lang` so it is read with the right voice. */
export function LanguageSwitch() {
  const { t, setLanguage } = useI18n();
  const target = t.language.switchToLang as 'nb' | 'en';
  return (
    <button
      type="button"
      className="ds-button"
      data-variant="tertiary"
      data-size="sm"
      lang={target}
      onClick={() => setLanguage(target)}
    >
      {t.language.switchTo}
    </button>
  );
}
