import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.map': 'application/json; charset=utf-8',
};

const missingBuildPage = `<!doctype html>
<html lang="nb">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Webklienten er ikke bygget – CRUX</title></head>
<body>
<main>
<h1>Webklienten er ikke bygget</h1>
<p>Kjør <code>npm run build:web</code> og last inn siden på nytt. API-et og innloggingen virker allerede.</p>
<h2 lang="en">The web client is not built</h2>
<p lang="en">Run <code>npm run build:web</code> and reload this page. The API and sign-in already work.</p>
</main>
</body>
</html>`;

/** Types CloudFront compresses (its `compress: true` covers these): text, never images or fonts. */
const compressible = /^(text\/|application\/(json|manifest\+json)|image\/svg\+xml)/;

type Encoding = 'br' | 'gzip';

/** The encoding CloudFront would pick for this request: Brotli when the browser takes it, else gzip. */
function encodingFor(req: IncomingMessage): Encoding | undefined {
  const accepted = String(req.headers['accept-encoding'] ?? '');
  if (/\bbr\b/.test(accepted)) return 'br';
  if (/\bgzip\b/.test(accepted)) return 'gzip';
  return undefined;
}

function compress(content: Buffer, encoding: Encoding): Buffer {
  return encoding === 'br'
    ? brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
    : gzipSync(content, { level: 9 });
}

/**
 * Serves the web client's build as S3 + CloudFront do: files as they are, and the app shell for any
 * extension-less path (client-side routes), the same rewrite as the CloudFront function.
 */
export function createStaticSite(distDir: string, headers: Record<string, string>) {
  // resolve, not normalize: a trailing slash would otherwise end up in every containment check.
  const root = resolve(distDir);

  async function fileAt(
    relative: string,
  ): Promise<{ path: string; size: number; modified: number } | undefined> {
    const path = normalize(join(root, relative));
    // A path that climbs out of the build folder is never served.
    if (path !== root && !path.startsWith(root + sep)) return undefined;
    try {
      const info = await stat(path);
      return info.isFile() ? { path, size: info.size, modified: info.mtimeMs } : undefined;
    } catch {
      return undefined;
    }
  }

  // Each file is compressed once per encoding and version (a rebuild rewrites index.html in place).
  const compressed = new Map<string, Buffer>();
  async function compressedFile(
    file: { path: string; modified: number },
    encoding: Encoding,
  ): Promise<Buffer> {
    const key = `${encoding}:${file.modified}:${file.path}`;
    let body = compressed.get(key);
    if (!body) {
      body = compress(await readFile(file.path), encoding);
      compressed.set(key, body);
    }
    return body;
  }

  return async function handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', ...headers });
      return void res.end();
    }
    const shell = await fileAt('index.html');
    if (!shell) {
      res.writeHead(503, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        ...headers,
      });
      return void res.end(req.method === 'HEAD' ? undefined : missingBuildPage);
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400, headers);
      return void res.end();
    }
    const last = pathname.slice(pathname.lastIndexOf('/') + 1);
    const file = last.includes('.') ? await fileAt(pathname) : shell;
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', ...headers });
      return void res.end(req.method === 'HEAD' ? undefined : 'Not Found');
    }
    const type = contentTypes[extname(file.path).toLowerCase()] ?? 'application/octet-stream';
    // Vite's hashed assets never change under one name; the shell must be fetched fresh each time.
    const cache = pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
    const encoding = compressible.test(type) ? encodingFor(req) : undefined;
    if (encoding) {
      const body = await compressedFile(file, encoding);
      res.writeHead(200, {
        'content-type': type,
        'content-encoding': encoding,
        'content-length': String(body.length),
        vary: 'accept-encoding',
        'cache-control': cache,
        ...headers,
      });
      return void res.end(req.method === 'HEAD' ? undefined : body);
    }
    res.writeHead(200, {
      'content-type': type,
      'content-length': String(file.size),
      'cache-control': cache,
      ...headers,
    });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file.path).pipe(res);
  };
}
