/**
 * Settings the app reads at start from `/config.json`, so one build serves the local runtime and every
 * AWS stage. `logoutUrl` is for Cognito, whose discovery document has no end_session_endpoint.
 */
export type RuntimeConfig = {
  authority: string;
  clientId: string;
  /** What the route table's paths (`/api/…`) are appended to: '' for this origin, or another origin. */
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

/**
 * `apiBase` arrives in two spellings: the origin the route table's paths hang from ('' in AWS, where
 * CloudFront sends `/api/*` to the API) or the `/api` folder itself ('/api' from the local runtime).
 * Both name the same place, so a trailing `/api` is dropped once here and every path keeps its prefix.
 */
function apiOrigin(apiBase: string): string {
  return apiBase.replace(/\/+$/, '').replace(/\/api$/, '');
}

const isPathOrHttpUrl = (value: string) =>
  value === '' || (value.startsWith('/') && !value.startsWith('//')) || isHttpUrl(value);

/** Checked by hand rather than with zod: this runs on the first page, where every kilobyte counts. */
export function parseConfig(raw: unknown): RuntimeConfig | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { authority, clientId, apiBase, logoutUrl } = raw as Record<string, unknown>;
  if (!isHttpUrl(authority) || typeof clientId !== 'string' || clientId === '') return null;
  if (typeof apiBase !== 'string' || !isPathOrHttpUrl(apiBase)) return null;
  if (logoutUrl !== undefined && !isHttpUrl(logoutUrl)) return null;
  return {
    authority: authority.replace(/\/+$/, ''),
    clientId,
    apiBase: apiOrigin(apiBase),
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
