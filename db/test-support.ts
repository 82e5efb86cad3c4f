// For tests that run on either store (the 'sqlite' and 'postgres' vitest projects).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DrizzleQueryError } from 'drizzle-orm/errors';

/**
 * A statement as the database answers it: its result, or the database's own error. drizzle wraps a
 * driver's error in a DrizzleQueryError ("Failed query: …", the driver's error as its cause), always
 * with PostgreSQL's driver; this takes the wrapper off, so a test can match the words a guard refuses
 * a write with (`await expect(fromDatabase(db.update(…))).rejects.toThrow(/immutable/)`) on both stores.
 */
export async function fromDatabase<T>(statement: PromiseLike<T>): Promise<T> {
  try {
    return await statement;
  } catch (error) {
    throw error instanceof DrizzleQueryError && error.cause instanceof Error ? error.cause : error;
  }
}

/**
 * A store of a test file's own, set up before the file imports the app's store: a SQLite file in a
 * fresh temporary folder (on the 'postgres' project, DATABASE_URL already names the file's database
 * and wins), no demo newsroom, and the admin account initStore() creates. Returns the folder and the
 * admin's email; remove the folder in afterAll.
 */
export function tempStoreEnv(prefix: string): { dir: string; adminEmail: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `errata-${prefix}-`));
  const adminEmail = 'admin@example.org';
  process.env.DATABASE_PATH = path.join(dir, 'test.db');
  process.env.ERRATA_SEED = 'none';
  process.env.ERRATA_ADMIN_EMAIL = adminEmail;
  process.env.ERRATA_ADMIN_PASSWORD = 'a long enough admin password 2026';
  return { dir, adminEmail };
}
