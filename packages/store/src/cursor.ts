/**
 * Page cursors carry only a sort key, never a partition key: the partition always comes from the
 * tenant scope, so a crafted cursor cannot point a query at another centre.
 */
export type Page<T> = { items: T[]; nextCursor?: string };

export function encodeCursor(sortKey: string): string {
  return Buffer.from(sortKey, 'utf8').toString('base64url');
}

/**
 * The sort key a cursor carries, or undefined when it is malformed, or lies outside the range the query
 * reads: DynamoDB refuses a start key outside the key condition ("does not match the range key
 * predicate"), which a client reaches simply by keeping a cursor while changing `from` (a 400 naming the
 * cursor, never a 500). `range` is a prefix, or the sort keys at both ends of a BETWEEN.
 */
export function decodeCursor(
  cursor: string,
  range: string | { from: string; to: string },
): string | undefined {
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(cursor)) return undefined;
  const sortKey = Buffer.from(cursor, 'base64url').toString('utf8');
  if (sortKey.includes('\u0000')) return undefined;
  const inside =
    typeof range === 'string' ? sortKey.startsWith(range) : sortKey >= range.from && sortKey <= range.to;
  return inside ? sortKey : undefined;
}
