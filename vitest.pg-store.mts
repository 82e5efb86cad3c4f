// The 'postgres' project's set-up, run in each test file's worker before the file itself: the app's
// store (db/index.ts) opens a fresh, empty database of the file's own on the run's scratch cluster,
// migrated by initStore() like a server's. DATABASE_URL is set before the file imports anything, so
// db/tables.ts picks the PostgreSQL tables. After the file: its store is closed and its database dropped.
import { afterAll } from 'vitest';
import { createEmptyPgDatabase, dropPgDatabase } from './db/pg/test-support';

const url = await createEmptyPgDatabase();
process.env.DATABASE_URL = url;
// Had anything imported db/tables.ts before this line, the file would quietly run on SQLite.
if (!(await import('./db/tables')).onPostgres) throw new Error('db/tables.ts was loaded before DATABASE_URL was set: the file would not run on PostgreSQL.');

afterAll(async () => {
  // The file has opened the store by now (its own afterAll hooks ran first), so this is its instance.
  const { closeStore } = await import('./db/index');
  await closeStore();
  await dropPgDatabase(url);
});
