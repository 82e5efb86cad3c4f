// For tests that need PostgreSQL: a fresh, migrated database of its own on the run's scratch cluster.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { databaseUrl } from '../../scripts/pg-cluster.mjs';
// Nothing here may load db/tables.ts (which settles the store at import): vitest.pg-store.mts imports
// this file before it sets DATABASE_URL. What does load it (db:copy's checks) is imported when used.
import { isPostgresUrl, openPgDatabase, type PgDb } from './connection';

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string | null;
    pgProblem: string | null;
  }
}

/** The scratch cluster's URL; throws (never skips) when the run has no PostgreSQL. */
export function pgClusterUrl(): string {
  const url = inject('pgUrl');
  if (!url) throw new Error(inject('pgProblem') ?? 'No PostgreSQL for this test run.');
  return url;
}

/** Creates an empty database and returns its URL (nothing migrated). */
export async function createEmptyPgDatabase(): Promise<string> {
  const cluster = pgClusterUrl();
  const name = `errata_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: cluster });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return databaseUrl(cluster, name);
}

/** Drops a database made by createEmptyPgDatabase, ending any connection still open to it. */
export async function dropPgDatabase(url: string): Promise<void> {
  const admin = new pg.Client({ connectionString: pgClusterUrl() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${new URL(url).pathname.slice(1)} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

export interface PgTestDatabase {
  url: string;
  db: PgDb;
  /** Closes the pool and drops the database. */
  drop(): Promise<void>;
}

/** A fresh database with every PostgreSQL migration applied. */
export async function createPgTestDatabase(): Promise<PgTestDatabase> {
  const url = await createEmptyPgDatabase();
  const db = await openPgDatabase(url, { max: 4 });
  return {
    url,
    db,
    async drop() {
      await db.$client.end();
      await dropPgDatabase(url);
    },
  };
}

/**
 * For a test whose newsroom a fixture generator writes straight into a SQLite file (as bench/scale.ts
 * and e2e/support/statement-fixture.ts do): makes that newsroom the one the app's store opens. On
 * SQLite it is the file itself (DATABASE_PATH). With DATABASE_URL=postgres://… (the 'postgres'
 * project) it is copied into that database as `npm run db:copy` copies one, and the copy's rows are
 * checked against the file's. Call it before initStore(). (The fixture's hash chains are whatever
 * its generator wrote, on either store, so they are not checked here.)
 */
export async function openNewsroomFile(file: string): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!isPostgresUrl(url)) {
    process.env.DATABASE_PATH = file;
    return;
  }
  const { openDatabase } = await import('../connection');
  const { copySqliteToPg } = await import('./copy');
  const source = openDatabase(file, { migrate: false });
  const target = await openPgDatabase(url, { max: 2 });
  try {
    const { mismatches } = await copySqliteToPg(source, target);
    if (mismatches.length > 0) throw new Error(`The copy of ${file} differs from it: ${mismatches.join('; ')}`);
  } finally {
    await target.$client.end();
    source.$client.close();
  }
}
