import { contentSecurityPolicy } from '@crux/api/web-security';

/**
 * The headers CloudFront's response-headers policy puts on every answer (infra/lib/web.ts), for the
 * same origin served over plain HTTP on one machine: no HSTS (it would pin every other local app on this
 * host name to HTTPS) and no `upgrade-insecure-requests`. The identity provider is on this same origin,
 * so it is both the login and the IdP origin of the policy.
 */
export function webSecurityHeaders(origin: string): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(origin, origin, { https: false }),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'permissions-policy': 'camera=(), microphone=(), geolocation=()',
    'cross-origin-opener-policy': 'same-origin',
  };
}
