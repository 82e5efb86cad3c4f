import { sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { transaction } from '@/db/store';
import { storeUnavailable, UNAVAILABLE_RETRY_SECONDS, unavailableDetail } from '@/lib/errors';

export const dynamic = 'force-dynamic';

/** Healthy when the database reads and the write connection can begin and commit a transaction. */
export async function GET() {
  try {
    await getDb().select({ one: sql<number>`1` }).from(sql`(select 1) as probe`);
    await transaction(getDb(), async (tx) => tx.select({ one: sql<number>`1` }).from(sql`(select 1) as probe`));
    return Response.json({ ok: true });
  } catch (error) {
    // The store unreachable is one line (a load balancer asks every few seconds); anything else in full.
    const unavailable = storeUnavailable(error);
    if (unavailable) console.error(`health check failed: the store is unavailable (${unavailableDetail(unavailable)})`);
    else console.error('health check failed', error);
    return Response.json({ ok: false }, { status: 503, headers: { 'retry-after': String(UNAVAILABLE_RETRY_SECONDS) } });
  }
}
