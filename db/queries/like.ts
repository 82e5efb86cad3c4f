// Literal text matching with SQL LIKE: the one place that escapes LIKE's wildcards and says so to SQLite.
import { type AnyColumn, type SQL, sql } from 'drizzle-orm';

/** `%`, `_` and the escape character itself, each preceded by the escape character. */
export function escapeLike(text: string): string {
  return text.replace(/[%_\\]/g, '\\$&');
}

/**
 * `column LIKE 'text%' ESCAPE '\'`: rows whose value starts with `text`, taken literally. Without the
 * ESCAPE clause SQLite has no escape character, and an escaped `50\%` would match nothing at all.
 */
export function startsWithLiterally(column: AnyColumn, text: string): SQL {
  return sql`${column} LIKE ${`${escapeLike(text)}%`} ESCAPE '\\'`;
}
