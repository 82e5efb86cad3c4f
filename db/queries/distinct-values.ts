// The distinct values of an indexed text column, found by hopping along its index (db/dialect.ts
// hopDistinct): one index probe per value, never a walk of every row.
import { sql } from 'drizzle-orm';
import { hopDistinct } from '../dialect';
import { publicArticleCondition } from './public-record';
import type { Tx } from './types';

const COLUMNS = { section: 'section', byline: 'byline' } as const;

/** With publicOnly, only values that some article readers may see carries (one more probe each). */
export function distinctArticleValues(db: Tx, column: keyof typeof COLUMNS, limit: number, { publicOnly = false } = {}): Promise<string[]> {
  const c = sql.raw(COLUMNS[column]);
  const keep = publicOnly ? sql`EXISTS (SELECT 1 FROM articles WHERE articles.${c} = hop.v AND ${publicArticleCondition()})` : undefined;
  return hopDistinct(db, { table: sql`articles`, column: c, keep, limit });
}
