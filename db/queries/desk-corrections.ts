// The desk's reads of corrections: an article's, and one with everything its page needs.
import 'server-only';
import { asc, desc, eq, inArray } from 'drizzle-orm';
import { getDb } from '../index';
import { articles, type Claim, claims, type Correction, corrections, users, versions } from '../schema';

export interface DeskCorrection extends Correction {
  claims: (Claim & { versionNumber: number })[];
  draftedByName: string | null;
  publishedByName: string | null;
}

function withClaims(rows: Correction[]): DeskCorrection[] {
  if (rows.length === 0) return [];
  const db = getDb();
  const all = db
    .select({ claim: claims, versionNumber: versions.number })
    .from(claims)
    .innerJoin(versions, eq(versions.id, claims.versionId))
    .where(inArray(claims.correctionId, rows.map((r) => r.id)))
    .orderBy(asc(claims.position))
    .all();
  const names = new Map(db.select({ id: users.id, name: users.name }).from(users).all().map((u) => [u.id, u.name]));
  return rows.map((r) => ({
    ...r,
    claims: all.filter((c) => c.claim.correctionId === r.id).map((c) => ({ ...c.claim, versionNumber: c.versionNumber })),
    draftedByName: r.draftedBy ? (names.get(r.draftedBy) ?? null) : null,
    publishedByName: r.publishedBy ? (names.get(r.publishedBy) ?? null) : null,
  }));
}

export function listDeskCorrectionsForArticle({ articleId }: { articleId: number }): DeskCorrection[] {
  return withClaims(getDb().select().from(corrections).where(eq(corrections.articleId, articleId)).orderBy(desc(corrections.draftedAt)).all());
}

export function getDeskCorrection({ id }: { id: number }) {
  const db = getDb();
  const row = db.select().from(corrections).where(eq(corrections.id, id)).get();
  if (!row) return undefined;
  const article = db.select().from(articles).where(eq(articles.id, row.articleId)).get();
  if (!article) return undefined;
  return { correction: withClaims([row])[0], article };
}
