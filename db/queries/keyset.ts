// The SQL half of the desk's keyset pages (lib/desk/keyset): a bound on the id and the order to walk
// it in. The bound is always there (id > 0 at the start) so SQLite searches the key, never scans.
import { asc, type Column, desc, gt, lt, lte, type SQL } from 'drizzle-orm';
import type { Cursor, SortOrder } from '../../lib/desk/keyset';
import { onPostgres } from '../tables';

/** The highest id a row can have: PostgreSQL's ids are `integer`; SQLite's go as far as a JS number is exact. */
const MAX_ID = onPostgres ? 2_147_483_647 : Number.MAX_SAFE_INTEGER;

export function keyset(id: Column, cursor: Cursor, sort: SortOrder = 'newest'): { where: SQL; orderBy: SQL } {
  const newest = sort === 'newest';
  // A "before" cursor walks back towards the start; cutPage puts the rows back in order.
  const backwards = cursor !== null && 'before' in cursor;
  const ascending = newest === backwards;
  const at = cursor ? ('after' in cursor ? cursor.after : cursor.before) : null;
  const where =
    at === null ? (newest ? lte(id, MAX_ID) : gt(id, 0)) : ascending ? gt(id, at) : lt(id, at);
  return { where, orderBy: ascending ? asc(id) : desc(id) };
}
