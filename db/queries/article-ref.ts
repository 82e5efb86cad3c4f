// What the cache's tags name a write by (lib/cache/tags.ts): an article's slug and section by id,
// and the published column editions whose pages show the article.
import 'server-only';
import { and, asc, desc, eq, gt, inArray } from 'drizzle-orm';
import type { ArticleRef } from '../../lib/cache/tags';
import { getDb } from '../index';
import { articles, columnItems, columns, corrections, versions } from '../schema';

export function getArticleRef({ articleId }: { articleId: number }): ArticleRef | undefined {
  return getDb().select({ slug: articles.slug, section: articles.section }).from(articles).where(eq(articles.id, articleId)).get();
}

/**
 * The dates of the published editions that show this article: those printing one of its
 * corrections (an item quotes its versions and headline), and those whose "also amended" list may
 * name it (an edition lists the articles given a correction or clarification version between the
 * edition before it and its own publication: public-record.ts, alsoAmendedFor). A change to the
 * article (a withholding, a withdrawal, a new headline) changes what those pages say.
 */
export function editionsShowingArticle({ articleId }: { articleId: number }): string[] {
  const db = getDb();
  const printing = db
    .select({ date: columns.date })
    .from(columnItems)
    .innerJoin(columns, eq(columns.id, columnItems.columnId))
    .innerJoin(corrections, eq(corrections.id, columnItems.correctionId))
    .where(and(eq(corrections.articleId, articleId), eq(columns.status, 'published')))
    .all()
    .map((r) => r.date);
  const amendedAt = db
    .select({ savedAt: versions.savedAt })
    .from(versions)
    .where(and(eq(versions.articleId, articleId), inArray(versions.changeKind, ['correction', 'clarification'])))
    .all()
    .map((v) => v.savedAt.getTime());
  const listing: string[] = [];
  if (amendedAt.length > 0) {
    const first = Math.min(...amendedAt);
    // Every edition published after the article's first such version; its window starts where the
    // edition dated before it was published.
    const published = db.select({ date: columns.date, publishedAt: columns.publishedAt }).from(columns).where(eq(columns.status, 'published')).orderBy(asc(columns.date)).all();
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
export function nextPublishedEdition({ date }: { date: string }): string | undefined {
  return getDb()
    .select({ date: columns.date })
    .from(columns)
    .where(and(eq(columns.status, 'published'), gt(columns.date, date)))
    .orderBy(asc(columns.date))
    .limit(1)
    .get()?.date;
}

/** How many versions an article has, by slug (0 for none): its version pages are /versions/1..n. */
export function versionCountBySlug({ slug }: { slug: string }): number {
  const db = getDb();
  const article = db.select({ id: articles.id }).from(articles).where(eq(articles.slug, slug)).get();
  if (!article) return 0;
  return db.select({ number: versions.number }).from(versions).where(eq(versions.articleId, article.id)).orderBy(desc(versions.number)).limit(1).get()?.number ?? 0;
}
