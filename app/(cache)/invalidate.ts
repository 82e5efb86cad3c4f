// The one way a write makes itself visible to readers: the tags it touches (tagsForChange) are
// expired in the app's cache inside the request that wrote, then handed to the purger in front
// (app/(auth)/purge.ts, which starts at once, never holds up the write, retries and logs). Server actions expire with updateTag, so the writer's next page is
// fresh (read-your-own-writes); route handlers with revalidateTag and an immediate expiry.
import 'server-only';
import { revalidateTag, updateTag } from 'next/cache';
import { after } from 'next/server';
import { editionsShowingArticle, getArticleRef, nextPublishedEdition } from '@/db/queries/article-ref';
import { recordInvalidation } from '@/db/queries/cache-invalidations';
import { EXPIRE_AGAIN_AFTER_MS, instanceId } from '@/scripts/support/shared-invalidations.mjs';
import { schedulePurge } from '@/app/(auth)/purge';
import { type Change, tagsForChange } from '@/lib/cache/tags';

export type InvalidatedFrom = 'action' | 'route';

/** Expires exactly the tags `change` touches and tells the purger; returns them. */
export async function invalidate(change: Change, from: InvalidatedFrom = 'action'): Promise<string[]> {
  const tags = tagsForChange(change);
  for (const tag of tags) {
    if (from === 'action') updateTag(tag);
    else revalidateTag(tag, { expire: 0 });
  }
  // After the response: the request's own context, so Next carries the expiry out (after()). Renders
  // that read the old record and are stored after the write are dropped again (EXPIRE_AGAIN_AFTER_MS);
  // the purger's own second purge (app/(auth)/purge.ts, at 2 s) follows them. (The desk's links to
  // reader pages do not prefetch, so an editor's browser does not start such a render as they press.)
  for (const ms of EXPIRE_AGAIN_AFTER_MS) {
    after(async () => {
      await new Promise((resolve) => setTimeout(resolve, ms));
      for (const tag of tags) revalidateTag(tag, { expire: 0 });
    });
  }
  try {
    // For the other app servers on this database: they expire the same tags in their own caches.
    await recordInvalidation({ tags, origin: instanceId() });
  } catch (error) {
    console.error('shared invalidation:', error);
  }
  try {
    void schedulePurge(tags);
  } catch (error) {
    // Already committed and expired here; the HTTP cache's short s-maxage is the backstop.
    console.error('purge:', error);
  }
  return tags;
}

/** A change to one article (a version, its status) or to a correction on it, by the article's id. */
export async function invalidateArticle(articleId: number, kind: 'article' | 'correction', from: InvalidatedFrom = 'action'): Promise<string[]> {
  const article = await getArticleRef({ articleId });
  return article ? (await invalidate({ kind, article, editions: await editionsShowingArticle({ articleId }) }, from)) : [];
}

/** A published column edition, and the articles whose notices now cite it. */
export async function invalidateEdition({ date, articleIds }: { date: string; articleIds: number[] }, from: InvalidatedFrom = 'action'): Promise<string[]> {
  const cites = (await Promise.all([...new Set(articleIds)].map((articleId) => getArticleRef({ articleId })))).flatMap((ref) => ref ?? []);
  return invalidate({ kind: 'edition', date, cites, following: await nextPublishedEdition({ date }) }, from);
}
