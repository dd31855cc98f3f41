import type { IncomingMessage, ServerResponse } from 'node:http';
import { apiHeaders, errorAnswer, payloadTooLarge, requestTimeout } from '@crux/api/errors';
import type { AppError } from '@crux/domain/errors';

export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`request body larger than ${limit} bytes`);
  }
}

/** The body stopped arriving (fewer bytes than its Content-Length, or a chunked body never ended). */
export class BodyIncomplete extends Error {
  constructor(readonly idleMs: number) {
    super(`no part of the request body arrived for ${idleMs} ms`);
  }
}

/**
 * How long the body may stall. On loopback a whole 64 KB body arrives in milliseconds; a client that
 * declared more than it sends would otherwise hold the request open until Node's 300 s request timeout.
 */
export const BODY_IDLE_MS = 3_000;

/**
 * Reads the whole body, refusing more than `limit` bytes as soon as they arrive instead of buffering
 * whatever a client sends, and giving up when it stalls for `idleMs`.
 */
export function readBody(req: IncomingMessage, limit: number, idleMs = BODY_IDLE_MS): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(new BodyTooLarge(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const timer = setTimeout(() => finish(new BodyIncomplete(idleMs)), idleMs);
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) return finish(new BodyTooLarge(limit));
      chunks.push(chunk);
      timer.refresh();
    };
    const onEnd = () => finish(Buffer.concat(chunks));
    const finish = (outcome: Buffer | Error) => {
      clearTimeout(timer);
      req.off('data', onData).off('end', onEnd).off('error', finish);
      if (outcome instanceof Error) {
        // Whatever else arrives is not read: the answer closes the connection.
        req.pause();
        reject(outcome);
      } else resolve(outcome);
    };
    req.on('data', onData).on('end', onEnd).on('error', finish);
  });
}

/**
 * The body of an API request, or undefined after answering 413 or 408 in the API's error shape. The
 * connection is closed after such an answer, since the rest of the body is left unread.
 */
export async function readApiBody(
  req: IncomingMessage,
  res: ServerResponse,
  limit: number,
): Promise<Buffer | undefined> {
  try {
    return await readBody(req, limit);
  } catch (e) {
    const close = { connection: 'close' };
    if (e instanceof BodyTooLarge) return void sendError(res, payloadTooLarge(), close);
    if (e instanceof BodyIncomplete) return void sendError(res, requestTimeout(), close);
    throw e;
  }
}

function sendJsonText(res: ServerResponse, status: number, text: string, headers: Record<string, string>) {
  res.writeHead(status, {
    ...apiHeaders,
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  sendJsonText(res, status, JSON.stringify(body), headers);
}

/** An error in the API's one shape, `{"error": …}`, with its status and (for 503) Retry-After. */
export function sendError(res: ServerResponse, error: AppError, headers: Record<string, string> = {}): void {
  const answer = errorAnswer(error);
  sendJsonText(res, answer.status, answer.body, { ...answer.headers, ...headers });
}

export function redirect(res: ServerResponse, location: string, headers: Record<string, string> = {}): void {
  res.writeHead(302, { location, 'cache-control': 'no-store', ...headers });
  res.end();
}

/** Cookies of the request by name; a malformed pair is skipped rather than failing the request. */
export function cookies(req: IncomingMessage): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 1) continue;
    try {
      out.set(part.slice(0, eq).trim(), decodeURIComponent(part.slice(eq + 1).trim()));
    } catch {
      // A cookie another app on this host set with a bad encoding is none of ours.
    }
  }
  return out;
}
