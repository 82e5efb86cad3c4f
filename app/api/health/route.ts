import { sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { transaction } from '@/db/store';
import { UNAVAILABLE_RETRY_SECONDS } from '@/lib/errors';
import { logIfUnavailable } from '@/app/(api)/unavailable';

export const dynamic = 'force-dynamic';

/** Healthy when the database reads and the write connection can begin and commit a transaction. */
export async function GET() {
  try {
    await getDb().select({ one: sql<number>`1` }).from(sql`(select 1) as probe`);
    await transaction(getDb(), async (tx) => tx.select({ one: sql<number>`1` }).from(sql`(select 1) as probe`));
    return Response.json({ ok: true });
  } catch (error) {
    // The store unreachable is one line (a load balancer asks every few seconds); anything else in full.
    if (!logIfUnavailable('health check failed', error)) console.error('health check failed', error);
    return Response.json({ ok: false }, { status: 503, headers: { 'retry-after': String(UNAVAILABLE_RETRY_SECONDS) } });
  }
}
