// The app's database handle. SQLite: one connection for writes (migrated at open) and one for reads,
// which sees only what was committed; the writes a request makes outside a transaction are sent to
// the write connection under its lock (db/store.ts). Inside a transaction, getDb() is that transaction.
import 'server-only';
import { type Db, databasePath, openDatabase } from './connection';
import { openPgDatabase } from './pg/connection';
import { prepareDatabase } from './setup';
import { currentTx, gatedSqliteHandle } from './store';
import { onPostgres } from './tables';

export type { Db } from './connection';

interface Store {
  read: Db;
  write: Db;
  ready?: Promise<void>;
}

const globalForDb = globalThis as unknown as { errataStore?: Store };

function openStore(): Store {
  if (!globalForDb.errataStore) {
    if (onPostgres) throw new Error('DATABASE_URL names PostgreSQL: the store is opened by initStore(), which the server awaits at start.');
    const file = databasePath();
    const write = openDatabase(file);
    // An in-memory database exists only on its own connection, so it reads there too.
    const read = file === ':memory:' ? write : openDatabase(file, { migrate: false });
    globalForDb.errataStore = { write, read: gatedSqliteHandle(read, write) as Db };
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

/** PostgreSQL: one pool (migrated at open) for reads, writes and transactions alike. */
function initPgStore(log?: (line: string) => void): Promise<void> {
  const pending = globalForDb as unknown as { errataPgOpening?: Promise<void> };
  pending.errataPgOpening ??= (async () => {
    const db = (await openPgDatabase(process.env.DATABASE_URL as string)) as unknown as Db;
    const store: Store = { read: db, write: db };
    store.ready = prepareDatabase(db, log);
    globalForDb.errataStore = store;
    await store.ready;
  })();
  return pending.errataPgOpening;
}
