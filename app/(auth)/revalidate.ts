// After a change readers can see, drop the cached copies of exactly the pages that show it.
// Readers' article pages are rendered once and kept (ISR); these calls make the next request
// render them afresh, so a change shows at once.
import 'server-only';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { count, eq } from 'drizzle-orm';
import { articles, versions } from '@/db/schema';
import { schedulePurge } from './purge';

/** An article's page, history, every version page, and the front page that lists it. */
export function revalidateArticle(articleId: number): void {
  const db = getDb();
  const article = db.select({ slug: articles.slug, section: articles.section }).from(articles).where(eq(articles.id, articleId)).get();
  if (!article) return;
  const n = db.select({ n: count() }).from(versions).where(eq(versions.articleId, articleId)).get()?.n ?? 0;
  const base = `/articles/${article.slug}`;
  revalidatePath(base);
  revalidatePath(`${base}/history`);
  for (let i = 1; i <= n; i++) revalidatePath(`${base}/versions/${i}`);
  // Comparisons link to corrections and must drop withheld versions; the list shows corrections.
  revalidatePath('/articles/[slug]/compare/[from]/[to]/[view]', 'page');
  revalidatePath('/corrections/filter/[kind]/[section]/[page]', 'page');
  revalidatePath('/');
  // The HTTP cache in front (TAGS.md tags). To be driven by lib/cache/purge-hook.ts once the tag cache lands.
  void schedulePurge([`article:${article.slug}`, 'home', 'corrections', `section:${article.section}`, 'sitemap']);
}

/** Everything readers see: for changes that touch every page (the column, settings). */
export function revalidateReaderPages(): void {
  revalidatePath('/', 'layout');
  void schedulePurge(['site']);
}
