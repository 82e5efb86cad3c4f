// For tests that run on either store (the 'sqlite' and 'postgres' vitest projects).
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
