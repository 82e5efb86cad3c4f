// The one public view of the record. Every surface a reader can reach (pages, compare, history,
// history.json, feeds, JSON-LD, the column and its text) reads articles, versions, claims,
// headlines and column editions here, so drafts, never-published articles and withheld text
// never leave this module. Desk pages read elsewhere.
import 'server-only';
import { and, asc, between, count, desc, eq, gt, gte, inArray, isNotNull, isNull, lt, max, ne, type SQL, sql } from 'drizzle-orm';
import { citedVersions, claimForReaders, isReadableVersion, itemForReaders } from '../../lib/record/public';
import { later } from '../../lib/seo/sitemap';
import { getDb } from '../index';
import type { Article, Claim, Column, ColumnItem, Version } from '../schema';
import { articles, claims, columnItems, columns, corrections, versions, withholdings } from '../tables';
import type { Tx } from './types';
import { flatMapSeries } from '../../lib/async';

export { WITHHELD_ITEM, WITHHELD_WORDS } from '../../lib/record/public';

export type ReaderVersion = Version & { withheld: { reason: string; at: Date } | null };

/** The SQL condition for "readers may see this article" (see isPublicArticle). */
export function publicArticleCondition(): SQL {
  return and(ne(articles.status, 'draft'), isNotNull(articles.firstPublicVersion)) as SQL;
}

/** An article readers may see: published, or withdrawn (the record stays, with the reason). */
export async function getPublicArticle({ slug }: { slug: string }): Promise<Article | undefined> {
  return (await getDb().select().from(articles).where(and(eq(articles.slug, slug), publicArticleCondition())).limit(1))[0];
}

/** The same, by the CMS's id for it (articles_external_id_idx): what the embeds are addressed by. */
export async function getPublicArticleByExternalId({ externalId }: { externalId: string }): Promise<Article | undefined> {
  return (await getDb().select().from(articles).where(and(eq(articles.externalId, externalId), publicArticleCondition())).limit(1))[0];
}

async function withWithholdings(db: Tx, rows: Version[]): Promise<ReaderVersion[]> {
  if (rows.length === 0) return [];
  const held = await db
    .select({ versionId: withholdings.versionId, reason: withholdings.reason, at: withholdings.createdAt })
    .from(withholdings)
    .where(inArray(withholdings.versionId, rows.map((v) => v.id)));
  const byId = new Map(held.map((h) => [h.versionId, { reason: h.reason, at: h.at }]));
  return rows.map((v) => ({ ...v, withheld: byId.get(v.id) ?? null }));
}

/** Every version readers may know of, oldest first (withheld ones included, flagged; never their text elsewhere). */
export async function getPublicVersions({ article }: { article: Article }, db: Tx = getDb()): Promise<ReaderVersion[]> {
  // Never published: readers know of no version.
  if (article.firstPublicVersion == null) return [];
  const rows = await db
    .select()
    .from(versions)
    .where(and(eq(versions.articleId, article.id), gte(versions.number, article.firstPublicVersion)))
    .orderBy(asc(versions.number));
  return withWithholdings(db, rows);
}

export async function getPublicVersion({ article, number }: { article: Article; number: number }): Promise<ReaderVersion | undefined> {
  if (article.firstPublicVersion == null || number < article.firstPublicVersion) return undefined;
  return (await getPublicVersions({ article })).find((v) => v.number === number);
}

/** The newest version readers can be shown: the latest that is not withheld. */
export function currentPublicVersion(all: ReaderVersion[]): ReaderVersion | undefined {
  for (let i = all.length - 1; i >= 0; i--) if (!all[i].withheld) return all[i];
  return undefined;
}

/** Of these versions, the ids readers may read: public article, not a pre-publication draft, not withheld. */
export async function readableVersionIds(versionIds: Iterable<number>, db: Tx = getDb()): Promise<Set<number>> {
  const rows = await flatMapSeries(chunks([...new Set(versionIds)]), async (ids) =>
    await db
      .select({ id: versions.id, number: versions.number, status: articles.status, firstPublicVersion: articles.firstPublicVersion, withheldId: withholdings.id })
      .from(versions)
      .innerJoin(articles, eq(articles.id, versions.articleId))
      .leftJoin(withholdings, eq(withholdings.versionId, versions.id))
      .where(inArray(versions.id, ids)),
  );
  return new Set(rows.filter((r) => isReadableVersion({ number: r.number, withheld: r.withheldId != null }, r)).map((r) => r.id));
}

export type PublicClaim = Claim & { versionNumber: number; withheld: boolean };

/** The claims of these corrections, in order; a claim on a version readers may not read shows none of its words. */
export async function getPublicClaims({ correctionIds }: { correctionIds: number[] }, db: Tx = getDb()): Promise<PublicClaim[]> {
  if (correctionIds.length === 0) return [];
  const rows = await db
    .select({ claim: claims, versionNumber: versions.number })
    .from(claims)
    .innerJoin(versions, eq(versions.id, claims.versionId))
    .where(inArray(claims.correctionId, correctionIds))
    .orderBy(asc(claims.position));
  const readable = await readableVersionIds(rows.map((r) => r.claim.versionId), db);
  return rows.map(({ claim, versionNumber }) => ({ ...claimForReaders(claim, readable.has(claim.versionId)), versionNumber, withheld: !readable.has(claim.versionId) }));
}

/** Ids at a time for an IN list: SQLite binds at most 32,766 parameters a statement. */
const CHUNK = 500;

export function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Each public article's current version (its newest readable one): headline and standfirst, never
 * the body, in one query per 500 articles, each found through versions' (article_id, number) index.
 */
function currentPublicHeads(articleIds: number[], db: Tx) {
  return flatMapSeries(chunks([...new Set(articleIds)]), async (ids) =>
    await db
      .select({ articleId: versions.articleId, versionId: versions.id, headline: versions.headline, standfirst: versions.standfirst })
      .from(articles)
      .innerJoin(versions, eq(versions.articleId, articles.id))
      .where(
        and(
          inArray(articles.id, ids),
          publicArticleCondition(),
          eq(
            versions.id,
            sql`(SELECT v2.id FROM versions v2 WHERE v2.article_id = ${articles.id} AND v2.number >= ${articles.firstPublicVersion} AND NOT EXISTS (SELECT 1 FROM withholdings w WHERE w.version_id = v2.id) ORDER BY v2.number DESC LIMIT 1)`,
          ),
        ),
      ),
  );
}

/** Each public article's current headline (its newest readable version's), with that version's id. */
export async function getCurrentHeadlines({ articleIds }: { articleIds: number[] }, db: Tx = getDb()): Promise<Map<number, { headline: string; versionId: number }>> {
  return new Map((await currentPublicHeads(articleIds, db)).map((h) => [h.articleId, { headline: h.headline, versionId: h.versionId }]));
}

export interface ArticleSummary {
  slug: string;
  section: string;
  byline: string;
  headline: string;
  standfirst: string;
  firstPublishedAt: Date | null;
}

/** Published articles with their current headline, newest first; a section's only when one is named. */
async function listPublicArticles({ section, limit }: { section?: string; limit: number }): Promise<ArticleSummary[]> {
  const db = getDb();
  const rows = await db
    .select()
    .from(articles)
    .where(and(section === undefined ? undefined : eq(articles.section, section), eq(articles.status, 'published'), publicArticleCondition()))
    .orderBy(desc(articles.firstPublishedAt))
    .limit(limit);
  const heads = new Map((await currentPublicHeads(rows.map((r) => r.id), db)).map((h) => [h.articleId, h]));
  return rows.flatMap((article) => {
    const current = heads.get(article.id);
    if (!current) return [];
    return [{ slug: article.slug, section: article.section, byline: article.byline, headline: current.headline, standfirst: current.standfirst, firstPublishedAt: article.firstPublishedAt }];
  });
}

/** Latest published articles with their current headline, newest first (the front page). */
export async function listLatestArticles({ limit = 60 }: { limit?: number } = {}): Promise<ArticleSummary[]> {
  return listPublicArticles({ limit });
}

/** A section's published articles with their current headline, newest first (the section page). */
export async function listSectionArticles({ section, limit = 100 }: { section: string; limit?: number }): Promise<ArticleSummary[]> {
  return listPublicArticles({ section, limit });
}

/**
 * What the sitemap lists: published articles (not withdrawn ones: their page stays on the record,
 * but is not put forward for indexing), and never an article readers cannot see.
 */
function sitemapCondition(): SQL {
  return and(eq(articles.status, 'published'), publicArticleCondition()) as SQL;
}

export async function countSitemapArticles(): Promise<number> {
  return (await getDb().select({ n: count() }).from(articles).where(sitemapCondition()).limit(1))[0]?.n ?? 0;
}

export interface SitemapArticle {
  slug: string;
  section: string;
  /** The newest public change: a readable version saved or a correction published. */
  lastChanged: Date | null;
  /** Whether the article carries a published (or withdrawn) correction notice. */
  hasNotices: boolean;
}

/**
 * One sitemap file's articles, by id: page 1 is the first `size` articles, and so on. Two steps, so
 * no correlated subquery names the outer row (drizzle writes a select's own columns unqualified, and
 * inside a subquery an unqualified `"id"` is the inner table's): the page's articles, then the
 * newest readable version and the newest published correction of each, grouped over the page's
 * id range, which each store answers from its (article_id, …) indexes.
 */
export async function listSitemapArticles({ page, size }: { page: number; size: number }): Promise<SitemapArticle[]> {
  const db = getDb();
  const rows = await db
    .select({ id: articles.id, slug: articles.slug, section: articles.section })
    .from(articles)
    .where(sitemapCondition())
    .orderBy(asc(articles.id))
    .limit(size)
    .offset((Math.max(1, page) - 1) * size);
  if (rows.length === 0) return [];
  const first = rows[0].id;
  const last = rows[rows.length - 1].id;
  const saved = await db
    .select({ articleId: versions.articleId, at: max(versions.savedAt) })
    .from(versions)
    .innerJoin(articles, eq(articles.id, versions.articleId))
    .leftJoin(withholdings, eq(withholdings.versionId, versions.id))
    .where(and(between(versions.articleId, first, last), gte(versions.number, articles.firstPublicVersion), isNull(withholdings.id)))
    .groupBy(versions.articleId);
  const corrected = await db
    .select({ articleId: corrections.articleId, at: max(corrections.publishedAt) })
    .from(corrections)
    .where(and(between(corrections.articleId, first, last), ne(corrections.status, 'draft')))
    .groupBy(corrections.articleId);
  const savedBy = new Map(saved.map((r) => [r.articleId, r.at]));
  const correctedBy = new Map(corrected.map((r) => [r.articleId, r.at]));
  return rows.map((r) => {
    const lastCorrected = correctedBy.get(r.id) ?? null;
    return { slug: r.slug, section: r.section, lastChanged: later(savedBy.get(r.id), lastCorrected), hasNotices: lastCorrected != null };
  });
}

export interface EditionItem extends ColumnItem {
  articleId: number;
  /** The article's slug; null when readers may not see the article. */
  slug: string | null;
  section: string;
  /** What readers are shown: the stored wording, or the withheld notice when it quotes what they may not read. */
  readerWording: string;
  withheld: boolean;
}

export interface Edition {
  column: Column;
  items: EditionItem[];
  /** Public articles amended since the previous edition that have no item here, by current headline. */
  alsoAmended: { slug: string; headline: string }[];
}

/** An edition's items, each checked at read time against what readers may read now; the stored rows are never rewritten. */
async function editionItems(columnId: number): Promise<EditionItem[]> {
  const db = getDb();
  const rows = await db
    .select({ item: columnItems, articleId: articles.id, slug: articles.slug, section: articles.section, baseVersionId: corrections.baseVersionId })
    .from(columnItems)
    .innerJoin(corrections, eq(corrections.id, columnItems.correctionId))
    .innerJoin(articles, eq(articles.id, corrections.articleId))
    .where(eq(columnItems.columnId, columnId))
    .orderBy(asc(columnItems.position));
  const claimRows = rows.length
    ? (await db.select({ correctionId: claims.correctionId, versionId: claims.versionId }).from(claims).where(inArray(claims.correctionId, rows.map((r) => r.item.correctionId))))
    : [];
  const cited = new Map(
    rows.map((r) => [r.item.id, citedVersions(r.item.cites, { baseVersionId: r.baseVersionId, claimVersionIds: claimRows.filter((c) => c.correctionId === r.item.correctionId).map((c) => c.versionId) })]),
  );
  const readable = await readableVersionIds([...cited.values()].flat(), db);
  const visible = await getCurrentHeadlines({ articleIds: rows.map((r) => r.articleId) }, db);
  return rows.map((r) => {
    // An item about an article readers cannot see cites, at least, that article's invisible versions.
    const view = itemForReaders(r.item.wording, visible.has(r.articleId) ? (cited.get(r.item.id) ?? []) : [-1], (id) => readable.has(id));
    return { ...r.item, articleId: r.articleId, slug: visible.has(r.articleId) ? r.slug : null, section: r.section, readerWording: view.wording, withheld: view.withheld };
  });
}

async function alsoAmendedFor(column: Column, covered: Set<number>): Promise<Edition['alsoAmended']> {
  const db = getDb();
  const previous = (await db
    .select()
    .from(columns)
    .where(and(eq(columns.status, 'published'), lt(columns.date, column.date)))
    .orderBy(desc(columns.date))
    .limit(1))[0];
  const since = previous?.publishedAt ?? new Date(0);
  const until = column.publishedAt ?? new Date();
  const amended = (await db
    .select({ articleId: versions.articleId, id: versions.id, slug: articles.slug, savedAt: versions.savedAt })
    .from(versions)
    .innerJoin(articles, eq(articles.id, versions.articleId))
    .where(and(inArray(versions.changeKind, ['correction', 'clarification']), gt(versions.savedAt, since), eq(articles.status, 'published'), publicArticleCondition())))
    .filter((v) => v.savedAt <= until && !covered.has(v.articleId));
  const readable = await readableVersionIds(amended.map((v) => v.id), db);
  const eligible = amended.filter((v) => readable.has(v.id));
  const headlines = await getCurrentHeadlines({ articleIds: eligible.map((v) => v.articleId) }, db);
  const seen = new Set<number>();
  return eligible.flatMap((v) => {
    const current = headlines.get(v.articleId);
    if (seen.has(v.articleId) || !current) return [];
    seen.add(v.articleId);
    return [{ slug: v.slug, headline: current.headline }];
  });
}

/** An edition as the desk and readers see it; readers are shown `readerWording` only. */
export async function editionView(column: Column): Promise<Edition> {
  const items = await editionItems(column.id);
  return { column, items, alsoAmended: await alsoAmendedFor(column, new Set(items.map((i) => i.articleId))) };
}

/** A published edition, as readers see it. */
export async function getPublicEdition({ date }: { date: string }): Promise<Edition | undefined> {
  const column = (await getDb()
    .select()
    .from(columns)
    .where(and(eq(columns.date, date), eq(columns.status, 'published'))).limit(1))[0];
  return column ? (await editionView(column)) : undefined;
}

/** Published editions, newest first. */
export async function listPublicEditions(): Promise<Column[]> {
  return await getDb().select().from(columns).where(eq(columns.status, 'published')).orderBy(desc(columns.date));
}
