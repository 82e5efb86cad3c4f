// The desk's reads of corrections: the paged list, an article's, and one with everything its page needs.
import 'server-only';
import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { type Cursor, cutPage, PAGE_SIZE } from '../../lib/desk/keyset';
import type { CorrectionKind, CorrectionStatus } from '../../lib/types';
import { getDb } from '../index';
import type { Claim, Correction } from '../schema';
import { articles, claims, corrections, users, versions } from '../tables';
import { keyset } from './keyset';

export interface DeskCorrection extends Correction {
  claims: (Claim & { versionNumber: number })[];
  draftedByName: string | null;
  publishedByName: string | null;
}

async function withClaims(rows: Correction[]): Promise<DeskCorrection[]> {
  if (rows.length === 0) return [];
  const db = getDb();
  const all = await db
    .select({ claim: claims, versionNumber: versions.number })
    .from(claims)
    .innerJoin(versions, eq(versions.id, claims.versionId))
    .where(inArray(claims.correctionId, rows.map((r) => r.id)))
    .orderBy(asc(claims.position));
  const wanted = [...new Set(rows.flatMap((r) => [r.draftedBy, r.publishedBy]).filter((id): id is number => id !== null))];
  const names = new Map(wanted.length ? (await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, wanted))).map((u) => [u.id, u.name]) : []);
  return rows.map((r) => ({
    ...r,
    claims: all.filter((c) => c.claim.correctionId === r.id).map((c) => ({ ...c.claim, versionNumber: c.versionNumber })),
    draftedByName: r.draftedBy ? (names.get(r.draftedBy) ?? null) : null,
    publishedByName: r.publishedBy ? (names.get(r.publishedBy) ?? null) : null,
  }));
}

export async function listDeskCorrectionsForArticle({ articleId }: { articleId: number }): Promise<DeskCorrection[]> {
  return withClaims(await getDb().select().from(corrections).where(eq(corrections.articleId, articleId)).orderBy(desc(corrections.draftedAt)));
}

/**
 * The article's published corrections an edit could still carry out: not withdrawn, not yet
 * amended, not retractions (carryOutCorrection refuses the rest), oldest first.
 */
export async function listCorrectionsToCarryOut({ articleId }: { articleId: number }): Promise<DeskCorrection[]> {
  return withClaims(
    await getDb()
      .select()
      .from(corrections)
      .where(and(eq(corrections.articleId, articleId), eq(corrections.status, 'published'), sql`${corrections.amendedVersionId} IS NULL`, sql`${corrections.kind} <> 'retraction'`))
      .orderBy(asc(corrections.publishedAt)),
  );
}

export async function getDeskCorrection({ id }: { id: number }) {
  const db = getDb();
  const row = (await db.select().from(corrections).where(eq(corrections.id, id)).limit(1))[0];
  if (!row) return undefined;
  const article = (await db.select().from(articles).where(eq(articles.id, row.articleId)).limit(1))[0];
  if (!article) return undefined;
  // The version that carried it out, if any (amend mode, or a later edit tied to it).
  const amendedVersion = row.amendedVersionId ? ((await db.select({ number: versions.number, savedAt: versions.savedAt }).from(versions).where(eq(versions.id, row.amendedVersionId)).limit(1))[0] ?? null) : null;
  const latestHeadline = (await db.select({ headline: versions.headline }).from(versions).where(eq(versions.articleId, row.articleId)).orderBy(desc(versions.number)).limit(1))[0]?.headline ?? '';
  return { correction: (await withClaims([row]))[0], article, amendedVersion, latestHeadline };
}

export interface DeskCorrectionFilter {
  status?: CorrectionStatus;
  kind?: CorrectionKind;
  section?: string;
  /** Drafted by this account. */
  author?: number;
  cursor?: Cursor;
}

/** Corrections on the desk, newest first, a page at a time; each row names its article's current headline. */
export async function listDeskCorrections(filter: DeskCorrectionFilter = {}) {
  const db = getDb();
  const cursor = filter.cursor ?? null;
  const key = keyset(corrections.id, cursor);
  const where: SQL[] = [key.where];
  if (filter.status) where.push(eq(corrections.status, filter.status));
  if (filter.kind) where.push(eq(corrections.kind, filter.kind));
  if (filter.section) where.push(eq(articles.section, filter.section));
  if (filter.author) where.push(eq(corrections.draftedBy, filter.author));
  const fetched = await db
    .select({
      id: corrections.id,
      kind: corrections.kind,
      status: corrections.status,
      wording: corrections.wording,
      draftedAt: corrections.draftedAt,
      publishedAt: corrections.publishedAt,
      articleId: corrections.articleId,
      section: articles.section,
      draftedBy: users.name,
      // One row per correction on the page: the article's newest version, found by its unique index.
      headline: sql<string>`(SELECT v.headline FROM versions v WHERE v.article_id = ${corrections.articleId} ORDER BY v.number DESC LIMIT 1)`,
    })
    .from(corrections)
    .innerJoin(articles, eq(articles.id, corrections.articleId))
    .leftJoin(users, eq(users.id, corrections.draftedBy))
    .where(and(...where))
    .orderBy(key.orderBy)
    .limit(PAGE_SIZE + 1);
  return cutPage(fetched, cursor, PAGE_SIZE, (r) => r.id);
}

/** The accounts that have drafted corrections, for the filter (accounts are few). */
export async function listCorrectionAuthors() {
  return await getDb().select({ id: users.id, name: users.name }).from(users).orderBy(asc(users.name)).limit(500);
}
