import { contentSecurityPolicy } from '@crux/api/web-security';
import { describe, expect, it } from 'vitest';
import { webSecurityHeaders } from './web-headers';

describe('the local web headers', () => {
  it('are the CloudFront CSP but for what plain HTTP on loopback cannot have', () => {
    const origin = 'http://127.0.0.1:3000';
    const aws = contentSecurityPolicy(origin, origin, { https: true })
      .split('; ')
      .filter((d) => d !== 'upgrade-insecure-requests');
    const local = webSecurityHeaders(origin)['content-security-policy']?.split('; ');
    expect(local).toEqual(aws);
    expect(local).toContain("script-src 'self'");
    expect(local).toContain(`connect-src 'self' ${origin} ${origin}`);
  });

  it('forbid framing and sniffing and send no referrer, as CloudFront does', () => {
    expect(webSecurityHeaders('http://127.0.0.1:3000')).toMatchObject({
      'x-frame-options': 'DENY',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
    });
  });
});
