// `npm run verify` on PostgreSQL: every article's hash chain recomputed from the rows, a range of
// articles at a time so a national archive is checked in bounded memory.
import { and, asc, gte, lt, max } from 'drizzle-orm';
import { chainReport, type VerifyReport } from '../verify';
import type { PgDb } from './connection';
import { articles, versions } from './schema';

const ARTICLES_PER_STEP = 5000;

export async function verifyPgDatabase(db: PgDb): Promise<VerifyReport> {
  const [{ top }] = await db.select({ top: max(articles.id) }).from(articles);
  const report: VerifyReport = { articles: 0, versions: 0, breaks: [] };
  for (let from = 1; from <= (top ?? 0); from += ARTICLES_PER_STEP) {
    const range = (column: typeof articles.id | typeof versions.articleId) => and(gte(column, from), lt(column, from + ARTICLES_PER_STEP));
    const rows = await db.select().from(versions).where(range(versions.articleId)).orderBy(asc(versions.articleId), asc(versions.number));
    const slugs = new Map((await db.select({ id: articles.id, slug: articles.slug }).from(articles).where(range(articles.id))).map((a) => [a.id, a.slug]));
    const step = chainReport(rows, slugs);
    report.articles += step.articles;
    report.versions += step.versions;
    report.breaks.push(...step.breaks);
  }
  return report;
}
