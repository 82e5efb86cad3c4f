// The SQL half of the desk's keyset pages (lib/desk/keyset): a bound on the id and the order to walk
// it in. The bound is always there (id > 0 at the start) so SQLite searches the key, never scans.
import { asc, type Column, desc, gt, lt, type SQL } from 'drizzle-orm';
import type { Cursor, SortOrder } from '../../lib/desk/keyset';

export function keyset(id: Column, cursor: Cursor, sort: SortOrder = 'newest'): { where: SQL; orderBy: SQL } {
  const newest = sort === 'newest';
  // A "before" cursor walks back towards the start; cutPage puts the rows back in order.
  const backwards = cursor !== null && 'before' in cursor;
  const ascending = newest === backwards;
  const at = cursor ? ('after' in cursor ? cursor.after : cursor.before) : null;
  const where =
    at === null ? (newest ? lt(id, Number.MAX_SAFE_INTEGER) : gt(id, 0)) : ascending ? gt(id, at) : lt(id, at);
  return { where, orderBy: ascending ? asc(id) : desc(id) };
}
