// The desk's list of articles: searched, filtered and paged by keyset, a page at a time. Every
// query is bounded by the page: the rows' latest versions and counts are read for those ids only.
import 'server-only';
import { and, count, eq, exists, gte, inArray, type SQL, sql } from 'drizzle-orm';
import { COUNT_CAP, type Cursor, cutPage, type Page, PAGE_SIZE, type SortOrder } from '../../lib/desk/keyset';
import type { ArticleStatus, ChangeKind } from '../../lib/types';
import { getDb } from '../index';
import { articles, corrections, reports, versions } from '../tables';
import { articleSearch, searchMatches, searchQuery } from './article-search';
import { countArticlesSavedSince, countRows } from '../dialect';
import { distinctArticleValues } from './distinct-values';
import { keyset } from './keyset';

export interface DeskArticleFilter {
  q?: string;
  status?: ArticleStatus;
  section?: string;
  author?: string;
  draftCorrections?: boolean;
  openReports?: boolean;
  changedSince?: Date;
  sort?: SortOrder;
  cursor?: Cursor;
  /** Rows a page (PAGE_SIZE unless given; at most 100). */
  size?: number;
}

export interface DeskArticleRow {
  id: number;
  slug: string;
  section: string;
  byline: string;
  status: ArticleStatus;
  latest: { number: number; headline: string; savedAt: Date; changeKind: ChangeKind };
  draftCorrections: number;
  openReports: number;
}

export interface DeskArticlePage extends Page<DeskArticleRow> {
  /** How many match, counted up to COUNT_CAP + 1. */
  matching: number;
}

function conditions(filter: DeskArticleFilter, query: string | null): SQL[] {
  const where: SQL[] = [];
  if (query) where.push(searchMatches(query));
  if (filter.status) where.push(eq(articles.status, filter.status));
  if (filter.section) where.push(eq(articles.section, filter.section));
  if (filter.author) where.push(eq(articles.byline, filter.author));
  // Drafts and open reports are few: the article ids come from their indices, not from a walk of the archive.
  if (filter.draftCorrections) where.push(inArray(articles.id, getDb().select({ id: corrections.articleId }).from(corrections).where(eq(corrections.status, 'draft'))));
  if (filter.openReports) where.push(inArray(articles.id, getDb().select({ id: reports.articleId }).from(reports).where(eq(reports.status, 'new'))));
  // Changed since: walk the archive newest first, probing each article's versions (recent changes are
  // dense among recent articles; an IN list of every version saved since would be tens of thousands).
  if (filter.changedSince) where.push(exists(getDb().select({ one: sql`1` }).from(versions).where(and(eq(versions.articleId, articles.id), gte(versions.savedAt, filter.changedSince)))));
  return where;
}

export async function listDeskArticles(filter: DeskArticleFilter = {}): Promise<DeskArticlePage> {
  const db = getDb();
  const query = filter.q ? searchQuery(filter.q) : null;
  // A search with no words to look for (only quotes, stars, emoji) matches nothing, never everything.
  if (filter.q && !query) return { rows: [], next: null, prev: null, matching: 0 };
  const cursor = filter.cursor ?? null;
  const size = Math.min(100, Math.max(1, filter.size ?? PAGE_SIZE));
  // A search walks the search index in id order (FTS5 rowid = article id) and stops at the page.
  const key = keyset(query ? articleSearch.rowid : articles.id, cursor, filter.sort);
  const where = conditions(filter, query);
  const base = () => {
    const select = db.select({ id: articles.id, slug: articles.slug, section: articles.section, byline: articles.byline, status: articles.status }).from(query ? articleSearch : articles);
    return query ? select.innerJoin(articles, eq(articles.id, articleSearch.rowid)) : select;
  };
  const fetched = await (base() as ReturnType<typeof base>).where(and(key.where, ...where)).orderBy(key.orderBy).limit(size + 1);
  const page = cutPage(fetched, cursor, size, (r) => r.id);
  return { ...page, rows: await decorate(page.rows), matching: await countMatching(filter, query, where) };
}

/** How many match, up to COUNT_CAP + 1, by the cheapest walk. */
async function countMatching(filter: DeskArticleFilter, query: string | null, where: SQL[]): Promise<number> {
  const db = getDb();
  const onlyChangedSince = filter.changedSince && !query && !filter.status && !filter.section && !filter.author && !filter.draftCorrections && !filter.openReports;
  if (onlyChangedSince) {
    // Changed articles are sparse in the archive: count them from the versions saved since, not by walking articles.
    return countArticlesSavedSince(db, filter.changedSince as Date, COUNT_CAP + 1);
  }
  const base = query ? db.select({ id: articles.id }).from(articleSearch).innerJoin(articles, eq(articles.id, articleSearch.rowid)) : db.select({ id: articles.id }).from(articles);
  const countKey = keyset(query ? articleSearch.rowid : articles.id, null, filter.sort);
  const counted = base.where(and(countKey.where, ...where)).limit(COUNT_CAP + 1);
  return countRows(db, counted);
}

async function decorate(rows: Omit<DeskArticleRow, 'latest' | 'draftCorrections' | 'openReports'>[]): Promise<DeskArticleRow[]> {
  if (rows.length === 0) return [];
  const db = getDb();
  const ids = rows.map((r) => r.id); // one page: at most PAGE_SIZE ids
  const latest = await db
    .select({ articleId: versions.articleId, number: versions.number, headline: versions.headline, savedAt: versions.savedAt, changeKind: versions.changeKind })
    .from(versions)
    .where(and(inArray(versions.articleId, ids), sql`${versions.number} = (SELECT max(v2.number) FROM versions v2 WHERE v2.article_id = ${versions.articleId})`));
  const latestBy = new Map(latest.map((v) => [v.articleId, v]));
  const drafts = new Map(
    (await db.select({ articleId: corrections.articleId, n: count() }).from(corrections).where(and(inArray(corrections.articleId, ids), eq(corrections.status, 'draft'))).groupBy(corrections.articleId)).map((d) => [d.articleId, d.n]),
  );
  const open = new Map(
    (await db.select({ articleId: reports.articleId, n: count() }).from(reports).where(and(inArray(reports.articleId, ids), eq(reports.status, 'new'))).groupBy(reports.articleId)).map((d) => [d.articleId, d.n]),
  );
  return rows.flatMap((r) => {
    const v = latestBy.get(r.id);
    return v ? [{ ...r, latest: v, draftCorrections: drafts.get(r.id) ?? 0, openReports: open.get(r.id) ?? 0 }] : [];
  });
}

/** The sections and bylines the filters offer, read from their indices (distinct values, bounded). */
export async function listDeskFacets(): Promise<{ sections: string[]; authors: string[] }> {
  const db = getDb();
  return { sections: await distinctArticleValues(db, 'section', 200), authors: await distinctArticleValues(db, 'byline', 1000) };
}
