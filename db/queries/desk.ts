// The desk's reads of one article: whatever its status, every version (withheld text included).
// The list of articles is db/queries/desk-articles.ts.
import 'server-only';
import { asc, eq, inArray } from 'drizzle-orm';
import { getDb } from '../index';
import type { Article, Version } from '../schema';
import { articles, versions, withholdings } from '../tables';

export type DeskVersion = Version & { withheld: { reason: string; at: Date } | null };

export interface DeskArticle {
  article: Article;
  versions: DeskVersion[];
  latest: DeskVersion;
}

export async function getDeskArticle({ id }: { id: number }): Promise<DeskArticle | undefined> {
  const db = getDb();
  const article = (await db.select().from(articles).where(eq(articles.id, id)).limit(1))[0];
  if (!article) return undefined;
  const all = await db.select().from(versions).where(eq(versions.articleId, id)).orderBy(asc(versions.number));
  const held = all.length
    ? (await db.select().from(withholdings).where(inArray(withholdings.versionId, all.map((v) => v.id))))
    : [];
  const heldBy = new Map(held.map((h) => [h.versionId, { reason: h.reason, at: h.createdAt }]));
  const decorated = all.map((v) => ({ ...v, withheld: heldBy.get(v.id) ?? null }));
  const latest = decorated[decorated.length - 1];
  return latest ? { article, versions: decorated, latest } : undefined;
}
