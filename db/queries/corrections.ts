// Reader-side reads of published (and withdrawn) corrections, with their claims and printing.
import 'server-only';
import { CORRECTIONS_PAGE_SIZE } from '../../lib/routing/cached-routes';
import { and, asc, desc, eq, gte, inArray, lt, ne } from 'drizzle-orm';
import { getDb } from '../index';
import { distinctArticleValues } from './distinct-values';
import type { Correction } from '../schema';
import { articles, columnItems, columns, corrections, versions } from '../tables';
import { saidForReaders } from '../../lib/record/public';
import { getCurrentHeadlines, getPublicClaims, type PublicClaim, publicArticleCondition } from './public-record';

export interface PublicCorrection extends Correction {
  /** Through the public view: a claim on a version readers may not read carries none of its words. */
  claims: PublicClaim[];
  amendedVersion: { number: number; savedAt: Date } | null;
  printedIn: { date: string; publishedAt: Date } | null;
}

async function decorate(rows: Correction[]): Promise<PublicCorrection[]> {
  const db = getDb();
  const ids = rows.map((r) => r.id);
  const allClaims = await getPublicClaims({ correctionIds: ids });
  const amendedIds = rows.flatMap((r) => (r.amendedVersionId ? [r.amendedVersionId] : []));
  const amended = amendedIds.length
    ? (await db.select({ id: versions.id, number: versions.number, savedAt: versions.savedAt }).from(versions).where(inArray(versions.id, amendedIds)))
    : [];
  const printed = ids.length
    ? (await db
        .select({ correctionId: columnItems.correctionId, date: columns.date, publishedAt: columns.publishedAt })
        .from(columnItems)
        .innerJoin(columns, eq(columns.id, columnItems.columnId))
        .where(and(inArray(columnItems.correctionId, ids), eq(columns.status, 'published'))))
    : [];
  return rows.map((r) => {
    const a = amended.find((v) => v.id === r.amendedVersionId);
    const p = printed.find((x) => x.correctionId === r.id);
    const claimsOf = allClaims.filter((c) => c.correctionId === r.id);
    return {
      ...r,
      said: saidForReaders(r.said, claimsOf),
      claims: claimsOf,
      amendedVersion: a ? { number: a.number, savedAt: a.savedAt } : null,
      printedIn: p && p.publishedAt ? { date: p.date, publishedAt: p.publishedAt } : null,
    };
  });
}

/** An article's public corrections, oldest first (notices read newest last). */
export async function getPublicCorrectionsForArticle({ articleId }: { articleId: number }): Promise<PublicCorrection[]> {
  const rows = await getDb()
    .select()
    .from(corrections)
    .where(and(eq(corrections.articleId, articleId), ne(corrections.status, 'draft')))
    .orderBy(asc(corrections.publishedAt));
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
export async function searchCorrections(search: CorrectionSearch): Promise<{ items: CorrectionListing[]; more: boolean }> {
  const db = getDb();
  // Corrections on an article readers cannot see (never published) stay off every public list.
  const conditions = [ne(corrections.status, 'draft'), publicArticleCondition()];
  if (search.slug) conditions.push(eq(articles.slug, search.slug));
  if (search.kind) conditions.push(eq(corrections.kind, search.kind));
  if (search.section) conditions.push(eq(articles.section, search.section));
  if (search.from) conditions.push(gte(corrections.publishedAt, search.from));
  if (search.to) conditions.push(lt(corrections.publishedAt, search.to));
  const page = Math.max(1, search.page ?? 1);
  const size = search.pageSize ?? CORRECTIONS_PAGE_SIZE;
  const rows = await db
    .select({ correction: corrections, slug: articles.slug, section: articles.section })
    .from(corrections)
    .innerJoin(articles, eq(articles.id, corrections.articleId))
    .where(and(...conditions))
    .orderBy(desc(corrections.publishedAt), desc(corrections.id))
    .limit(size + 1)
    .offset((page - 1) * size);
  const more = rows.length > size;
  const pageRows = rows.slice(0, size);
  const decorated = await decorate(pageRows.map((r) => r.correction));
  const headlines = await getCurrentHeadlines({ articleIds: pageRows.map((r) => r.correction.articleId) });
  return {
    more,
    items: decorated.map((c, i) => ({ ...c, article: { slug: pageRows[i].slug, section: pageRows[i].section }, headline: headlines.get(c.articleId)?.headline ?? '' })),
  };
}

/** Newest published corrections across the newsroom, with their article's current headline. */
export async function listLatestCorrections({ limit = 10 }: { limit?: number } = {}): Promise<CorrectionListing[]> {
  return (await searchCorrections({ pageSize: limit })).items;
}

/** The sections readers can see an article in (publicArticleCondition), hopping along the section index. */
export function listSections(): Promise<string[]> {
  return distinctArticleValues(getDb(), 'section', 500, { publicOnly: true });
}
