// Transactions that are real transactions on either store, with async bodies.
//
// PostgreSQL: drizzle's own (a pooled client of its own for the transaction's life).
// SQLite: better-sqlite3 is synchronous and has one connection, so a transaction whose body awaits
// would otherwise share its connection with whatever else runs meanwhile. Here every transaction on
// a connection takes that connection's lock (one at a time, BEGIN IMMEDIATE … COMMIT), and the app's
// handle (db/index.ts) reads through a second connection that sees only what was committed and sends
// its few writes outside a transaction through the same lock. Inside a transaction, getDb() and a
// nested transaction() are the transaction itself (AsyncLocalStorage), so a helper called from a
// transaction can never step outside it.
import { AsyncLocalStorage } from 'node:async_hooks';
import { is, type SQL, sql } from 'drizzle-orm';
import { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import type { Tx } from './queries/types';

/** One at a time, in arrival order. */
export class Lock {
  private tail: Promise<void> = Promise.resolve();

  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.tail.then(fn);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}

interface Context {
  tx: Tx;
  /** The handle the outermost transaction() was given (PostgreSQL: the pool's drizzle). */
  root: Tx;
  /**
   * Set when the transaction has committed or rolled back. Work the body started without awaiting
   * (a timer, a promise left running) still carries this context; once it is done, that work is
   * outside any transaction again instead of writing through a finished one.
   */
  done: boolean;
  /** The lock this context holds (SQLite), so a write through the app's handle inside it does not wait on itself. */
  lock: Lock | null;
}

/**
 * Process-wide, like the database handle: instrumentation.ts and each route are separate bundles
 * with their own copy of this module, and they must share one lock per connection, one notion of
 * "inside a transaction" and one map from the app's read handle to its writer.
 */
const shared = ((globalThis as unknown as Record<symbol, unknown>)[Symbol.for('errata.store')] ??= {
  context: new AsyncLocalStorage<Context>(),
  locks: new WeakMap<object, Lock>(),
  writers: new WeakMap<object, Tx>(),
}) as { context: AsyncLocalStorage<Context>; locks: WeakMap<object, Lock>; writers: WeakMap<object, Tx> };
const { context, locks, writers } = shared;

/** The connection's lock: one per better-sqlite3 client. */
export function lockOf(db: Tx): Lock {
  const client = (db as unknown as { $client?: object }).$client ?? db;
  let lock = locks.get(client);
  if (!lock) locks.set(client, (lock = new Lock()));
  return lock;
}

/** The transaction the calling code runs in, if any. */
export function currentTx(): Tx | undefined {
  const store = context.getStore();
  return store && !store.done ? store.tx : undefined;
}

/** Whether the calling code holds this lock already (it runs inside a transaction that took it). */
export function holds(lock: Lock): boolean {
  const store = context.getStore();
  return Boolean(store && !store.done && store.lock === lock);
}

/** Runs `fn` outside the caller's transaction: for timers and work that must outlive it. */
export function detached<T>(fn: () => T): T {
  return context.exit(fn);
}

/** Runs `fn` with the lock held, or at once when the caller holds it already. */
export function withLock<T>(lock: Lock, fn: () => Promise<T>): Promise<T> {
  if (holds(lock)) return fn();
  return lock.run(fn);
}

export interface TransactionOptions {
  /** PostgreSQL's isolation level; SQLite's transactions are serialisable whatever is asked. */
  isolation?: 'read committed' | 'repeatable read' | 'serializable';
  /**
   * PostgreSQL: run beside the writers instead of after them, for a transaction that does its own
   * row locking (the outbox claim's FOR UPDATE SKIP LOCKED). SQLite has one writer whatever is asked.
   */
  concurrent?: boolean;
}

/**
 * The key of the advisory lock every PostgreSQL write transaction takes first (one bigint, chosen
 * once; pg_advisory_xact_lock releases it at COMMIT or ROLLBACK). It gives PostgreSQL the discipline
 * SQLite's BEGIN IMMEDIATE gives: one write transaction at a time across every app server, so each
 * read-then-write (a save from its base version, publishing a correction, accepting a report,
 * publishing an edition, a rate limit's count and record) reads what the last one committed and
 * nobody writes in between, on either store, with no serialisation failures to retry.
 */
export const PG_WRITE_LOCK_KEY = 7_001_826_104_120_026n;

interface SqliteClient {
  exec(sql: string): void;
  readonly inTransaction: boolean;
}

/**
 * A write connection that could neither commit nor roll back is still inside its transaction: every
 * later write would join it and vanish with the process. From then on its lock refuses all work, and
 * the server's health check fails (app/api/health), so it is restarted rather than losing writes.
 */
const stuck = new WeakSet<Lock>();

export class StuckConnectionError extends Error {
  constructor() {
    super('The database write connection is stuck inside a transaction it could not end; restart the server.');
  }
}

/** Throws StuckConnectionError if this handle's write connection can no longer end a transaction. */
export function assertWritable(db: Tx): void {
  if (stuck.has(lockOf(writerOf(db)))) throw new StuckConnectionError();
}

/**
 * Runs `fn` in a transaction on `db`: committed when it resolves, rolled back when it throws. Inside
 * another transaction on the same database it joins that one (the outer commit or rollback
 * decides); inside a transaction on another database it is refused, never silently merged.
 */
export async function transaction<T>(db: Tx, fn: (tx: Tx) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
  const outer = context.getStore();
  if (outer && !outer.done) {
    const same = outer.lock ? is(db, BaseSQLiteDatabase) && lockOf(writerOf(db)) === outer.lock : db === outer.root || db === outer.tx;
    if (!same) throw new Error('A transaction on another database was started inside a transaction: run it outside (detached()) instead.');
    return fn(outer.tx);
  }
  if (is(db, BaseSQLiteDatabase)) {
    const writer = writerOf(db);
    const lock = lockOf(writer);
    return lock.run(async () => {
      if (stuck.has(lock)) throw new StuckConnectionError();
      const client = (writer as unknown as { $client: SqliteClient }).$client;
      // Never inside a transaction someone else left open: that would merge two units of work.
      if (client.inTransaction) {
        stuck.add(lock);
        throw new StuckConnectionError();
      }
      client.exec('BEGIN IMMEDIATE');
      const own: Context = { tx: writer, root: db, lock, done: false };
      try {
        const result = await context.run(own, () => fn(writer));
        // SQLite may have rolled back by itself (a constraint with ON CONFLICT ROLLBACK): then
        // nothing was written, and the caller must hear so rather than "committed".
        if (!client.inTransaction) throw new Error('SQLite rolled the transaction back before it could commit.');
        client.exec('COMMIT');
        return result;
      } catch (error) {
        if (client.inTransaction) {
          try {
            client.exec('ROLLBACK');
          } catch {
            // Checked below.
          }
        }
        if (client.inTransaction) stuck.add(lock);
        throw error;
      } finally {
        own.done = true;
      }
    });
  }
  const pgDb = db as unknown as { transaction<R>(fn: (tx: Tx) => Promise<R>, config?: { isolationLevel?: string }): Promise<R> };
  return pgDb.transaction(
    async (tx) => {
      const own: Context = { tx, root: db, lock: null, done: false };
      try {
        if (!options.concurrent) await (tx as unknown as { execute(q: SQL): Promise<unknown> }).execute(sql`SELECT pg_advisory_xact_lock(${PG_WRITE_LOCK_KEY.toString()}::bigint)`);
        return await context.run(own, () => fn(tx));
      } finally {
        own.done = true;
      }
    },
    { isolationLevel: options.isolation ?? 'read committed' },
  );
}

/** The app's read handle's writer connection (db/index.ts registers it); any other handle is its own writer. */
export function registerWriter(read: Tx, write: Tx): void {
  writers.set(read, write);
}

function writerOf(db: Tx): Tx {
  return writers.get(db) ?? db;
}

/**
 * The app's SQLite handle: reads go to `read` (which sees only committed data); an insert, update or
 * delete made outside a transaction is sent to `write` under its lock, so it never lands inside
 * another request's open transaction.
 */
export function gatedSqliteHandle(read: Tx, write: Tx): Tx {
  const lock = lockOf(write);
  const client = (write as unknown as { $client: SqliteClient }).$client;
  /** Runs one statement on the write connection with its lock held, never inside a transaction left open. */
  const locked = <R>(run: () => PromiseLike<R> | R): Promise<R> =>
    withLock(lock, async () => {
      if (!holds(lock) && (stuck.has(lock) || client.inTransaction)) {
        stuck.add(lock);
        throw new StuckConnectionError();
      }
      return run();
    });
  const gate = <B extends object>(builder: B): B =>
    new Proxy(builder, {
      get(target, prop) {
        const value = Reflect.get(target, prop, target) as unknown;
        if (prop === 'then') {
          return (resolve: (v: unknown) => unknown, reject: (e: unknown) => unknown) => locked(() => target as unknown as PromiseLike<unknown>).then(resolve, reject);
        }
        if (prop === 'catch') return (reject: (e: unknown) => unknown) => locked(() => target as unknown as PromiseLike<unknown>).catch(reject);
        if (prop === 'finally') return (done: () => void) => locked(() => target as unknown as PromiseLike<unknown>).finally(done);
        // The synchronous ways to run a statement would skip the lock: only awaiting is allowed.
        // (An insert's .values(rows) sets its rows; only the argument-less .values() runs it.)
        const runsNow = prop === 'run' || prop === 'all' || prop === 'get' || prop === 'execute' || prop === 'prepare' || prop === 'sync';
        if (runsNow || prop === 'values') {
          return (...args: unknown[]) => {
            if (prop === 'values' && args.length > 0) return gate((value as (...a: unknown[]) => object).apply(target, args));
            throw new Error(`A write outside a transaction runs only when awaited, not with .${String(prop)}().`);
          };
        }
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          const out = (value as (...a: unknown[]) => unknown).apply(target, args);
          return out !== null && typeof out === 'object' && 'then' in out ? gate(out) : out;
        };
      },
    });
  /** insert/update/delete as `writer` makes them, gated; undefined for anything else. */
  const writeThrough = (writer: object, prop: string | symbol): unknown => {
    if (prop !== 'insert' && prop !== 'update' && prop !== 'delete') return undefined;
    const make = Reflect.get(writer, prop, writer) as (...a: unknown[]) => object;
    return (...args: unknown[]) => gate(make.apply(writer, args));
  };
  const writes = (source: object, target: object) => new Proxy(source, { get: (t, prop) => writeThrough(target, prop) ?? (Reflect.get(t, prop, t) as unknown) });
  const handle = new Proxy(read, {
    get(target, prop) {
      const written = writeThrough(write, prop);
      if (written) return written;
      // WITH … INSERT/UPDATE/DELETE writes too: the CTE's writes go to the write connection.
      if (prop === 'with') {
        return (...ctes: unknown[]) => {
          const r = (Reflect.get(read, 'with', read) as (...a: unknown[]) => object).apply(read, ctes);
          const w = (Reflect.get(write, 'with', write) as (...a: unknown[]) => object).apply(write, ctes);
          return writes(r, w);
        };
      }
      // Raw SQL run outside a transaction: on the write connection, with its lock.
      if (prop === 'run') return (query: unknown) => locked(() => (write as unknown as { run(q: unknown): unknown }).run(query));
      if (prop === 'transaction' || prop === 'batch') {
        return () => {
          throw new Error(`Use transaction() from db/store.ts, not the handle's .${String(prop)}().`);
        };
      }
      return Reflect.get(target, prop, target) as unknown;
    },
  });
  registerWriter(handle, write);
  return handle;
}
