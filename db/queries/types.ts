// The handle a write takes: the database itself or the transaction it runs in.
import type Database from 'better-sqlite3';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import type * as schema from '../schema';

export type Tx = BaseSQLiteDatabase<'sync', Database.RunResult, typeof schema>;
