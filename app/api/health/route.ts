import { sql } from 'drizzle-orm';
import { getDb } from '@/db';

export const dynamic = 'force-dynamic';

export function GET() {
  try {
    getDb().run(sql`select 1`);
    return Response.json({ ok: true });
  } catch (error) {
    console.error('health check failed', error);
    return Response.json({ ok: false }, { status: 503 });
  }
}
