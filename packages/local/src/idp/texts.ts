export type Locale = 'nb' | 'en';

/**
 * Bokmål unless the client asked for English: read from `lang`, the parameter Cognito's managed login
 * reads (a language tag; a space-separated list is taken in order).
 */
export function localeFrom(lang: string | null | undefined): Locale {
  for (const tag of (lang ?? '').toLowerCase().split(/\s+/)) {
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
    disabled: 'Kontoen er deaktivert. Kontakt lederen ved senteret.',
    temporaryExpired:
      'Det midlertidige passordet er utløpt. Be lederen ved senteret (eller administratoren) om en ny invitasjon.',
    newPasswordTitle: 'Velg nytt passord',
    newPasswordIntro:
      'Du logger inn for første gang. Velg et eget passord i stedet for det du fikk tilsendt.',
    newPassword: 'Nytt passord',
    confirmPassword: 'Gjenta nytt passord',
    passwordRules: 'Minst 14 tegn, med stor og liten bokstav, tall og et spesialtegn.',
    newPasswordRequired: 'Skriv inn et nytt passord.',
    passwordWeak: 'Passordet må ha minst 14 tegn, med stor og liten bokstav, tall og et spesialtegn.',
    passwordMismatch: 'Passordene er ikke like. Skriv det samme passordet to ganger.',
    passwordSame: 'Velg et annet passord enn det midlertidige.',
    setPassword: 'Lagre passord',
    totpSetupTitle: 'Sett opp tofaktor-innlogging',
    totpSetupIntro:
      'Hver gang du logger inn, trenger du en kode fra en autentiseringsapp på telefonen (for eksempel Microsoft Authenticator eller Google Authenticator).',
    totpSetupScan: '1. Skann QR-koden med appen, eller skriv inn nøkkelen under.',
    totpSetupKey: 'Nøkkel',
    totpSetupEnter: '2. Skriv inn den sekssifrede koden appen viser.',
    totpTitle: 'Skriv inn koden',
    totpIntro: 'Åpne autentiseringsappen og skriv inn den sekssifrede koden for CRUX.',
    code: 'Kode fra appen',
    codeHint: '6 sifre',
    codeRequired: 'Skriv inn koden fra appen.',
    codeWrong: 'Koden er feil eller allerede brukt. Vent på neste kode i appen og prøv igjen.',
    confirm: 'Bekreft',
    qrLabel: 'QR-kode for autentiseringsappen',
    demoCodes: 'Demobrukere: `npm run code` viser koden.',
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
    disabled: 'This account is deactivated. Contact your centre leader.',
    temporaryExpired:
      'The temporary password has expired. Ask your centre leader (or the administrator) for a new invitation.',
    newPasswordTitle: 'Choose a new password',
    newPasswordIntro:
      'You are signing in for the first time. Choose a password of your own instead of the one you were sent.',
    newPassword: 'New password',
    confirmPassword: 'Repeat the new password',
    passwordRules: 'At least 14 characters, with upper- and lower-case letters, a digit and a symbol.',
    newPasswordRequired: 'Enter a new password.',
    passwordWeak:
      'The password needs at least 14 characters, with upper- and lower-case letters, a digit and a symbol.',
    passwordMismatch: 'The passwords differ. Type the same password twice.',
    passwordSame: 'Choose a password other than the temporary one.',
    setPassword: 'Save password',
    totpSetupTitle: 'Set up two-factor sign-in',
    totpSetupIntro:
      'Each time you sign in, you will need a code from an authenticator app on your phone (for example Microsoft Authenticator or Google Authenticator).',
    totpSetupScan: '1. Scan the QR code with the app, or type in the key below.',
    totpSetupKey: 'Key',
    totpSetupEnter: '2. Enter the six-digit code the app shows.',
    totpTitle: 'Enter your code',
    totpIntro: 'Open your authenticator app and enter the six-digit code for CRUX.',
    code: 'Code from the app',
    codeHint: '6 digits',
    codeRequired: 'Enter the code from the app.',
    codeWrong: 'The code is wrong or already used. Wait for the next code in the app and try again.',
    confirm: 'Confirm',
    qrLabel: 'QR code for the authenticator app',
    demoCodes: 'Demo users: `npm run code` shows the code.',
  },
} as const satisfies Record<Locale, Record<string, string>>;

export type Texts = (typeof texts)[Locale];
