export const languages = ['nb', 'en'] as const;
export type Language = (typeof languages)[number];

/** Where the client remembers the choice (the bench sets it to audit each page in both languages). */
export const LANGUAGE_KEY = 'crux.language';

function isLanguage(value: unknown): value is Language {
  return (languages as readonly unknown[]).includes(value);
}

/** Bokmål unless the user chose English earlier on this device. */
export function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(LANGUAGE_KEY);
    return isLanguage(value) ? value : 'nb';
  } catch {
    return 'nb';
  }
}

/** Screen readers pick their voice from `<html lang>`, so it must follow every switch. */
export function applyLanguage(language: Language): void {
  document.documentElement.lang = language;
  try {
    localStorage.setItem(LANGUAGE_KEY, language);
  } catch {
    // A browser that refuses storage still gets the language for this visit.
  }
}
