// The distinct values of an indexed text column, found by hopping along its index (a "loose index
// scan" as a recursive CTE, SQLite-only): one index probe per value, never a walk of every row.
import { sql } from 'drizzle-orm';
import { publicArticleCondition } from './public-record';
import type { Tx } from './types';

const COLUMNS = { section: 'section', byline: 'byline' } as const;

/** With publicOnly, only values that some article readers may see carries (one more probe each). */
export function distinctArticleValues(db: Tx, column: keyof typeof COLUMNS, limit: number, { publicOnly = false } = {}): string[] {
  const c = sql.raw(COLUMNS[column]);
  const visible = publicOnly
    ? sql` AND EXISTS (SELECT 1 FROM articles WHERE articles.${c} = hop.v AND ${publicArticleCondition()})`
    : sql``;
  return db
    .all<{ v: string }>(
      sql`WITH RECURSIVE hop(v) AS (SELECT min(${c}) FROM articles UNION ALL SELECT (SELECT min(${c}) FROM articles WHERE ${c} > hop.v) FROM hop WHERE hop.v IS NOT NULL LIMIT ${limit + 1}) SELECT v FROM hop WHERE v IS NOT NULL${visible} LIMIT ${limit}`,
    )
    .map((r) => r.v);
}
