// The app's database handle. SQLite: one connection for writes (migrated at open) and one for reads,
// which sees only what was committed; the writes a request makes outside a transaction are sent to
// the write connection under its lock (db/store.ts). Inside a transaction, getDb() is that transaction.
import 'server-only';
import { type Db, databasePath, openDatabase } from './connection';
import { migratePg, openPgDatabase, PG_APP_TIMEOUTS, pgPoolSize, withStartLock } from './pg/connection';
import { prepareDatabase } from './setup';
import { currentTx, gatedSqliteHandle } from './store';
import { onPostgres } from './tables';

export type { Db } from './connection';

interface Store {
  read: Db;
  write: Db;
  ready?: Promise<void>;
  /** Ends its connections (SQLite: both; PostgreSQL: the pool). */
  close(): Promise<void>;
}

const globalForDb = globalThis as unknown as { errataStore?: Store };

function openStore(): Store {
  if (!globalForDb.errataStore) {
    if (onPostgres) throw new Error('DATABASE_URL names PostgreSQL: the store is opened by initStore(), which the server awaits at start.');
    const file = databasePath();
    const write = openDatabase(file);
    // An in-memory database exists only on its own connection, so it reads there too.
    const read = file === ':memory:' ? write : openDatabase(file, { migrate: false });
    globalForDb.errataStore = {
      write,
      read: gatedSqliteHandle(read, write) as Db,
      close: async () => {
        if (read !== write) read.$client.close();
        write.$client.close();
      },
    };
  }
  return globalForDb.errataStore;
}

/** The handle for the calling code: the transaction it runs in, else the app's read handle. */
export function getDb(): Db {
  return (currentTx() as Db | undefined) ?? openStore().read;
}

/**
 * Opens and readies the database once per process: the settings row, the demo newsroom on an empty
 * database, the first admin. The server awaits it before serving (instrumentation.ts); so do scripts.
 */
export function initStore(log?: (line: string) => void): Promise<void> {
  if (onPostgres && !globalForDb.errataStore) return initPgStore(log);
  const store = openStore();
  // Set before the first await, so concurrent callers share one preparation (never seed twice).
  store.ready ??= prepareDatabase(store.read, log).catch((error: unknown) => {
    store.ready = undefined;
    throw error;
  });
  return store.ready;
}

/** PostgreSQL: one pool (ERRATA_PG_POOL_SIZE connections, migrated at open) for reads, writes and transactions alike. */
function initPgStore(log?: (line: string) => void): Promise<void> {
  const pending = globalForDb as unknown as { errataPgOpening?: Promise<void> };
  pending.errataPgOpening ??= (async () => {
    const url = process.env.DATABASE_URL as string;
    const pool = await openPgDatabase(url, { migrate: false, max: pgPoolSize(), timeouts: PG_APP_TIMEOUTS });
    const db = pool as unknown as Db;
    const store: Store = { read: db, write: db, close: () => pool.$client.end() };
    // Under the database's start-up lock: of several servers started at once, one migrates and
    // seeds an empty database; the others wait for it, then find the work done.
    store.ready = withStartLock(url, async () => {
      // Migrations on a connection of their own, without the app's statement bounds: building an
      // index on a large archive takes as long as it takes.
      const setup = await openPgDatabase(url, { migrate: false, max: 1 });
      try {
        await migratePg(setup);
      } finally {
        await setup.$client.end();
      }
      await prepareDatabase(db, log);
    });
    globalForDb.errataStore = store;
    await store.ready;
  })();
  return pending.errataPgOpening;
}

/**
 * Closes the store's connections, for a process that outlives its use of the database (a test file,
 * before its database is dropped). Waits for an opening or preparation under way; the next
 * initStore() opens the store again.
 */
export async function closeStore(): Promise<void> {
  const pending = globalForDb as unknown as { errataPgOpening?: Promise<void> };
  await pending.errataPgOpening?.catch(() => undefined);
  const store = globalForDb.errataStore;
  globalForDb.errataStore = undefined;
  pending.errataPgOpening = undefined;
  if (!store) return;
  await store.ready?.catch(() => undefined);
  await store.close();
}
