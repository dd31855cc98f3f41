import type { IncomingMessage, ServerResponse } from 'node:http';
import { apiDocsPaths } from '@crux/api/docs';
import { docsContentSecurityPolicy } from '@crux/api/web-security';
import { type ApiDocs, apiDocs } from '@crux/functions/openapi/files';
import { sendJson } from './http';
import { webSecurityHeaders } from './web-headers';

/** Whether a path is the API reference's rather than the API's. */
export const isApiDocsPath = (path: string): boolean =>
  path === apiDocsPaths.page || path === `${apiDocsPaths.page}/` || path === apiDocsPaths.document;

/**
 * Serves the API reference page and the OpenAPI document, made once on first request from the route
 * table, with the web client's headers but the reference page's own CSP (no script, its one style by hash).
 */
export function createApiDocs(origin: string) {
  let docs: ApiDocs | undefined;
  return function serve(req: IncomingMessage, res: ServerResponse, url: URL): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendJson(res, 405, { message: 'Use GET' }, { allow: 'GET, HEAD' });
      return;
    }
    docs ??= apiDocs();
    const document = url.pathname === apiDocsPaths.document;
    const body = Buffer.from(document ? docs.document : docs.page);
    res.writeHead(200, {
      ...webSecurityHeaders(origin),
      'content-security-policy': docsContentSecurityPolicy(docs.styleHash, { https: false }),
      'content-type': document ? 'application/json; charset=utf-8' : 'text/html; charset=utf-8',
      'content-length': String(body.length),
      'cache-control': 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}
