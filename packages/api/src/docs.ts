/**
 * Where the API's reference lives, on the web client's origin: the page and the OpenAPI document. The
 * local runtime serves both there and CloudFront publishes both there, ahead of its `/api/*` route.
 */
export const apiDocsPaths = {
  page: '/api/docs',
  document: '/api/docs/openapi.json',
} as const;
