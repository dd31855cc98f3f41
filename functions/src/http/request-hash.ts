import { createHash } from 'node:crypto';

/** What a request asked for, so a reused idempotency key with another request is told apart from a retry. */
export function requestHash(method: string, path: string, body: string | undefined): string {
  return createHash('sha256')
    .update(`${method} ${path}\n${body ?? ''}`)
    .digest('base64url');
}
