/**
 * A module a form needs only to save (its schema), loaded once: asked for when the user first works in
 * the form, so it has arrived by the time they save, yet never during the page's first load (built at
 * import, schemas were part of the first long task). A failed load is tried again on the next call.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
}

/** For `onFocus`: starts the load and leaves any failure to the save, which reports it. */
export const prefetch = (load: () => Promise<unknown>) => () => {
  load().catch(() => undefined);
};
