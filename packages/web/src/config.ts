/**
 * Settings the app reads at start from `/config.json`, so one build serves the local runtime and every
 * AWS stage. `logoutUrl` is for Cognito, whose discovery document has no end_session_endpoint.
 */
export type RuntimeConfig = {
  authority: string;
  clientId: string;
  /** The origin the route table's paths (`/api/…`) are appended to: '' for this origin. */
  apiBase: string;
  logoutUrl?: string;
};

function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** '' (this origin: CloudFront, or the local runtime, sends `/api/*` to the API) or another origin. */
const isApiOrigin = (value: string) => value === '' || (isHttpUrl(value) && new URL(value).pathname === '/');

/** Checked by hand rather than with zod: this runs on the first page, where every kilobyte counts. */
export function parseConfig(raw: unknown): RuntimeConfig | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { authority, clientId, apiBase, logoutUrl } = raw as Record<string, unknown>;
  if (!isHttpUrl(authority) || typeof clientId !== 'string' || clientId === '') return null;
  if (typeof apiBase !== 'string' || !isApiOrigin(apiBase)) return null;
  if (logoutUrl !== undefined && !isHttpUrl(logoutUrl)) return null;
  return {
    authority: authority.replace(/\/+$/, ''),
    clientId,
    apiBase: apiBase.replace(/\/+$/, ''),
    ...(logoutUrl === undefined ? {} : { logoutUrl }),
  };
}

export async function loadConfig(): Promise<RuntimeConfig | null> {
  try {
    const response = await fetch('/config.json', { cache: 'no-store' });
    if (!response.ok) return null;
    return parseConfig(await response.json());
  } catch {
    return null;
  }
}
