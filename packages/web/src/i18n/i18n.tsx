import type { Text } from '@crux/domain/text';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { applyLanguage, type Language } from './language';
import { en } from './messages-en';
import { type Messages, nb } from './messages-nb';

const messages: Record<Language, Messages> = { nb, en };

type I18n = {
  language: Language;
  t: Messages;
  /** Picks the user's language out of a `{ nb, en }` text from the API. */
  text: (text: Text) => string;
  setLanguage: (language: Language) => void;
};

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ initial, children }: { initial: Language; children: ReactNode }) {
  const [language, setState] = useState(initial);
  const setLanguage = useCallback((next: Language) => {
    applyLanguage(next);
    setState(next);
  }, []);
  const value = useMemo<I18n>(
    () => ({ language, t: messages[language], text: (text) => text[language], setLanguage }),
    [language, setLanguage],
  );
  return <I18nContext value={value}>{children}</I18nContext>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}
