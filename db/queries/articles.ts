// Reader-side reads of articles and their versions. Drafts and desk-only versions never leave here.
import 'server-only';
import { and, asc, desc, eq, gte, inArray, isNotNull, ne } from 'drizzle-orm';
import { getDb } from '../index';
import { type Article, articles, type Version, versions, withholdings } from '../schema';

export type ReaderVersion = Version & { withheld: { reason: string; at: Date } | null };

/** An article readers may see: published, or withdrawn (the record stays, with the reason). */
export function getPublicArticleBySlug({ slug }: { slug: string }): Article | undefined {
  return getDb()
    .select()
    .from(articles)
    .where(and(eq(articles.slug, slug), ne(articles.status, 'draft'), isNotNull(articles.firstPublicVersion)))
    .get();
}

function withWithholdings(rows: Version[]): ReaderVersion[] {
  if (rows.length === 0) return [];
  const held = getDb()
    .select({ versionId: withholdings.versionId, reason: withholdings.reason, at: withholdings.createdAt })
    .from(withholdings)
    .where(inArray(withholdings.versionId, rows.map((v) => v.id)))
    .all();
  const byId = new Map(held.map((h) => [h.versionId, { reason: h.reason, at: h.at }]));
  return rows.map((v) => ({ ...v, withheld: byId.get(v.id) ?? null }));
}

/** Every version readers may know of, oldest first (withheld ones included, flagged). */
export function getPublicVersions({ article }: { article: Article }): ReaderVersion[] {
  const rows = getDb()
    .select()
    .from(versions)
    .where(and(eq(versions.articleId, article.id), gte(versions.number, article.firstPublicVersion ?? Number.MAX_SAFE_INTEGER)))
    .orderBy(asc(versions.number))
    .all();
  return withWithholdings(rows);
}

export function getPublicVersion({ article, number }: { article: Article; number: number }): ReaderVersion | undefined {
  if (article.firstPublicVersion == null || number < article.firstPublicVersion) return undefined;
  const row = getDb()
    .select()
    .from(versions)
    .where(and(eq(versions.articleId, article.id), eq(versions.number, number)))
    .get();
  return row ? withWithholdings([row])[0] : undefined;
}

/** The newest version readers can be shown: the latest that is not withheld. */
export function currentPublicVersion(all: ReaderVersion[]): ReaderVersion | undefined {
  for (let i = all.length - 1; i >= 0; i--) if (!all[i].withheld) return all[i];
  return undefined;
}

export interface ArticleSummary {
  slug: string;
  section: string;
  byline: string;
  headline: string;
  standfirst: string;
  firstPublishedAt: Date | null;
}

/** Latest published articles with their current headline, newest first. */
export function listLatestArticles({ limit = 60 }: { limit?: number } = {}): ArticleSummary[] {
  const db = getDb();
  const rows = db
    .select()
    .from(articles)
    .where(eq(articles.status, 'published'))
    .orderBy(desc(articles.firstPublishedAt))
    .limit(limit)
    .all();
  return rows.flatMap((article) => {
    const current = currentPublicVersion(getPublicVersions({ article }));
    if (!current) return [];
    return [
      {
        slug: article.slug,
        section: article.section,
        byline: article.byline,
        headline: current.headline,
        standfirst: current.standfirst,
        firstPublishedAt: article.firstPublishedAt,
      },
    ];
  });
}
