/**
 * A route's own throttle in the local runtime, as API Gateway applies a route's `ThrottlingRateLimit`
 * and `ThrottlingBurstLimit` in AWS (routes.ts `throttle`, infra/lib/api.ts): one token bucket per
 * route, shared by every caller, holding `burst` tokens and refilled at `rate` a second. A request takes
 * a token or is refused. The clock is a parameter, so a test can step it.
 */
export type ThrottleLimit = { rate: number; burst: number };

export function createThrottle(now: () => number = Date.now) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  /** Whether a request on `key` may go on now; false when its bucket is empty. */
  return function take(key: string, limit: ThrottleLimit): boolean {
    const t = now();
    const bucket = buckets.get(key) ?? { tokens: limit.burst, at: t };
    bucket.tokens = Math.min(limit.burst, bucket.tokens + ((t - bucket.at) / 1000) * limit.rate);
    bucket.at = t;
    buckets.set(key, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  };
}
