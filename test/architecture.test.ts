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
  it('only the auth layer and the two jobs issue tenant scopes', () => {
    const issuers = [...sources('functions'), ...sources('packages')].filter((f) =>
      /issueTenantScope\(/.test(read(f)),
    );
    expect(issuers.sort()).toEqual([
      'functions/src/figures-job/run.ts',
      'functions/src/http/api-handler.ts',
      'functions/src/retention-job/run.ts',
      'packages/store/src/tenant-scope.ts',
    ]);
  });

  it('the domain is pure: no AWS, no I/O, nothing from the store, the API or the functions', () => {
    for (const file of sources('packages/domain')) {
      expect(read(file), file).not.toMatch(
        /from '(@aws-sdk|aws-lambda|@crux\/(store|functions|api|local|web)|node:(http|https|fs|fs\/promises|net|child_process|dgram))/,
      );
      expect(code(file), file).not.toMatch(/\b(fetch|XMLHttpRequest|WebSocket)\s*\(/);
    }
  });

  it('functions import no store keys: repositories and the idempotency module build every key', () => {
    for (const file of sources('functions')) {
      expect(read(file), file).not.toMatch(/from '@crux\/store\/(log-)?keys'/);
    }
  });

  it('only packages/api defines the audiences: nothing else names their entries or lists them', () => {
    const outside = [
      ...sources('functions'),
      ...sources('packages'),
      ...sources('infra'),
      ...sources('bench'),
    ].filter((f) => !f.startsWith('packages/api/'));
    for (const file of outside) {
      expect(code(file), file).not.toMatch(
        /['`]functions\/src\/(centre|admin|headoffice|network)-api\/handler/,
      );
      expect(code(file), file).not.toMatch(/@crux\/functions\/(centre|admin|headoffice|network)-api\//);
      expect(code(file), file).not.toMatch(/type Audience\s*=/);
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
