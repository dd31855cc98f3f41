// Apart from lists.ts (which re-exports it), so a page that only sorts a list (I dag) loads no schema.

/** By order, ties by id: the same order every time, whatever order the entries were stored in. */
export function compareOrder(a: { order: number; id: string }, b: { order: number; id: string }): number {
  return a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
