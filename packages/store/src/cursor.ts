/**
 * Page cursors carry only a sort key, never a partition key: the partition always comes from the
 * tenant scope, so a crafted cursor cannot point a query at another centre.
 */
export function encodeCursor(sortKey: string): string {
  return Buffer.from(sortKey, 'utf8').toString('base64url');
}

/** The sort key, or undefined when the cursor is malformed or not of the expected kind. */
export function decodeCursor(cursor: string, prefix: string): string | undefined {
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(cursor)) return undefined;
  const sortKey = Buffer.from(cursor, 'base64url').toString('utf8');
  return sortKey.startsWith(prefix) && !sortKey.includes('\u0000') ? sortKey : undefined;
}
