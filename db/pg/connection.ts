// Opens Errata's PostgreSQL store (DATABASE_URL=postgres://…): a pool through drizzle's node-postgres
// driver, with every migration in db/pg/migrations applied.
import path from 'node:path';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema';

export type PgDb = NodePgDatabase<typeof schema> & { $client: pg.Pool };

export const PG_MIGRATIONS_FOLDER = path.join(process.cwd(), 'db', 'pg', 'migrations');

/** True when the URL names a PostgreSQL server rather than a SQLite file. */
export function isPostgresUrl(url: string | undefined): url is string {
  return typeof url === 'string' && /^postgres(ql)?:\/\//.test(url);
}

export async function openPgDatabase(url: string, options: { migrate?: boolean; max?: number } = {}): Promise<PgDb> {
  // Instants are timestamptz; the session's zone only changes how they print, never what the app reads.
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, options: '-c TimeZone=UTC' });
  const db = drizzle(pool, { schema }) as PgDb;
  if (options.migrate !== false) await migrate(db, { migrationsFolder: PG_MIGRATIONS_FOLDER });
  return db;
}
