/** Errors of the functions' own rules; the transport's, shared with the local emulator, are in @crux/api/errors. */
import type { AppError } from '@crux/domain/errors';

export const idempotencyKeyMissing = (): AppError => ({
  code: 'idempotency_key_missing',
  message: {
    nb: 'Mangler Idempotency-Key: send en unik nøkkel (8–128 tegn: bokstaver, tall, - og _) med hver ny registrering.',
    en: 'Missing Idempotency-Key: send a unique key (8–128 characters: letters, digits, - and _) with each new write.',
  },
  fields: [
    {
      field: 'Idempotency-Key',
      rule: 'required',
      message: { nb: 'Må sendes med som header.', en: 'Must be sent as a header.' },
    },
  ],
});

export const idempotencyKeyReused = (): AppError => ({
  code: 'idempotency_key_reused',
  message: {
    nb: 'Denne Idempotency-Key er allerede brukt til en annen forespørsel. Bruk en ny nøkkel.',
    en: 'This Idempotency-Key was already used for a different request. Use a new key.',
  },
});

/** A request on personal data whose access-log entry could not be written: it is not answered unlogged. */
export const accessLogUnavailable = (): AppError => ({
  code: 'unavailable',
  message: {
    nb: 'Vi får ikke skrevet tilgangsloggen akkurat nå, så forespørselen ble ikke utført. Prøv igjen om litt.',
    en: 'We cannot write the access log right now, so the request was not carried out. Please try again shortly.',
  },
});
