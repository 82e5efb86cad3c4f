// Reading the e2e server's database from a spec, read-only, one query at a time (the server keeps
// writing it meanwhile).
import path from 'node:path';
import Database from 'better-sqlite3';

export const e2eDatabasePath = process.env.E2E_DATABASE_PATH ?? path.join(process.cwd(), 'data', 'e2e', 'errata.db');

function withDatabase<T>(fn: (db: Database.Database) => T): T {
  const db = new Database(e2eDatabasePath, { readonly: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** The first row of a query. */
export function queryOne<T>(sql: string, ...params: unknown[]): T {
  return withDatabase((db) => db.prepare(sql).get(...params) as T);
}

/** Every row of a query. */
export function queryAll<T>(sql: string, ...params: unknown[]): T[] {
  return withDatabase((db) => db.prepare(sql).all(...params) as T[]);
}
