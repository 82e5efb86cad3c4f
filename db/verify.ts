// Recomputes every article's hash chain straight from the database: the check behind `npm run verify`.
// The SQLite loader is here; db/pg/verify.ts loads the same rows from PostgreSQL.
import { asc } from 'drizzle-orm';
import { type ChainBreak, type ChainedVersion, verifyChain } from '../lib/history/hash';
import type { Db } from './connection';
import { articles, versions } from './tables';

export interface VerifyReport {
  articles: number;
  versions: number;
  breaks: (ChainBreak & { slug: string })[];
}

/** Checks the chains of versions given in (article, number) order; either store's rows will do. */
export function chainReport(all: (ChainedVersion & { articleId: number })[], slugs: Map<number, string>): VerifyReport {
  const byArticle = new Map<number, ChainedVersion[]>();
  for (const v of all) {
    const chain = byArticle.get(v.articleId) ?? [];
    chain.push(v);
    byArticle.set(v.articleId, chain);
  }
  const breaks = [...byArticle].flatMap(([articleId, chain]) => verifyChain(chain).map((b) => ({ ...b, slug: slugs.get(articleId) ?? String(articleId) })));
  return { articles: byArticle.size, versions: all.length, breaks };
}

export async function verifyDatabase(db: Db): Promise<VerifyReport> {
  const all = await db.select().from(versions).orderBy(asc(versions.articleId), asc(versions.number));
  const slugs = new Map((await db.select({ id: articles.id, slug: articles.slug }).from(articles)).map((a) => [a.id, a.slug]));
  return chainReport(all, slugs);
}
