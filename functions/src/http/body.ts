import { notJson, payloadTooLarge, unsupportedMediaType } from '@crux/api/errors';
import type { AppError } from '@crux/domain/errors';
import { validationError } from '@crux/domain/validation';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

export const MAX_BODY_BYTES = 64 * 1024;

const invalidUtf8 = (): AppError =>
  validationError([
    {
      field: '(body)',
      rule: 'utf8',
      message: { nb: 'Innholdet må være gyldig UTF-8-tekst.', en: 'The body must be valid UTF-8 text.' },
    },
  ]);

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * A write's body as JSON: at most 64 KB, sent as application/json, valid UTF-8 (bytes that are not
 * arrive base64-encoded and are refused here, never stored as U+FFFD), and parseable.
 */
export function readJsonBody(
  event: APIGatewayProxyEventV2,
): { ok: true; body: unknown } | { ok: false; error: AppError } {
  const bytes =
    event.body === undefined
      ? Buffer.alloc(0)
      : Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8');
  if (bytes.length > MAX_BODY_BYTES) return { ok: false, error: payloadTooLarge() };
  if (!/^application\/json\s*(;|$)/i.test(event.headers['content-type'] ?? '')) {
    return { ok: false, error: unsupportedMediaType() };
  }
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    return { ok: false, error: invalidUtf8() };
  }
  try {
    return { ok: true, body: JSON.parse(text) };
  } catch {
    return { ok: false, error: notJson() };
  }
}
