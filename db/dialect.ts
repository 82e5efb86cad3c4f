// The few places where SQLite and PostgreSQL need different SQL, named here so a reader can see
// every one (with the full-text search in db/queries/article-search.ts). Everything else in db/queries
// is drizzle's query builder in the subset both dialects share.
import { count, type SQL, sql } from 'drizzle-orm';
import type { Tx } from './queries/types';
import { onPostgres } from './tables';

type PgExecutor = { execute(query: SQL): Promise<{ rows: Record<string, unknown>[] }> };

/** The rows of a raw query (driver-typed: counts may come back as strings on PostgreSQL). */
export async function rawRows<T>(db: Tx, query: SQL): Promise<T[]> {
  if (onPostgres) return (await (db as unknown as PgExecutor).execute(query)).rows as T[];
  return db.all<T>(query);
}

/** How many rows a (bounded) select returns, counted by the database: `SELECT count(*) FROM (…)`. */
export async function countRows(db: Tx, query: { as(alias: string): unknown }): Promise<number> {
  // drizzle's own subquery form, in both dialects.
  const counted = query.as('counted') as Parameters<ReturnType<Tx['select']>['from']>[0];
  const row = (await db.select({ n: count() }).from(counted))[0];
  return Number(row?.n ?? 0);
}

/**
 * How many distinct articles have a version saved at or after `since`, up to `cap`. SQLite: along
 * versions_saved_article_idx by name (INDEXED BY), as its planner would otherwise walk
 * (article_id, number) for the DISTINCT; PostgreSQL's planner finds the index itself.
 */
export async function countArticlesSavedSince(db: Tx, since: Date, cap: number): Promise<number> {
  if (onPostgres) {
    const rows = await rawRows<{ n: string }>(db, sql`SELECT count(*) AS n FROM (SELECT DISTINCT article_id FROM versions WHERE saved_at >= ${since.toISOString()}::timestamptz LIMIT ${cap}) AS saved`);
    return Number(rows[0]?.n ?? 0);
  }
  const rows = await rawRows<{ n: number }>(
    db,
    sql`SELECT count(*) AS n FROM (SELECT DISTINCT article_id FROM versions INDEXED BY versions_saved_article_idx WHERE saved_at >= ${since.getTime()} LIMIT ${cap})`,
  );
  return rows[0]?.n ?? 0;
}

/**
 * The distinct values of an indexed text column, found by hopping along its index (a "loose index
 * scan" as a recursive CTE): one index probe per value, never a walk of every row. `where` narrows
 * the rows hopped over; `keep` filters the values found. SQLite bounds the hops inside the CTE;
 * PostgreSQL refuses a LIMIT there, but evaluates the CTE lazily, so the outer LIMIT stops it.
 */
export async function hopDistinct(db: Tx, { table, column, where, keep, limit }: { table: SQL; column: SQL; where?: SQL; keep?: SQL; limit: number }): Promise<string[]> {
  const rowsWhere = where ? sql` WHERE ${where}` : sql``;
  const andWhere = where ? sql` AND ${where}` : sql``;
  const kept = keep ? sql` AND ${keep}` : sql``;
  const inner = onPostgres ? sql`` : sql` LIMIT ${limit + 1}`;
  const rows = await rawRows<{ v: string }>(
    db,
    sql`WITH RECURSIVE hop(v) AS (SELECT min(${column}) FROM ${table}${rowsWhere} UNION ALL SELECT (SELECT min(${column}) FROM ${table} WHERE ${column} > hop.v${andWhere}) FROM hop WHERE hop.v IS NOT NULL${inner}) SELECT v FROM hop WHERE v IS NOT NULL${kept} LIMIT ${limit}`,
  );
  return rows.map((r) => r.v);
}

/**
 * Runs `each` on every row of a select, as a plain array of its columns in the order selected, with
 * instants as epoch milliseconds, for the queries that read tens of thousands of rows (the standards
 * figures). SQLite: better-sqlite3's `iterate`, so nothing but the current row is held (and `each` is
 * synchronous, so no other statement can reach the connection while its cursor is open).
 * PostgreSQL: the rows are fetched at once and turned into arrays one by one.
 */
export async function forEachRow<T extends unknown[]>(db: Tx, query: { toSQL(): { sql: string; params: unknown[] } } & PromiseLike<Record<string, unknown>[]>, each: (row: T) => void): Promise<void> {
  if (onPostgres) {
    for (const record of await query) each(Object.values(record).map((v) => (v instanceof Date ? v.getTime() : v)) as T);
    return;
  }
  const { sql: text, params } = query.toSQL();
  for (const row of (db as unknown as { $client: { prepare(s: string): { raw(on: boolean): { iterate(...p: unknown[]): IterableIterator<T> } } } }).$client.prepare(text).raw(true).iterate(...params)) each(row);
}
