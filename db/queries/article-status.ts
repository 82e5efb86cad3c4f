// An article's status changes only through here: an append-only event (who, when, from, to, why)
// and the article's new status, written together in the caller's transaction. Triggers refuse any
// status change without its event (db/migrations/0004_article_status_guards.sql).
import { asc, eq } from 'drizzle-orm';
import type { ArticleStatus } from '../../lib/types';
import { type Article, articles, type ArticleStatusEvent, articleStatusEvents } from '../schema';
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

export function changeArticleStatus(tx: Tx, change: StatusChange): { article: Article; event: ArticleStatusEvent } {
  const before = tx.select().from(articles).where(eq(articles.id, change.articleId)).get();
  if (!before) throw new Error(`no article ${change.articleId}`);
  const event = tx
    .insert(articleStatusEvents)
    .values({ articleId: change.articleId, fromStatus: before.status, toStatus: change.to, reason: change.reason, actorId: change.actorId, at: change.at ?? new Date() })
    .returning()
    .get();
  const article = tx
    .update(articles)
    .set({ ...change.set, status: change.to, statusEventId: event.id })
    .where(eq(articles.id, change.articleId))
    .returning()
    .get();
  return { article, event };
}

/** Every status change of an article, oldest first: published, withdrawn, restored… */
export function listStatusEvents(tx: Tx, articleId: number): ArticleStatusEvent[] {
  return tx.select().from(articleStatusEvents).where(eq(articleStatusEvents.articleId, articleId)).orderBy(asc(articleStatusEvents.id)).all();
}

