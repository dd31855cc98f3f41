import { IDEMPOTENCY_HEADER } from '@crux/api/headers';
import type { AppError } from '@crux/domain/errors';
import { isExpired, type Session } from '../auth/session';
import type { RuntimeConfig } from '../config';
import { takeReadAhead } from './read-ahead';

/**
 * Every call the client makes to the API. Failures are values, split the way the user needs them:
 * the network (keep the form, offer to try again), an expired session (sign in again, drafts kept),
 * or an answer from the API (show its message and field errors).
 */
export type ApiFailure =
  | { kind: 'network' }
  | { kind: 'expired' }
  /** `error` is null when the answer was not the API's error shape (a proxy's 502, say). */
  | { kind: 'http'; status: number; error: AppError | null };
export type ApiResult<T> = { ok: true; value: T } | { ok: false; failure: ApiFailure };

type Options = {
  body?: unknown;
  idempotencyKey?: string;
  query?: Record<string, string | number | undefined>;
  /** The answer is a file, not JSON. */
  file?: boolean;
};

export type Api = {
  get: <T>(path: string, query?: Options['query']) => Promise<ApiResult<T>>;
  post: <T>(path: string, body: unknown, idempotencyKey: string) => Promise<ApiResult<T>>;
  put: <T>(path: string, body: unknown) => Promise<ApiResult<T>>;
  delete: (path: string, query?: Options['query']) => Promise<ApiResult<undefined>>;
  /** A file the API answers (a report): its bytes, to save under the name it gives. */
  file: (path: string, query?: Options['query']) => Promise<ApiResult<Blob>>;
};

function isAppError(value: unknown): value is AppError {
  if (typeof value !== 'object' || value === null) return false;
  const { code, message } = value as Partial<AppError>;
  return typeof code === 'string' && typeof message?.nb === 'string' && typeof message.en === 'string';
}

export function createApi(
  config: RuntimeConfig,
  getSession: () => Session | null,
  onExpired: () => void,
  refresh: () => Promise<Session | null>,
): Api {
  async function request<T>(method: string, path: string, options: Options = {}): Promise<ApiResult<T>> {
    let session = getSession();
    // Normally renewed ahead of time (app.tsx); a tab asleep past the expiry renews here.
    if (session && isExpired(session)) session = await refresh();
    if (!session || isExpired(session)) {
      onExpired();
      return { ok: false, failure: { kind: 'expired' } };
    }
    const url = new URL(`${config.apiBase}${path}`, location.origin);
    for (const [key, value] of Object.entries(options.query ?? {})) {
      if (value !== undefined && value !== '') url.searchParams.set(key, String(value));
    }
    const headers: Record<string, string> = { authorization: `Bearer ${session.accessToken}` };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.idempotencyKey) headers[IDEMPOTENCY_HEADER] = options.idempotencyKey;
    let response: Response;
    try {
      const early = method === 'GET' ? takeReadAhead(url.href, session.accessToken) : undefined;
      response = await (early ??
        fetch(url, {
          method,
          headers,
          ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
        }));
    } catch {
      return { ok: false, failure: { kind: 'network' } };
    }
    if (response.status === 401) {
      onExpired();
      return { ok: false, failure: { kind: 'expired' } };
    }
    let payload: unknown;
    try {
      if (options.file && response.ok) return { ok: true, value: (await response.blob()) as T };
      payload = response.status === 204 ? undefined : await response.json();
    } catch {
      if (response.ok) return { ok: false, failure: { kind: 'network' } };
      payload = undefined;
    }
    if (response.ok) return { ok: true, value: payload as T };
    const error = (payload as { error?: unknown } | undefined)?.error;
    return {
      ok: false,
      failure: { kind: 'http', status: response.status, error: isAppError(error) ? error : null },
    };
  }
  return {
    get: (path, query) => request('GET', path, { query }),
    post: (path, body, idempotencyKey) => request('POST', path, { body, idempotencyKey }),
    put: (path, body) => request('PUT', path, { body }),
    delete: (path, query) => request('DELETE', path, { query }),
    file: (path, query) => request('GET', path, { query, file: true }),
  };
}
