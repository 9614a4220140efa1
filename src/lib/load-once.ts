/**
 * `load` run once and its promise kept, so that every caller shares one load; a load that fails is
 * forgotten, so the next call tries again (a dropped connection may be back).
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = null;
      throw error;
    }));
}
