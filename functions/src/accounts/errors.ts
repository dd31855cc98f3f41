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
