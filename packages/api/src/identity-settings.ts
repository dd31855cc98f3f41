/**
 * How the user pool behaves, once: the CDK app configures Cognito with these (infra/lib/identity.ts), the
 * local identity provider copies them (packages/local/src/idp), and the web client plans its refreshes by
 * them. A difference between the two providers that the web client could notice is a path users take in
 * production that is never exercised locally, so nothing here is written twice.
 */
export const tokenLifetimes = {
  /** Short, so a changed role or a deactivated account takes effect within a quarter of an hour. */
  accessTokenSeconds: 15 * 60,
  idTokenSeconds: 15 * 60,
  /** A working day: the web client refreshes its access token with it until the day is over. */
  refreshTokenSeconds: 10 * 60 * 60,
  /**
   * Cognito's managed-login session (its cookie): while it lasts, a new authorize request is answered
   * without asking for the password again. Cognito fixes it at one hour; it cannot be configured.
   */
  signInSessionSeconds: 60 * 60,
  /** Cognito's authorization codes are good for five minutes, and once. */
  authorizationCodeSeconds: 5 * 60,
  /** A new account's first password, sent by e-mail, must be changed within this many days. */
  temporaryPasswordDays: 3,
} as const;

/** What a password must have: Cognito's password policy, and the local provider's new-password check. */
export const passwordPolicy = {
  minLength: 14,
  lowercase: true,
  uppercase: true,
  digits: true,
  symbols: true,
  /** Cognito refuses the last five passwords again. */
  historySize: 5,
} as const;

/**
 * The query parameter Cognito's managed login reads to choose the sign-in page's language (it ignores
 * OpenID Connect's `ui_locales`); the local provider reads the same one.
 */
export const signInLanguageParam = 'lang';

/**
 * The invitation a new account gets, with Cognito's placeholders: `{username}` and `{####}` (the
 * temporary password). Cognito e-mails it; the local provider prints it in the terminal instead.
 */
export const invitation = {
  subject: 'Din konto i CRUX oppfølgingssenter / Your CRUX account',
  body:
    'Hei! Du har fått en konto. Brukernavn: {username}, midlertidig passord: {####}. ' +
    'Du må velge nytt passord og sette opp tofaktor-innlogging første gang du logger inn.\n\n' +
    'Hello! An account has been made for you. Username: {username}, temporary password: {####}. ' +
    'You will choose a new password and set up two-factor sign-in the first time you sign in.',
} as const;
