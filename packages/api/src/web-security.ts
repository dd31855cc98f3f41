/**
 * The web client's Content-Security-Policy, one definition for CloudFront's response-headers policy
 * (infra/lib/web.ts) and the local runtime (packages/local/src/web-headers.ts): scripts, styles and
 * fonts from the site itself only; tokens go to the site and the sign-in service only.
 * `https: false` is plain HTTP on loopback, where there is nothing to upgrade requests to.
 */
export function contentSecurityPolicy(
  loginBaseUrl: string,
  idpBaseUrl: string,
  options: { https: boolean },
): string {
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
    ...(options.https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

/**
 * The CSP of the API reference page (`/api/docs`) only: a static page with no script at all, whose one
 * inline style is allowed by its hash. Stricter than the web client's in every other respect; the web
 * client's own policy above is not loosened for it.
 */
export function docsContentSecurityPolicy(styleHash: string, options: { https: boolean }): string {
  return [
    "default-src 'none'",
    `style-src '${styleHash}'`,
    "img-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    ...(options.https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}
