// What the cache's tags name a write by (lib/cache/tags.ts): an article's slug and section by id,
// and the published column editions whose pages show the article.
import 'server-only';
import { and, asc, desc, eq, gt, inArray } from 'drizzle-orm';
import type { ArticleRef, Change } from '../../lib/cache/tags';
import { getDb } from '../index';
import { articles, columnItems, columns, corrections, versions } from '../tables';

export async function getArticleRef({ articleId }: { articleId: number }): Promise<ArticleRef | undefined> {
  return (await getDb().select({ slug: articles.slug, section: articles.section }).from(articles).where(eq(articles.id, articleId)).limit(1))[0];
}

/**
 * The dates of the published editions that show this article: those printing one of its
 * corrections (an item quotes its versions and headline), and those whose "also amended" list may
 * name it (an edition lists the articles given a correction or clarification version between the
 * edition before it and its own publication: public-record.ts, alsoAmendedFor). A change to the
 * article (a withholding, a withdrawal, a new headline) changes what those pages say.
 */
export async function editionsShowingArticle({ articleId }: { articleId: number }): Promise<string[]> {
  const db = getDb();
  const printing = (await db
    .select({ date: columns.date })
    .from(columnItems)
    .innerJoin(columns, eq(columns.id, columnItems.columnId))
    .innerJoin(corrections, eq(corrections.id, columnItems.correctionId))
    .where(and(eq(corrections.articleId, articleId), eq(columns.status, 'published'))))
    .map((r) => r.date);
  const amendedAt = (await db
    .select({ savedAt: versions.savedAt })
    .from(versions)
    .where(and(eq(versions.articleId, articleId), inArray(versions.changeKind, ['correction', 'clarification']))))
    .map((v) => v.savedAt.getTime());
  const listing: string[] = [];
  if (amendedAt.length > 0) {
    const first = Math.min(...amendedAt);
    // Every edition published after the article's first such version; its window starts where the
    // edition dated before it was published.
    const published = await db.select({ date: columns.date, publishedAt: columns.publishedAt }).from(columns).where(eq(columns.status, 'published')).orderBy(asc(columns.date));
    let since = 0;
    for (const edition of published) {
      const until = edition.publishedAt?.getTime() ?? 0;
      if (until >= first && amendedAt.some((t) => t > since && t <= until)) listing.push(edition.date);
      since = until;
    }
  }
  return [...new Set([...printing, ...listing])];
}

/** The earliest published edition dated after `date`: its "also amended" window starts at the one before it. */
export async function nextPublishedEdition({ date }: { date: string }): Promise<string | undefined> {
  return (await getDb()
    .select({ date: columns.date })
    .from(columns)
    .where(and(eq(columns.status, 'published'), gt(columns.date, date)))
    .orderBy(asc(columns.date))
    .limit(1))[0]?.date;
}

/** How many versions an article has, by slug (0 for none): its version pages are /versions/1..n. */
export async function versionCountBySlug({ slug }: { slug: string }): Promise<number> {
  const db = getDb();
  const article = (await db.select({ id: articles.id }).from(articles).where(eq(articles.slug, slug)).limit(1))[0];
  if (!article) return 0;
  return (await db.select({ number: versions.number }).from(versions).where(eq(versions.articleId, article.id)).orderBy(desc(versions.number)).limit(1))[0]?.number ?? 0;
}

/** A change to one article (a version, its status) or to a correction on it, by the article's id; null for no such article. */
export async function articleChange(articleId: number, kind: 'article' | 'correction'): Promise<Change | null> {
  const article = await getArticleRef({ articleId });
  return article ? { kind, article, editions: await editionsShowingArticle({ articleId }) } : null;
}

/** A published column edition, and the articles whose notices now cite it. */
export async function editionChange({ date, articleIds }: { date: string; articleIds: number[] }): Promise<Change> {
  const cites = (await Promise.all([...new Set(articleIds)].map((articleId) => getArticleRef({ articleId })))).flatMap((ref) => ref ?? []);
  return { kind: 'edition', date, cites, following: await nextPublishedEdition({ date }) };
}
