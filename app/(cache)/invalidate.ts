// The one way a write makes itself visible to readers: the tags it touches (tagsForChange) are
// expired in the app's cache inside the request that wrote, then handed to the purger in front
// (app/(auth)/purge.ts, which starts at once, never holds up the write, retries and logs). Server actions expire with updateTag, so the writer's next page is
// fresh (read-your-own-writes); route handlers with revalidateTag and an immediate expiry.
import 'server-only';
import { revalidateTag, updateTag } from 'next/cache';
import { editionsShowingArticle, getArticleRef, nextPublishedEdition } from '@/db/queries/article-ref';
import { schedulePurge } from '@/app/(auth)/purge';
import { type Change, tagsForChange } from '@/lib/cache/tags';

export type InvalidatedFrom = 'action' | 'route';

/** Expires exactly the tags `change` touches and tells the purger; returns them. */
export function invalidate(change: Change, from: InvalidatedFrom = 'action'): string[] {
  const tags = tagsForChange(change);
  for (const tag of tags) {
    if (from === 'action') updateTag(tag);
    else revalidateTag(tag, { expire: 0 });
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
export function invalidateArticle(articleId: number, kind: 'article' | 'correction', from: InvalidatedFrom = 'action'): string[] {
  const article = getArticleRef({ articleId });
  return article ? invalidate({ kind, article, editions: editionsShowingArticle({ articleId }) }, from) : [];
}

/** A published column edition, and the articles whose notices now cite it. */
export function invalidateEdition({ date, articleIds }: { date: string; articleIds: number[] }, from: InvalidatedFrom = 'action'): string[] {
  const cites = [...new Set(articleIds)].flatMap((articleId) => getArticleRef({ articleId }) ?? []);
  return invalidate({ kind: 'edition', date, cites, following: nextPublishedEdition({ date }) }, from);
}
