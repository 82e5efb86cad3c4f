// Several app servers started at once on one empty PostgreSQL database: each migrates and prepares it
// at start (db/index.ts), under the database's start-up lock, so the schema is made once and the demo
// newsroom seeded once. Two pools here stand for two servers.
// Nothing that may load db/tables.ts is imported before DATABASE_URL is set (the database is made
// here with pg alone for that reason).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { databaseUrl } from '../../scripts/pg-cluster.mjs';

let url: string;
const name = `errata_t_${randomBytes(6).toString('hex')}`;

async function asAdmin(statement: string): Promise<void> {
  const cluster = inject('pgUrl');
  // Fails, never skips, without PostgreSQL.
  if (!cluster) throw new Error(inject('pgProblem') ?? 'No PostgreSQL for this test run.');
  const admin = new pg.Client({ connectionString: cluster });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

beforeAll(async () => {
  await asAdmin(`CREATE DATABASE ${name}`);
  url = databaseUrl(inject('pgUrl') as string, name);
  // Decides, before any query module loads, that this file's tables are PostgreSQL's (db/tables.ts).
  process.env.DATABASE_URL = url;
}, 60_000);

afterAll(async () => {
  delete process.env.DATABASE_URL;
  await asAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
});

describe('two servers starting at once on one empty database', () => {
  it('migrate it once and seed the demo newsroom once', async () => {
    const { migratePg, openPgDatabase, withStartLock } = await import('./connection');
    const { prepareDatabase } = await import('../setup');
    const { demoNewsroom } = await import('../seed/demo-content');
    const { verifyPgDatabase } = await import('./verify');
    const servers = await Promise.all([openPgDatabase(url, { migrate: false, max: 3 }), openPgDatabase(url, { migrate: false, max: 3 })]);
    const order: string[] = [];
    try {
      const logs: string[][] = [[], []];
      await Promise.all(
        servers.map((db, i) =>
          withStartLock(url, async () => {
            order.push(`start ${i}`);
            await migratePg(db);
            await prepareDatabase(db as never, (line) => logs[i].push(line));
            order.push(`end ${i}`);
          }),
        ),
      );
      // One after the other, never interleaved.
      expect(order).toHaveLength(4);
      expect(order[0].replace('start', 'end')).toBe(order[1]);
      expect(order[2].replace('start', 'end')).toBe(order[3]);
      // Exactly one of them seeded.
      expect(logs.flat().filter((line) => line === 'Seeded the demo newsroom.')).toHaveLength(1);
      const [db] = servers;
      const count = async (table: string) => Number((await db.$client.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
      expect(await count('users')).toBe(demoNewsroom.users.length);
      expect(await count('settings')).toBe(1);
      expect(await count('drizzle.__drizzle_migrations')).toBe((await import('node:fs')).readdirSync('db/pg/migrations').filter((f) => f.endsWith('.sql')).length);
      expect((await verifyPgDatabase(db)).breaks).toEqual([]);
      // Two more opens, as servers restarting later would: nothing to migrate, nothing to seed.
      const later = await Promise.all([openPgDatabase(url, { max: 1 }), openPgDatabase(url, { max: 1 })]);
      for (const pool of later) await pool.$client.end();
      expect(await count('users')).toBe(demoNewsroom.users.length);
    } finally {
      for (const db of servers) await db.$client.end();
    }
  }, 180_000);

  it('hold the lock on a connection of their own, so a pool of one does not wait on itself', async () => {
    const { openPgDatabase, withStartLock } = await import('./connection');
    const db = await openPgDatabase(url, { migrate: false, max: 1 });
    try {
      const n = await withStartLock(url, async () => Number((await db.$client.query<{ n: number }>('SELECT 1 AS n')).rows[0].n));
      expect(n).toBe(1);
    } finally {
      await db.$client.end();
    }
  });
});

describe('ERRATA_PG_POOL_SIZE', () => {
  it('is each server’s pool size, 10 when unset, and refuses anything but a whole number from 1 to 1000', async () => {
    const { pgPoolSize } = await import('./connection');
    expect(pgPoolSize(undefined)).toBe(10);
    expect(pgPoolSize('')).toBe(10);
    expect(pgPoolSize('4')).toBe(4);
    expect(pgPoolSize('1000')).toBe(1000);
    for (const bad of ['0', '-3', '2.5', 'ten', '1e3', '1001', '0x10']) expect(() => pgPoolSize(bad)).toThrow(/ERRATA_PG_POOL_SIZE must be a whole number from 1 to 1000/);
  });
});

describe('DATABASE_URL', () => {
  it('is unset, empty or a postgres:// URL; anything else stops the server rather than leave it on a SQLite file of its own', async () => {
    const { checkDatabaseUrl } = await import('./connection');
    for (const good of [undefined, '', '  ', 'postgres://errata@db.example/errata', 'postgresql://u:p@127.0.0.1:5432/x?sslmode=verify-full']) expect(() => checkDatabaseUrl(good), String(good)).not.toThrow();
    for (const bad of ['notaurl', 'mysql://u@h/db', 'POSTGRES://u@h/db', 'postgres:/u@h/db', 'sqlite:data/errata.db']) expect(() => checkDatabaseUrl(bad), bad).toThrow(/DATABASE_URL must be a postgres:\/\//);
    // A password in the URL is not printed.
    expect(() => checkDatabaseUrl('mysql://errata:s3cret@db.example/x')).toThrow(/^(?!.*s3cret)/);
  });
});
