// The desk's full-text search (SQLite FTS5, table article_search, rowid = article id; on PostgreSQL a
// table keyed by article_id with a generated tsvector): the one place that writes its rows and words
// its queries.
import { and, ne, type SQL, sql } from 'drizzle-orm';
import { integer as pgInteger, pgTable, text as pgText } from 'drizzle-orm/pg-core';
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


const sqliteArticleSearch = sqliteTable('article_search', { rowid: integer('rowid').notNull(), body: text('body').notNull() });

/**
 * The search table as drizzle sees it, for joins; drizzle-kit never reads this file. SQLite: the FTS5
 * table (migrations 0002, 0011), keyed by rowid. PostgreSQL: db/pg/migrations/0002_article_search.sql,
 * keyed by article_id (called rowid here, so the joins are written once) with its tsvector `tsv`.
 */
export const articleSearch = onPostgres
  ? (pgTable('article_search', { rowid: pgInteger('article_id').notNull(), body: pgText('body').notNull() }) as unknown as typeof sqliteArticleSearch)
  : sqliteArticleSearch;

/** The words of an FTS5 query made by searchQuery or phrase (letters and digits only, so never tsquery syntax either). */
function wordsOf(query: string): string {
  return query.replaceAll('"', ' ').trim();
}

/** The condition "this search row has every word of `query`" (a searchQuery result). */
export function searchMatches(query: string): SQL {
  if (onPostgres) return sql`"article_search"."tsv" @@ plainto_tsquery('simple', ${wordsOf(query)})`;
  return sql`${articleSearch} MATCH ${query}`;
}

/** Articles (other than `except`) whose current text has the words of `exact` in a row, at most `limit`. */
export async function articlesWithPhrase(db: Tx, exact: string, { except, limit }: { except: number; limit: number }): Promise<number[]> {
  const words = exact.match(/[\p{L}\p{N}]+/gu);
  if (!words?.length) return [];
  const phrase = onPostgres
    ? sql`"article_search"."tsv" @@ phraseto_tsquery('simple', ${words.join(' ')})`
    : sql`${articleSearch} MATCH ${`"${words.join(' ')}"`}`;
  const rows = await db.select({ id: articleSearch.rowid }).from(articleSearch).where(and(phrase, ne(articleSearch.rowid, except))).limit(limit);
  return rows.map((r) => r.id);
}
