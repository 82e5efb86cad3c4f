// For tests that need PostgreSQL: a fresh, migrated database of its own on the run's scratch cluster.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { databaseUrl } from '../../scripts/pg-cluster.mjs';
import { openPgDatabase, type PgDb } from './connection';

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
      const admin = new pg.Client({ connectionString: pgClusterUrl() });
      await admin.connect();
      try {
        await admin.query(`DROP DATABASE IF EXISTS ${new URL(url).pathname.slice(1)} WITH (FORCE)`);
      } finally {
        await admin.end();
      }
    },
  };
}
