import { createHash } from 'node:crypto';
import { apiDocsPaths } from '@crux/api/docs';
import { routeKey, routes } from '@crux/api/routes';
import { type Runtime, startRuntime } from '@crux/local/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let runtime: Runtime;
beforeAll(async () => {
  runtime = await startRuntime({ inMemory: true, seedDemo: false });
}, 90_000);
afterAll(async () => {
  await runtime?.stop();
});

describe('the local runtime serves the API reference at /api/docs', () => {
  it('the page names every route, under a CSP of its own that admits its one style by hash and no script', async () => {
    const res = await fetch(`${runtime.url}${apiDocsPaths.page}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const page = await res.text();
    for (const route of routes) expect(page).toContain(`${route.path}</h3>`);
    const csp = res.headers.get('content-security-policy') ?? '';
    const style = /<style>([\s\S]*?)<\/style>/.exec(page)?.[1] ?? '';
    const hash = createHash('sha256').update(style).digest('base64');
    expect(csp).toContain(`style-src 'sha256-${hash}'`);
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toMatch(/script-src|unsafe-inline|unsafe-eval/);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });

  it('the OpenAPI document is there as JSON, and the web client keeps its own strict CSP', async () => {
    const res = await fetch(`${runtime.url}${apiDocsPaths.document}`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe('3.1.0');
    const documented = Object.entries(doc.paths).flatMap(([p, item]) =>
      Object.keys(item).map((m) => `${m.toUpperCase()} ${p}`),
    );
    expect(documented.sort()).toEqual(routes.map(routeKey).sort());

    const site = await fetch(`${runtime.url}/`);
    const spaCsp = site.headers.get('content-security-policy') ?? '';
    expect(spaCsp).toContain("script-src 'self'");
    expect(spaCsp).not.toContain('sha256-');
  });

  it('the API itself is still behind /api: an unknown path there is a 404 from the emulator', async () => {
    const res = await fetch(`${runtime.url}/api/docs/other`);
    expect(res.status).toBe(404);
  });
});
