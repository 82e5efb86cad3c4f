// The one way a write makes itself visible to readers: the tags it touches (tagsForChange) are
// recorded for the other app servers in the write's own transaction (commitAndInvalidate), expired
// in the app's cache inside the request that wrote, then handed to the purger in front
// (app/(auth)/purge.ts, which starts at once, never holds up the write, retries and logs). Server actions expire with updateTag, so the writer's next page is
// fresh (read-your-own-writes); route handlers with revalidateTag and an immediate expiry.
import 'server-only';
import { revalidateTag, updateTag } from 'next/cache';
import { writeWithInvalidation } from '@/db/queries/cache-invalidations';
import { EXPIRE_AGAIN_AFTER_MS, expireRegistered, instanceId } from '@/scripts/support/shared-invalidations.mjs';
import { schedulePurge } from '@/app/(auth)/purge';
import { type Change, tagsForChange } from '@/lib/cache/tags';

// The changes a write names, read inside its transaction.
export { articleChange, editionChange } from '@/db/queries/article-ref';

export type InvalidatedFrom = 'action' | 'route';

/** Expires the tags in this server's cache and tells the purger in front (after the change committed). */
function expireHere(tags: string[], from: InvalidatedFrom): void {
  for (const tag of tags) {
    if (from === 'action') updateTag(tag);
    else revalidateTag(tag, { expire: 0 });
  }
  // Renders that read the old record and are stored after the write are dropped again
  // (EXPIRE_AGAIN_AFTER_MS), on the process's own timers and through the server's registered
  // expireLocally, as another server's tags are (applyRemoteTags). These were after() callbacks,
  // but an action's run inside the render of the page it answers with, where Next refuses
  // revalidateTag, so that re-expiry was lost. The purger's own second purge (app/(auth)/purge.ts,
  // at 2 s) follows them. (The desk's links to reader pages do not prefetch, so an editor's browser
  // does not start such a render as they press.)
  const again = () => {
    try {
      expireRegistered(tags);
    } catch (error) {
      console.error('cache: expiring again failed:', error);
    }
  };
  for (const ms of EXPIRE_AGAIN_AFTER_MS) setTimeout(again, ms).unref();
  try {
    void schedulePurge(tags);
  } catch (error) {
    // Already committed and expired here; the HTTP cache's short s-maxage is the backstop.
    console.error('purge:', error);
  }
}

/**
 * Runs `write` and, in the same transaction, records the tags its change expires for the other app
 * servers on this database (db/queries/cache-invalidations.ts): a change that commits reaches them
 * however this server fares the moment after (killed, its connection cut), and one that rolls back
 * records nothing. Once committed, the tags are expired here and purged. `changeOf` names the change
 * from the write's result, read inside the transaction (null when nothing changed: a conflict, an
 * unchanged import). Returns the write's result.
 */
export async function commitAndInvalidate<T>(write: () => Promise<T>, changeOf: (result: T) => Promise<Change | null> | Change | null, from: InvalidatedFrom = 'action'): Promise<T> {
  const { result, tags } = await writeWithInvalidation(
    write,
    async (value) => {
      const change = await changeOf(value);
      return change ? tagsForChange(change) : [];
    },
    instanceId(),
    (uncertain) => expireHere(uncertain, from),
  );
  if (tags.length > 0) expireHere(tags, from);
  return result;
}
