/**
 * The headers CloudFront's response-headers policy puts on every answer (infra/lib/web.ts), for the
 * same origin served over plain HTTP on one machine. Two differences, both forced by HTTP on loopback:
 * no HSTS (it would pin every other local app on this host name to HTTPS) and no
 * `upgrade-insecure-requests` (there is no HTTPS to upgrade to). The identity provider is on this same
 * origin, so it is both the login and the IdP origin of the AWS policy.
 */
export function localContentSecurityPolicy(loginBaseUrl: string, idpBaseUrl: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self' ${loginBaseUrl} ${idpBaseUrl}`,
    `form-action 'self' ${loginBaseUrl}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join('; ');
}

export function webSecurityHeaders(origin: string): Record<string, string> {
  return {
    'content-security-policy': localContentSecurityPolicy(origin, origin),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'permissions-policy': 'camera=(), microphone=(), geolocation=()',
    'cross-origin-opener-policy': 'same-origin',
  };
}
