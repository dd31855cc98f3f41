export type Locale = 'nb' | 'en';

/** Bokmål unless the client asked for English first (`ui_locales` is a space-separated preference list). */
export function localeFrom(uiLocales: string | null | undefined): Locale {
  for (const tag of (uiLocales ?? '').toLowerCase().split(/\s+/)) {
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
    if (tag === 'nb' || tag === 'no' || tag === 'nn' || tag.startsWith('nb-') || tag.startsWith('no-'))
      return 'nb';
  }
  return 'nb';
}

export const texts = {
  nb: {
    title: 'Logg inn',
    service: 'CRUX oppfølgingssentre',
    intro: 'Logg inn med brukernavnet og passordet du har fått.',
    username: 'Brukernavn',
    password: 'Passord',
    submit: 'Logg inn',
    errorSummary: 'Du må rette dette før du kan logge inn:',
    usernameRequired: 'Skriv inn brukernavnet ditt.',
    passwordRequired: 'Skriv inn passordet ditt.',
    wrongCredentials: 'Brukernavnet eller passordet er feil. Prøv igjen.',
    throttled: 'For mange mislykkede forsøk. Vent ett minutt og prøv igjen.',
    expired: 'Innloggingen tok for lang tid. Gå tilbake til tjenesten og start på nytt.',
    otherLanguage: 'English',
    localNotice: 'Lokal testinnlogging. Bruk bare demodata her.',
    errorTitle: 'Innloggingen kan ikke fortsette',
    badClient:
      'Tjenesten som sendte deg hit er ikke registrert, eller adressen den vil sende deg tilbake til er ikke godkjent.',
    signedOut: 'Du er logget ut.',
  },
  en: {
    title: 'Sign in',
    service: 'CRUX follow-up centres',
    intro: 'Sign in with the username and password you were given.',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    errorSummary: 'Fix the following before you can sign in:',
    usernameRequired: 'Enter your username.',
    passwordRequired: 'Enter your password.',
    wrongCredentials: 'The username or password is wrong. Try again.',
    throttled: 'Too many failed attempts. Wait a minute and try again.',
    expired: 'Signing in took too long. Go back to the service and start again.',
    otherLanguage: 'Norsk (bokmål)',
    localNotice: 'Local test sign-in. Use demo data only.',
    errorTitle: 'Sign-in cannot continue',
    badClient:
      'The service that sent you here is not registered, or the address it wants to send you back to is not allowed.',
    signedOut: 'You are signed out.',
  },
} as const satisfies Record<Locale, Record<string, string>>;

export type Texts = (typeof texts)[Locale];
