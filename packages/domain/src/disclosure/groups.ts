/**
 * Items joined into groups by what they share (a relation): each group named by its smallest item, so
 * the grouping does not depend on the order things were joined in.
 */
export class Groups {
  private readonly parent = new Map<number, number>();

  add(item: number): void {
    if (!this.parent.has(item)) this.parent.set(item, item);
  }

  has(item: number): boolean {
    return this.parent.has(item);
  }

  /** Joins the groups of every added item of the list; items never added are passed over. */
  join(items: Iterable<number>): void {
    let first = -1;
    for (const item of items) {
      if (!this.parent.has(item)) continue;
      if (first < 0) first = item;
      else {
        const a = this.root(first);
        const b = this.root(item);
        if (a !== b) this.parent.set(Math.max(a, b), Math.min(a, b));
      }
    }
  }

  root(item: number): number {
    let root = item;
    while (this.parent.get(root) !== root) root = this.parent.get(root) as number;
    this.parent.set(item, root);
    return root;
  }

  items(): IterableIterator<number> {
    return this.parent.keys();
  }
}
