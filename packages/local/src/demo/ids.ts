import { createHash } from 'node:crypto';

/** A UUID derived from a label: the same plan gives the same ids on every fresh start. */
export function idFor(label: string): string {
  const h = createHash('sha256').update(label).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
