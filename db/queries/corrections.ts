// Reader-side reads of published (and withdrawn) corrections, with their claims and printing.
import 'server-only';
import { CORRECTIONS_PAGE_SIZE } from '../../lib/routing/cached-routes';
import { and, asc, desc, eq, gte, inArray, lt, ne } from 'drizzle-orm';
import { getDb } from '../index';
import { articles, type Claim, claims, columnItems, columns, type Correction, corrections, versions, withholdings } from '../schema';

export interface PublicCorrection extends Correction {
  claims: (Claim & { versionNumber: number })[];
  amendedVersion: { number: number; savedAt: Date } | null;
  printedIn: { date: string; publishedAt: Date } | null;
}

export const WITHHELD_WORDS = '[words withheld for legal reasons]';

/**
 * Claims quote a version's text, so a claim on a version withheld for legal reasons shows
 * readers none of its words: they are blanked here, before any page or feed sees them.
 */
function claimsFor(ids: number[]) {
  if (ids.length === 0) return [];
  return getDb()
    .select({ claim: claims, versionNumber: versions.number, withheldId: withholdings.id })
    .from(claims)
    .innerJoin(versions, eq(versions.id, claims.versionId))
    .leftJoin(withholdings, eq(withholdings.versionId, claims.versionId))
    .where(inArray(claims.correctionId, ids))
    .orderBy(asc(claims.position))
    .all()
    .map(({ claim, versionNumber, withheldId }) => ({
      claim: withheldId ? { ...claim, exact: WITHHELD_WORDS, prefix: '', suffix: '', replacement: null, start: 0, end: 0 } : claim,
      versionNumber,
    }));
}

function decorate(rows: Correction[]): PublicCorrection[] {
  const db = getDb();
  const ids = rows.map((r) => r.id);
  const allClaims = claimsFor(ids);
  const amendedIds = rows.flatMap((r) => (r.amendedVersionId ? [r.amendedVersionId] : []));
  const amended = amendedIds.length
    ? db.select({ id: versions.id, number: versions.number, savedAt: versions.savedAt }).from(versions).where(inArray(versions.id, amendedIds)).all()
    : [];
  const printed = ids.length
    ? db
        .select({ correctionId: columnItems.correctionId, date: columns.date, publishedAt: columns.publishedAt })
        .from(columnItems)
        .innerJoin(columns, eq(columns.id, columnItems.columnId))
        .where(and(inArray(columnItems.correctionId, ids), eq(columns.status, 'published')))
        .all()
    : [];
  return rows.map((r) => {
    const a = amended.find((v) => v.id === r.amendedVersionId);
    const p = printed.find((x) => x.correctionId === r.id);
    return {
      ...r,
      claims: allClaims.filter((c) => c.claim.correctionId === r.id).map((c) => ({ ...c.claim, versionNumber: c.versionNumber })),
      amendedVersion: a ? { number: a.number, savedAt: a.savedAt } : null,
      printedIn: p && p.publishedAt ? { date: p.date, publishedAt: p.publishedAt } : null,
    };
  });
}

/** An article's public corrections, oldest first (notices read newest last). */
export function getPublicCorrectionsForArticle({ articleId }: { articleId: number }): PublicCorrection[] {
  const rows = getDb()
    .select()
    .from(corrections)
    .where(and(eq(corrections.articleId, articleId), ne(corrections.status, 'draft')))
    .orderBy(asc(corrections.publishedAt))
    .all();
  return decorate(rows);
}

export interface CorrectionListing extends PublicCorrection {
  article: { slug: string; section: string };
  headline: string;
}

export interface CorrectionSearch {
  kind?: Correction['kind'];
  section?: string;
  /** One article's corrections (its feed). */
  slug?: string;
  from?: Date;
  to?: Date;
  page?: number;
  /** How many to a page; 25 unless a feed asks for more. */
  pageSize?: number;
}

// One page size for the list and for the proxy's page-count check.
export { CORRECTIONS_PAGE_SIZE };

/** Published (and withdrawn) corrections, newest first, filtered; one page and whether more follow. */
export function searchCorrections(search: CorrectionSearch): { items: CorrectionListing[]; more: boolean } {
  const db = getDb();
  // Corrections on an article readers cannot see (never published) stay off every public list.
  const conditions = [ne(corrections.status, 'draft'), ne(articles.status, 'draft')];
  if (search.slug) conditions.push(eq(articles.slug, search.slug));
  if (search.kind) conditions.push(eq(corrections.kind, search.kind));
  if (search.section) conditions.push(eq(articles.section, search.section));
  if (search.from) conditions.push(gte(corrections.publishedAt, search.from));
  if (search.to) conditions.push(lt(corrections.publishedAt, search.to));
  const page = Math.max(1, search.page ?? 1);
  const size = search.pageSize ?? CORRECTIONS_PAGE_SIZE;
  const rows = db
    .select({ correction: corrections, slug: articles.slug, section: articles.section })
    .from(corrections)
    .innerJoin(articles, eq(articles.id, corrections.articleId))
    .where(and(...conditions))
    .orderBy(desc(corrections.publishedAt), desc(corrections.id))
    .limit(size + 1)
    .offset((page - 1) * size)
    .all();
  const more = rows.length > size;
  const pageRows = rows.slice(0, size);
  const decorated = decorate(pageRows.map((r) => r.correction));
  const headlines = latestHeadlines(pageRows.map((r) => r.correction.articleId));
  return {
    more,
    items: decorated.map((c, i) => ({ ...c, article: { slug: pageRows[i].slug, section: pageRows[i].section }, headline: headlines.get(c.articleId) ?? '' })),
  };
}

/** Newest published corrections across the newsroom, with their article's current headline. */
export function listLatestCorrections({ limit = 10 }: { limit?: number } = {}): CorrectionListing[] {
  return searchCorrections({ pageSize: limit }).items;
}

export function listSections(): string[] {
  return getDb()
    .selectDistinct({ section: articles.section })
    .from(articles)
    .where(ne(articles.status, 'draft'))
    .orderBy(asc(articles.section))
    .all()
    .map((r) => r.section);
}

function latestHeadlines(articleIds: number[]): Map<number, string> {
  if (articleIds.length === 0) return new Map();
  const rows = getDb()
    .select({ articleId: versions.articleId, headline: versions.headline, number: versions.number })
    .from(versions)
    .where(inArray(versions.articleId, [...new Set(articleIds)]))
    .orderBy(asc(versions.number))
    .all();
  return new Map(rows.map((r) => [r.articleId, r.headline]));
}
