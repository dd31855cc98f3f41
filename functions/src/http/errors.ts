import type { AppError } from '@crux/domain/errors';
import { validationError } from '@crux/domain/validation';

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

export const notJson = (): AppError =>
  validationError([
    {
      field: '(body)',
      rule: 'json',
      message: { nb: 'Innholdet må være gyldig JSON.', en: 'The body must be valid JSON.' },
    },
  ]);

export const unsupportedMediaType = (): AppError => ({
  code: 'unsupported_media_type',
  message: {
    nb: 'Innholdet må sendes som application/json.',
    en: 'The body must be sent as application/json.',
  },
});

export const payloadTooLarge = (): AppError => ({
  code: 'payload_too_large',
  message: { nb: 'Innholdet er for stort.', en: 'The body is too large.' },
});

export const internalError = (): AppError => ({
  code: 'internal',
  message: {
    nb: 'Noe gikk galt hos oss. Prøv igjen om litt.',
    en: 'Something went wrong on our side. Please try again shortly.',
  },
});
