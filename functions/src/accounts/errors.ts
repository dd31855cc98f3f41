import type { AppError } from '@crux/domain/errors';

/** A role the caller may not give (a leader making a leader, say): refused before anything is written. */
export const roleNotAllowed = (): AppError => ({
  code: 'forbidden',
  message: {
    nb: 'Du kan ikke opprette eller endre en konto med denne rollen.',
    en: 'You cannot create or change an account with this role.',
  },
  fields: [
    {
      field: 'role',
      rule: 'role_not_allowed',
      message: {
        nb: 'Velg ansatt eller frivillig: de andre rollene gis av andre.',
        en: 'Choose staff or volunteer: the other roles are given by others.',
      },
    },
  ],
});

/** The e-mail address is someone's username already, here or at another centre. */
export const emailInUse = (field: string): AppError => ({
  code: 'conflict',
  message: {
    nb: 'Det finnes allerede en konto med denne e-postadressen.',
    en: 'An account with this e-mail address already exists.',
  },
  fields: [
    {
      field,
      rule: 'unique',
      message: {
        nb: 'Bruk en annen e-postadresse, eller be om at den andre kontoen flyttes.',
        en: 'Use another e-mail address, or ask for the other account to be moved.',
      },
    },
  ],
});

/** The centre has not turned participant sign-in on (its settings): no participant account is made. */
export const participantSignInOff = (): AppError => ({
  code: 'conflict',
  message: {
    nb: 'Senteret har ikke slått på innlogging for deltakere. Lederen kan slå det på under Innstillinger.',
    en: 'The centre has not turned on participant sign-in. The leader can turn it on in Settings.',
  },
  fields: [
    {
      field: 'participantSignIn',
      rule: 'off',
      message: {
        nb: 'Innlogging for deltakere er slått av ved senteret.',
        en: 'Participant sign-in is turned off at the centre.',
      },
    },
  ],
});

/** The participant's follow-up has ended: their plan is closed, so they get no account to it. */
export const participantEnded = (): AppError => ({
  code: 'conflict',
  message: {
    nb: 'Oppfølgingen av deltakeren er avsluttet, så deltakeren kan ikke få tilgang.',
    en: "The participant's follow-up has ended, so they cannot be given access.",
  },
  fields: [
    {
      field: 'participantId',
      rule: 'ended',
      message: { nb: 'Deltakeren er avsluttet.', en: 'The participant has ended.' },
    },
  ],
});

/** The participant has an account already: one account per participant, deactivated or not. */
export const participantHasAccount = (current: unknown): AppError => ({
  code: 'conflict',
  message: {
    nb: 'Deltakeren har allerede en konto.',
    en: 'The participant already has an account.',
  },
  fields: [
    {
      field: 'participantId',
      rule: 'has_account',
      message: {
        nb: 'Deltakeren har allerede tilgang, eller kontoen er deaktivert og kan aktiveres igjen.',
        en: 'The participant already has access, or the account is deactivated and can be reactivated.',
      },
    },
  ],
  current,
});

/**
 * Another request for the participant's account is under way (sent at the same moment, or cut off and
 * not yet sent again): one account per participant, so this one waits for it.
 */
export const participantAccountUnderWay = (): AppError => ({
  code: 'conflict',
  message: {
    nb: 'En annen forespørsel om konto for deltakeren er under behandling. Prøv igjen om litt.',
    en: "Another request for the participant's account is under way. Try again shortly.",
  },
  fields: [
    {
      field: 'participantId',
      rule: 'account_requested',
      message: {
        nb: 'Det er allerede bedt om en konto for deltakeren.',
        en: 'An account has already been requested for the participant.',
      },
    },
  ],
});
