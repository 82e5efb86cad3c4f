// The desk's reads: every article whatever its status, every version (withheld text included).
import 'server-only';
import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import { getDb } from '../index';
import { type Article, articles, corrections, type Version, versions, withholdings } from '../schema';

export interface DeskArticleRow {
  article: Article;
  latest: Pick<Version, 'number' | 'headline' | 'savedAt' | 'changeKind'>;
  draftCorrections: number;
}

export function listDeskArticles(): DeskArticleRow[] {
  const db = getDb();
  const rows = db.select().from(articles).orderBy(desc(articles.createdAt)).all();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const latest = db
    .select({ articleId: versions.articleId, number: versions.number, headline: versions.headline, savedAt: versions.savedAt, changeKind: versions.changeKind })
    .from(versions)
    .where(inArray(versions.articleId, ids))
    .orderBy(asc(versions.number))
    .all();
  const latestBy = new Map(latest.map((v) => [v.articleId, v]));
  const drafts = db
    .select({ articleId: corrections.articleId, n: count() })
    .from(corrections)
    .where(and(inArray(corrections.articleId, ids), eq(corrections.status, 'draft')))
    .groupBy(corrections.articleId)
    .all();
  const draftsBy = new Map(drafts.map((d) => [d.articleId, d.n]));
  return rows.flatMap((article) => {
    const v = latestBy.get(article.id);
    return v ? [{ article, latest: v, draftCorrections: draftsBy.get(article.id) ?? 0 }] : [];
  });
}

export type DeskVersion = Version & { withheld: { reason: string; at: Date } | null };

export interface DeskArticle {
  article: Article;
  versions: DeskVersion[];
  latest: DeskVersion;
}

export function getDeskArticle({ id }: { id: number }): DeskArticle | undefined {
  const db = getDb();
  const article = db.select().from(articles).where(eq(articles.id, id)).get();
  if (!article) return undefined;
  const all = db.select().from(versions).where(eq(versions.articleId, id)).orderBy(asc(versions.number)).all();
  const held = all.length
    ? db.select().from(withholdings).where(inArray(withholdings.versionId, all.map((v) => v.id))).all()
    : [];
  const heldBy = new Map(held.map((h) => [h.versionId, { reason: h.reason, at: h.createdAt }]));
  const decorated = all.map((v) => ({ ...v, withheld: heldBy.get(v.id) ?? null }));
  const latest = decorated[decorated.length - 1];
  return latest ? { article, versions: decorated, latest } : undefined;
}
