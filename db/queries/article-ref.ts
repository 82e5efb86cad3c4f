// An article's slug and section by id: what the cache's tags name it by (lib/cache/tags.ts).
import 'server-only';
import { eq } from 'drizzle-orm';
import type { ArticleRef } from '../../lib/cache/tags';
import { getDb } from '../index';
import { articles } from '../schema';

export function getArticleRef({ articleId }: { articleId: number }): ArticleRef | undefined {
  return getDb().select({ slug: articles.slug, section: articles.section }).from(articles).where(eq(articles.id, articleId)).get();
}
