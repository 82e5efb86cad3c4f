// An article's status changes only through here: an append-only event (who, when, from, to, why)
// and the article's new status, written together in the caller's transaction. Triggers refuse any
// status change without its event (db/migrations/0004_article_status_guards.sql).
import { asc, eq } from 'drizzle-orm';
import type { ArticleStatus } from '../../lib/types';
import type { Article, ArticleStatusEvent } from '../schema';
import { articles, articleStatusEvents } from '../tables';
import type { Tx } from './types';

export interface StatusChange {
  articleId: number;
  to: ArticleStatus;
  reason: string | null;
  actorId: number | null;
  at?: Date;
  /** Other columns that change with the status (first publication, the withdrawal's reason). */
  set?: Partial<Pick<Article, 'firstPublishedAt' | 'firstPublicVersion' | 'withdrawnAt' | 'withdrawnReason'>>;
}

export async function changeArticleStatus(tx: Tx, change: StatusChange): Promise<{ article: Article; event: ArticleStatusEvent }> {
  const before = (await tx.select().from(articles).where(eq(articles.id, change.articleId)).limit(1))[0];
  if (!before) throw new Error(`no article ${change.articleId}`);
  const event = (await tx
    .insert(articleStatusEvents)
    .values({ articleId: change.articleId, fromStatus: before.status, toStatus: change.to, reason: change.reason, actorId: change.actorId, at: change.at ?? new Date() })
    .returning())[0];
  const article = (await tx
    .update(articles)
    .set({ ...change.set, status: change.to, statusEventId: event.id })
    .where(eq(articles.id, change.articleId))
    .returning())[0];
  return { article, event };
}

/** Every status change of an article, oldest first: published, withdrawn, restored… */
export async function listStatusEvents(tx: Tx, articleId: number): Promise<ArticleStatusEvent[]> {
  return await tx.select().from(articleStatusEvents).where(eq(articleStatusEvents.articleId, articleId)).orderBy(asc(articleStatusEvents.id));
}

