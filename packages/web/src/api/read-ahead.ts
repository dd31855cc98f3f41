import type { Session } from '../auth/session';
import type { RuntimeConfig } from '../config';

/**
 * The first page's reads, asked for as soon as config.json has come instead of after the page's module
 * has come and drawn itself: on the plan pages that was one round trip and the module's evaluation
 * (~80 ms of main thread here, ×4 on a slow phone) before the plan was asked for. Each answer is taken
 * once, by the client's first GET of the same address with the same token, and only while fresh: a read
 * the page did not take (the user went on at once) is never served later in its place.
 */
const FRESH_MS = 10_000;
const ahead = new Map<string, { at: number; response: Promise<Response> }>();

const keyOf = (url: string, token: string) => `${token} ${url}`;

export function readAhead(config: RuntimeConfig, session: Session, paths: string[]): void {
  for (const path of paths) {
    const url = new URL(`${config.apiBase}${path}`, location.origin).href;
    const response = fetch(url, { headers: { authorization: `Bearer ${session.accessToken}` } });
    // Awaited by the client when taken; a read never taken must not report an unhandled rejection.
    response.catch(() => undefined);
    ahead.set(keyOf(url, session.accessToken), { at: Date.now(), response });
  }
}

/** The answer read ahead for this address and token, once; undefined if there is none or it is stale. */
export function takeReadAhead(url: string, token: string): Promise<Response> | undefined {
  const key = keyOf(url, token);
  const read = ahead.get(key);
  ahead.delete(key);
  return read && Date.now() - read.at < FRESH_MS ? read.response : undefined;
}
