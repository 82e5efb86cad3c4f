// The desk's full-text search (SQLite FTS5, table article_search, rowid = article id; on PostgreSQL a
// table keyed by article_id with a generated tsvector): the one place that writes its rows and words
// its queries.
import { sql } from 'drizzle-orm';
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { onPostgres } from '../tables';
import type { Tx } from './types';

export interface SearchableArticle {
  articleId: number;
  headline: string;
  standfirst: string;
  body: string;
  slug: string;
  byline: string;
}

/** Replaces the article's row with its current text, slug and byline (see migrations 0002 and 0011). */
export async function indexArticleSearch(tx: Tx, a: SearchableArticle): Promise<void> {
  const text = `${a.headline} ${a.standfirst} ${a.body} ${a.slug.replaceAll('-', ' ')} ${a.byline}`;
  // SQLite-only (FTS5 keyed by rowid). Inside a transaction this runs at once; on the app's handle
  // outside one it is sent to the write connection under its lock, so it is awaited either way.
  if (onPostgres) {
    const pg = tx as unknown as { execute(query: unknown): Promise<unknown> };
    await pg.execute(sql`INSERT INTO article_search (article_id, body) VALUES (${a.articleId}, ${text}) ON CONFLICT (article_id) DO UPDATE SET body = excluded.body`);
    return;
  }
  await Promise.resolve(tx.run(sql`DELETE FROM article_search WHERE rowid = ${a.articleId}`));
  await Promise.resolve(tx.run(sql`INSERT INTO article_search (rowid, body) VALUES (${a.articleId}, ${text})`));
}

/**
 * An FTS5 query from what the desk typed: every word must appear (whole words: a prefix query
 * merges every matching term's list, ~200× slower at a million articles); anything that is not a
 * letter or digit is dropped, so no input is FTS syntax. Null when no word is left.
 */
export function searchQuery(input: string): string | null {
  const words = input.match(/[\p{L}\p{N}]+/gu)?.slice(0, 12);
  if (!words?.length) return null;
  return words.map((w) => `"${w}"`).join(' ');
}


/** The FTS5 table as drizzle sees it, for joins; drizzle-kit never reads this file (migrations 0002, 0011 made it). */
export const articleSearch = sqliteTable('article_search', { rowid: integer('rowid').notNull(), body: text('body').notNull() });
