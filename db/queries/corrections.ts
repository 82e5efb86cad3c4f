// Reader-side reads of published (and withdrawn) corrections, with their claims and printing.
import 'server-only';
import { and, asc, desc, eq, inArray, ne } from 'drizzle-orm';
import { getDb } from '../index';
import { articles, type Claim, claims, columnItems, columns, type Correction, corrections, versions } from '../schema';

export interface PublicCorrection extends Correction {
  claims: (Claim & { versionNumber: number })[];
  amendedVersion: { number: number; savedAt: Date } | null;
  printedIn: { date: string; publishedAt: Date } | null;
}

function claimsFor(ids: number[]) {
  if (ids.length === 0) return [];
  return getDb()
    .select({ claim: claims, versionNumber: versions.number })
    .from(claims)
    .innerJoin(versions, eq(versions.id, claims.versionId))
    .where(inArray(claims.correctionId, ids))
    .orderBy(asc(claims.position))
    .all();
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

/** Newest published corrections across the newsroom, with their article's current headline. */
export function listLatestCorrections({ limit = 10 }: { limit?: number } = {}): CorrectionListing[] {
  const db = getDb();
  const rows = db
    .select({ correction: corrections, slug: articles.slug, section: articles.section })
    .from(corrections)
    .innerJoin(articles, eq(articles.id, corrections.articleId))
    .where(ne(corrections.status, 'draft'))
    .orderBy(desc(corrections.publishedAt))
    .limit(limit)
    .all();
  const decorated = decorate(rows.map((r) => r.correction));
  return decorated.map((c, i) => {
    const latest = db
      .select({ headline: versions.headline })
      .from(versions)
      .where(eq(versions.articleId, c.articleId))
      .orderBy(desc(versions.number))
      .limit(1)
      .get();
    return { ...c, article: { slug: rows[i].slug, section: rows[i].section }, headline: latest?.headline ?? '' };
  });
}
