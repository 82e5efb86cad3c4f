// Opens Errata's PostgreSQL store (DATABASE_URL=postgres://…): a pool through drizzle's node-postgres
// driver, with every migration in db/pg/migrations applied.
import path from 'node:path';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema';
import { storeUnavailable, UNAVAILABLE_RETRY_SECONDS } from '../../lib/errors';
import { markStoreUnavailable } from '../../scripts/support/store-status.mjs';

export type PgDb = NodePgDatabase<typeof schema> & { $client: pg.Pool };

export const PG_MIGRATIONS_FOLDER = path.join(process.cwd(), 'db', 'pg', 'migrations');

/** True when the URL names a PostgreSQL server rather than a SQLite file. */
export function isPostgresUrl(url: string | undefined): url is string {
  return typeof url === 'string' && /^postgres(ql)?:\/\//.test(url);
}

/**
 * DATABASE_URL is unset or empty (the SQLite file at DATABASE_PATH), or a postgres:// URL. Anything
 * else (a typo, `mysql://…`, `POSTGRES://…`) stops the server at start: read as "not PostgreSQL", it
 * would quietly serve a local SQLite file of its own beside the other servers.
 */
export function checkDatabaseUrl(value: string | undefined = process.env.DATABASE_URL): void {
  if (value === undefined || value.trim() === '' || isPostgresUrl(value)) return;
  throw new Error(`DATABASE_URL must be a postgres:// (or postgresql://) URL, in lower case, or unset for the SQLite file at DATABASE_PATH; it is "${String(value).replace(/\/\/[^@/]*@/, '//***@').slice(0, 80)}".`);
}

/** Connections in each app server's pool unless ERRATA_PG_POOL_SIZE says otherwise. */
export const PG_POOL_SIZE = 10;

/**
 * ERRATA_PG_POOL_SIZE: each app server's pool (1–1000). Every server has a pool of its own (plus one
 * connection for its invalidation feed), so servers × (size + 1) must stay under the database's
 * max_connections. Anything else stops the server at start.
 */
export function pgPoolSize(value: string | undefined = process.env.ERRATA_PG_POOL_SIZE): number {
  if (value === undefined || value.trim() === '') return PG_POOL_SIZE;
  const n = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || n < 1 || n > 1000) throw new Error(`ERRATA_PG_POOL_SIZE must be a whole number from 1 to 1000, not "${value}".`);
  return n;
}

/**
 * Runs `fn` holding the database's start-up lock (a session advisory lock, on a connection of its own
 * so that a pool of one cannot wait on itself). Several app servers started at once on one database
 * migrate and seed it one after another: the first does the work, the others find it done.
 * PostgreSQL drops the lock with the connection, so a server killed while holding it blocks no one.
 */
export async function withStartLock<T>(url: string, fn: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, application_name: 'errata start-up lock' });
  // Ended by the server while fn runs, the lock's connection must not end the process: fn's own queries fail instead.
  client.on('error', (error) => console.error(`PostgreSQL ended the start-up lock's connection: ${error.message}`));
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock(hashtext('errata: migrate and prepare'))");
    return await fn();
  } finally {
    // Ending the session releases the lock.
    await client.end();
  }
}

/** Applies every migration in db/pg/migrations that the database lacks. */
export async function migratePg(db: PgDb): Promise<void> {
  await migrate(db, { migrationsFolder: PG_MIGRATIONS_FOLDER });
}

/** Bounds on waiting for PostgreSQL: to open a connection, for the server to finish a statement, and for any answer at all. */
export interface PgTimeouts {
  connectMs: number;
  statementMs: number;
  /** The client's own bound, a little longer than the server's: it answers when the server cannot (stopped, unreachable, its socket silent). */
  queryMs: number;
}
export const PG_APP_TIMEOUTS: PgTimeouts = { connectMs: 5_000, statementMs: 15_000, queryMs: 20_000 };

/**
 * A pool's session settings and bounds: instants are timestamptz and the session's zone only changes
 * how they print, never what the app reads; with `timeouts`, the connect, statement and read bounds.
 * (db/queries/proxy-lookups.ts's own pool takes the same, with `extra` settings of its own.)
 */
export function poolBounds(timeouts: PgTimeouts | undefined, extra = ''): Pick<pg.PoolConfig, 'options' | 'connectionTimeoutMillis' | 'query_timeout' | 'keepAlive' | 'keepAliveInitialDelayMillis'> {
  // With `timeouts`, the server also ends a transaction left idle (its client partitioned away
  // mid-transaction) after the statement bound, and probes a silent connection within seconds:
  // such a transaction holds the write lock every write takes first, so without these every write
  // on every server waited on it until TCP noticed, about two hours. (No app transaction waits
  // between its statements: webhooks are sent after their claim commits.)
  const bounded = timeouts
    ? [`-c statement_timeout=${timeouts.statementMs}`, `-c idle_in_transaction_session_timeout=${timeouts.statementMs}`, '-c tcp_keepalives_idle=10 -c tcp_keepalives_interval=5 -c tcp_keepalives_count=3']
    : [];
  const settings = ['-c TimeZone=UTC', ...bounded, extra].filter(Boolean).join(' ');
  return { options: settings, ...(timeouts ? { connectionTimeoutMillis: timeouts.connectMs, query_timeout: timeouts.queryMs, keepAlive: true, keepAliveInitialDelayMillis: 10_000 } : {}) };
}

/**
 * On an app server: a query or a connection that fails because the store cannot be reached marks the
 * request it was made for (scripts/support/store-status.mjs), so that a page or a feed that fails with
 * it answers 503 with Retry-After rather than 500. Here, below the 'use cache' functions, because a
 * failure inside one reaches the route's code (and Next's onRequestError) only as a generic error.
 * The caller still gets the failure itself; nothing is retried or hidden.
 */
function markRequestsTheStoreFailed(pool: pg.Pool): void {
  const watch = <T>(result: T): T => {
    if (result instanceof Promise) result.catch((error: unknown) => (storeUnavailable(error) ? markStoreUnavailable(UNAVAILABLE_RETRY_SECONDS) : undefined));
    return result;
  };
  const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  const connect = pool.connect.bind(pool) as (...args: unknown[]) => unknown;
  (pool as unknown as { query: (...args: unknown[]) => unknown }).query = (...args) => watch(query(...args));
  (pool as unknown as { connect: (...args: unknown[]) => unknown }).connect = (...args) => watch(connect(...args));
}

/**
 * A pool on `url`. `timeouts` (PG_APP_TIMEOUTS, an app server's, where a request must end): a connection that cannot be
 * opened in 5 s, a statement the server has not finished in 15 s (cancelled there, SQLSTATE 57014)
 * and one it never answers in 20 s (a hung or partitioned server) each fail, and the caller answers
 * 503 (lib/errors.ts storeUnavailable) instead of holding the request open. Scripts' pools (copy,
 * verify, migrations) wait as long as their work takes.
 */
export async function openPgDatabase(url: string, options: { migrate?: boolean; max?: number; timeouts?: PgTimeouts } = {}): Promise<PgDb> {
  const { timeouts } = options;
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? PG_POOL_SIZE, ...poolBounds(timeouts) });
  // A connection the server ends (a restart, a fail-over, an administrator's pg_terminate_backend) is an
  // 'error' on its client: unheard, it would end the process. The pool hears it only while the client is
  // idle; one checked out (a transaction between statements) has no other listener, so each client gets
  // its own. One line, no stack (the server's message; the lost socket that follows it is not news): the
  // query that needed the connection fails with its own error, and the pool opens another when next asked.
  pool.on('connect', (client) => {
    let logged = false;
    client.on('error', (error) => {
      if (!logged) console.error(`PostgreSQL ended a connection (the pool opens a new one when needed): ${error.message}`);
      logged = true;
    });
  });
  // An idle client's error also reaches the pool, which throws it if unheard; the client's listener above has logged it.
  pool.on('error', () => {});
  if (timeouts) markRequestsTheStoreFailed(pool);
  const db = drizzle(pool, { schema }) as PgDb;
  if (options.migrate !== false) {
    try {
      await withStartLock(url, () => migratePg(db));
    } catch (error) {
      await pool.end();
      throw error;
    }
  }
  return db;
}
