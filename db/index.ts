// The app's one database handle: opened, migrated and (on an empty database) seeded once per process.
import 'server-only';
import { type Db, openDatabase } from './connection';
import { prepareDatabase } from './setup';

export type { Db } from './connection';

const globalForDb = globalThis as unknown as { errataDb?: Db };

export function getDb(): Db {
  if (!globalForDb.errataDb) {
    const db = openDatabase();
    prepareDatabase(db);
    globalForDb.errataDb = db;
  }
  return globalForDb.errataDb;
}
