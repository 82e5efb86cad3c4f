// The services on PostgreSQL: the demo newsroom written through the same write paths the desk uses
// (articles, versions and their hash chains, status events, corrections and claims, reports, the
// casebook, the audit trail), table for table the same as on SQLite.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmptyPgDatabase } from './test-support';

let url: string;
let dir: string;

beforeAll(async () => {
  url = await createEmptyPgDatabase();
  // Decides, before any query module loads, that this file's tables are PostgreSQL's (db/tables.ts).
  process.env.DATABASE_URL = url;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'errata-pg-services-'));
}, 60_000);

afterAll(() => {
  delete process.env.DATABASE_URL;
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the services on PostgreSQL', () => {
  it('write the demo newsroom as they do on SQLite, and every chain holds', async () => {
    const { onPostgres } = await import('../tables');
    expect(onPostgres).toBe(true);
    const { openPgDatabase } = await import('./connection');
    const { prepareDatabase } = await import('../setup');
    const { verifyPgDatabase } = await import('./verify');
    const { tablesInCopyOrder } = await import('./copy');
    const db = await openPgDatabase(url, { max: 4 });
    try {
      await prepareDatabase(db as never, () => {});
      const chains = await verifyPgDatabase(db);
      expect(chains.breaks).toEqual([]);
      expect(chains.articles).toBeGreaterThan(10);

      // The same newsroom seeded into SQLite by the same code (in a process of its own): the same
      // number of rows in every table.
      const { execFileSync } = await import('node:child_process');
      const sqliteCounts = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', path.join('db', 'pg', 'seed-counts.ts'), path.join(dir, 'demo.db')], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' } }).trim().split('\n').pop() ?? '{}') as Record<string, number>;
      const pgCounts: Record<string, number> = {};
      for (const { name } of tablesInCopyOrder()) {
        const { rows } = await db.$client.query<{ n: string }>(`SELECT count(*) AS n FROM "${name}"`);
        pgCounts[name] = Number(rows[0].n);
      }
      expect(pgCounts).toEqual(sqliteCounts);
      expect(pgCounts.versions).toBeGreaterThan(pgCounts.articles);
      expect(pgCounts.corrections).toBeGreaterThan(0);
      expect(pgCounts.cases).toBeGreaterThan(0);
    } finally {
      await db.$client.end();
    }
  }, 120_000);
});
