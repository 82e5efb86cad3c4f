// The one place a purger in front of the app (an HTTP cache, a CDN) hears which tags were just
// invalidated. The app's cache calls onTagsInvalidated after each write; a deployment registers its
// purger once with setPurgeListener. Pure: no Next, no network here.

export type PurgeListener = (tags: string[]) => void | Promise<void>;

let listener: PurgeListener | null = null;

/** Registers the purger (replacing any earlier one); null removes it. */
export function setPurgeListener(fn: PurgeListener | null): void {
  listener = fn;
}

/**
 * Tells the purger which tags a write invalidated. Never throws and never waits: a purger that
 * fails or is slow must not fail or hold up the write that has already been committed (the purger
 * owns its retries and its log).
 */
export function onTagsInvalidated(tags: string[]): void {
  if (!listener || tags.length === 0) return;
  try {
    const result = listener([...tags]);
    if (result && typeof (result as Promise<void>).catch === 'function') (result as Promise<void>).catch(() => {});
  } catch {
    // Already committed; the purger reports its own failures.
  }
}
