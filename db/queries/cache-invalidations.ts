// The shared record of which cache tags each write expired, for the other app servers (see the table).
import 'server-only';
import { lte, sql } from 'drizzle-orm';
import { INVALIDATION_CHANNEL } from '../../scripts/support/shared-invalidations.mjs';
import { getDb } from '../index';
import { cacheInvalidations, onPostgres } from '../tables';
import { transaction } from '../store';

/** Rows kept: far more than any server falls behind between two polls (a quarter of a second apart). */
export const CACHE_INVALIDATIONS_KEEP = 10_000;

/**
 * Records that `origin` expired these tags; older rows past the newest CACHE_INVALIDATIONS_KEEP go in
 * the same transaction. On PostgreSQL the transaction also notifies INVALIDATION_CHANNEL, which
 * PostgreSQL delivers as it commits, so the other servers read the row at once instead of at their
 * next poll (scripts/support/shared-invalidations.mjs).
 */
export async function recordInvalidation({ tags, origin }: { tags: readonly string[]; origin: string }): Promise<number> {
  return await transaction(getDb(), async (tx) => {
    const row = (await tx.insert(cacheInvalidations).values({ tags: tags.join(' '), origin }).returning({ id: cacheInvalidations.id }))[0];
    await tx.delete(cacheInvalidations).where(lte(cacheInvalidations.id, row.id - CACHE_INVALIDATIONS_KEEP));
    if (onPostgres) await (tx as unknown as { execute(query: ReturnType<typeof sql>): Promise<unknown> }).execute(sql`SELECT pg_notify(${INVALIDATION_CHANNEL}, ${String(row.id)})`);
    return row.id;
  });
}
