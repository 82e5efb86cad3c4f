// The purge log: one row per purge sent to the HTTP cache in front, updated as its attempts go.
// Not the record (the cache is derived from it), so only the newest PURGE_LOG_KEEP rows are kept.
import 'server-only';
import { eq, lte } from 'drizzle-orm';
import { type Cursor, cutPage } from '../../lib/desk/keyset';
import { getDb } from '../index';
import { purgeLog, users } from '../tables';
import { keyset } from './keyset';
import { transaction } from '../store';

export const PURGE_LOG_KEEP = 10_000;
export const PURGE_LOG_PAGE_SIZE = 50;

/** A new row, pending; rows older than the newest PURGE_LOG_KEEP are deleted in the same transaction. */
export async function addPurgeLogEntry({ actorId, tags, purger }: { actorId: number | null; tags: readonly string[]; purger: string }): Promise<number> {
  const db = getDb();
  return await transaction(db, async (tx) => {
    const row = (await tx.insert(purgeLog).values({ actorId, tags: tags.join(' '), purger, status: 'pending' }).returning({ id: purgeLog.id }))[0];
    await tx.delete(purgeLog).where(lte(purgeLog.id, row.id - PURGE_LOG_KEEP));
    return row.id;
  });
}

export async function updatePurgeLogEntry({ id, status, attempts, error }: { id: number; status: 'pending' | 'done' | 'failed'; attempts: number; error: string | null }): Promise<void> {
  await getDb()
    .update(purgeLog)
    .set({ status, attempts, error, finishedAt: status === 'pending' ? null : new Date() })
    .where(eq(purgeLog.id, id));
}

export async function listPurgeLog({ cursor }: { cursor: Cursor }) {
  const key = keyset(purgeLog.id, cursor);
  const fetched = await getDb()
    .select({ entry: purgeLog, actorEmail: users.email })
    .from(purgeLog)
    .leftJoin(users, eq(users.id, purgeLog.actorId))
    .where(key.where)
    .orderBy(key.orderBy)
    .limit(PURGE_LOG_PAGE_SIZE + 1);
  return cutPage(fetched, cursor, PURGE_LOG_PAGE_SIZE, (r) => r.entry.id);
}
