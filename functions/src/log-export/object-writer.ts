import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';

/**
 * Where the access log's export puts its objects: the one seam between the export and S3, which cannot
 * run here. In AWS it is the archive bucket (s3-writer.ts); locally and in the tests, a folder.
 */
export interface ObjectWriter {
  /** Writes `body` under `key`. Writing a key again with the same bytes leaves the same object behind. */
  put(key: string, body: string): Promise<void>;
}

/** The local stand-in for the archive bucket: each object a file under `dir`, its key the path. */
export function folderWriter(dir: string): ObjectWriter {
  const root = resolve(dir);
  return {
    async put(key, body) {
      const path = resolve(join(root, key));
      // A key is built by the export, never taken from outside; still, nothing is written outside the folder.
      if (!path.startsWith(`${root}${sep}`)) throw new Error(`Object key outside the folder: ${key}`);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, body, 'utf8');
    },
  };
}
