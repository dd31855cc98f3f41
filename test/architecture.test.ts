import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The layering ARCHITECTURE.md asks for, checked on the source so that a shortcut fails the build. */
const root = join(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    if (statSync(join(root, path)).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

const read = (path: string) => readFileSync(join(root, path), 'utf8');

/** The code without its comments, which may well talk about keys. */
const code = (path: string) =>
  read(path)
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');

describe('architecture', () => {
  it('only the auth layer and the figures job issue tenant scopes', () => {
    const issuers = [...sources('functions'), ...sources('packages')].filter((f) =>
      /issueTenantScope\(/.test(read(f)),
    );
    expect(issuers.sort()).toEqual([
      'functions/src/figures-job/run.ts',
      'functions/src/http/api-handler.ts',
      'packages/store/src/tenant-scope.ts',
    ]);
  });

  it('the domain knows nothing of AWS, HTTP or the store', () => {
    for (const file of sources('packages/domain')) {
      expect(read(file), file).not.toMatch(
        /from '(@aws-sdk|aws-lambda|@crux\/store|@crux\/functions|node:http)/,
      );
    }
  });

  it('no function builds a DynamoDB key: keys come from the store', () => {
    for (const file of sources('functions')) {
      expect(code(file), file).not.toMatch(/['`](C|HQ|NET)#/);
      expect(code(file), file).not.toMatch(/\bPK\s*:/);
    }
  });

  it('the web client never imports server code', () => {
    for (const file of sources('packages/web/src')) {
      expect(read(file), file).not.toMatch(/from '(@aws-sdk|@crux\/store|@crux\/functions|@crux\/local)/);
    }
  });
});
