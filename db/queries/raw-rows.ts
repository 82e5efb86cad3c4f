// Rows as plain arrays, one at a time, for the queries that read tens of thousands (the standards
// figures): nothing but the current row is held, so a year of a national newsroom's record is
// counted without building an object per row. The query is built with drizzle (its SQL and its
// parameters, already in the driver's form); only running it is the driver's (better-sqlite3's
// `iterate`, here: a cursor on PostgreSQL).
import { getDb } from '../index';

export function eachRow<T extends unknown[]>(query: { toSQL(): { sql: string; params: unknown[] } }): IterableIterator<T> {
  const { sql, params } = query.toSQL();
  return getDb().$client.prepare(sql).raw(true).iterate(...params) as IterableIterator<T>;
}
