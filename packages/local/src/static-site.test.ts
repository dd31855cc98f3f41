import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaticSite } from './static-site';

/** The web build served as CloudFront serves it: files as they are, the app shell for client-side routes. */
let root: string;
let servers: Server[] = [];

async function serve(dist: string): Promise<string> {
  const site = createStaticSite(dist, { 'x-frame-options': 'DENY' });
  const server = createServer((req, res) => void site(req, res, new URL(req.url ?? '/', 'http://127.0.0.1')));
  await new Promise<void>((resolve) => server.listen({ port: 0, host: '127.0.0.1' }, resolve));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'crux-site-'));
  await mkdir(join(root, 'dist', 'assets'), { recursive: true });
  await writeFile(join(root, 'dist', 'index.html'), '<!doctype html><title>shell</title>');
  await writeFile(join(root, 'dist', 'assets', 'app-abc123.js'), 'console.log(1)');
  await writeFile(join(root, 'secret.txt'), 'outside the build');
});
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  servers = [];
  await rm(root, { recursive: true, force: true });
});

describe('the static site', () => {
  it('serves files with their type, hashed assets as immutable, and the headers it was given', async () => {
    const base = await serve(join(root, 'dist'));
    const asset = await fetch(`${base}/assets/app-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect(asset.headers.get('x-frame-options')).toBe('DENY');
    expect(await asset.text()).toBe('console.log(1)');
  });

  it('answers client-side routes with the app shell, never cached, and a missing file with 404', async () => {
    const base = await serve(join(root, 'dist'));
    for (const path of ['/', '/participants/123', '/auth/callback']) {
      const page = await fetch(`${base}${path}`);
      expect(page.status, path).toBe(200);
      expect(await page.text()).toContain('<title>shell</title>');
      expect(page.headers.get('cache-control')).toBe('no-cache');
    }
    expect((await fetch(`${base}/assets/missing.js`)).status).toBe(404);
  });

  it('never serves a file outside the build folder', async () => {
    const base = await serve(join(root, 'dist'));
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const answer = await fetch(`${base}${path}`);
      expect(await answer.text(), path).not.toContain('outside the build');
    }
  });

  it('says how to build the web client when there is no build, in bokmål and English', async () => {
    const base = await serve(join(root, 'no-dist'));
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(503);
    const html = await page.text();
    expect(html).toContain('<html lang="nb">');
    expect(html).toContain('npm run build:web');
    expect(html).toContain('lang="en"');
  });

  it('refuses methods other than GET and HEAD', async () => {
    const base = await serve(join(root, 'dist'));
    expect((await fetch(`${base}/`, { method: 'POST' })).status).toBe(405);
  });

  it('compresses text as CloudFront does, and serves a rebuilt shell fresh', async () => {
    const base = await serve(join(root, 'dist'));
    const br = await fetch(`${base}/assets/app-abc123.js`, { headers: { 'accept-encoding': 'br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toBe('accept-encoding');
    expect(await br.text()).toBe('console.log(1)');
    const gzip = await fetch(`${base}/`, { headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect(await gzip.text()).toBe('<!doctype html><title>shell</title>');
    const plain = await fetch(`${base}/`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();

    await new Promise((resolve) => setTimeout(resolve, 20));
    await writeFile(join(root, 'dist', 'index.html'), '<!doctype html><title>rebuilt</title>');
    const rebuilt = await fetch(`${base}/`, { headers: { 'accept-encoding': 'gzip' } });
    expect(await rebuilt.text()).toBe('<!doctype html><title>rebuilt</title>');
  });

  it('finds the build when its folder is given with a trailing slash', async () => {
    const base = await serve(`${join(root, 'dist')}/`);
    expect((await fetch(`${base}/assets/app-abc123.js`)).status).toBe(200);
    expect((await fetch(`${base}/../secret.txt`)).status).not.toBe(200);
  });
});
