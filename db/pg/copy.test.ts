// db:copy moves the demo newsroom into PostgreSQL row for row, and its checks catch what they should:
// a non-empty target is refused untouched, and a row or a version changed on the copy is found.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../connection';
import { prepareDatabase } from '../setup';
import { compareStores, copySqliteToPg, tablesInCopyOrder } from './copy';
import { createPgTestDatabase, type PgTestDatabase } from './test-support';
import { verifyPgDatabase } from './verify';

let dir: string;
let source: Db;
let store: PgTestDatabase;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'errata-copy-'));
  source = openDatabase(path.join(dir, 'demo.db'));
  await prepareDatabase(source, () => {});
  store = await createPgTestDatabase();
}, 60_000);

afterAll(async () => {
  source?.$client.close();
  await store?.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs SQL with the record's guards off for one transaction: how a tamperer with the owner's rights would. */
async function tamper(statement: string, table: string): Promise<void> {
  const client = await store.db.$client.connect();
  try {
    await client.query('BEGIN');
    await client.query(`ALTER TABLE ${table} DISABLE TRIGGER USER`);
    await client.query(statement);
    await client.query(`ALTER TABLE ${table} ENABLE TRIGGER USER`);
    await client.query('COMMIT');
  } finally {
    client.release();
  }
}

describe('db:copy', () => {
  it('orders every table after the tables it references', () => {
    const order = tablesInCopyOrder().map((t) => t.name);
    expect(order.indexOf('users')).toBeLessThan(order.indexOf('articles'));
    expect(order.indexOf('versions')).toBeLessThan(order.indexOf('corrections'));
    expect(order.indexOf('reports')).toBeLessThan(order.indexOf('cases'));
    expect(order.indexOf('webhook_outbox')).toBeLessThan(order.indexOf('webhook_deliveries'));
  });

  it('copies the demo newsroom row for row, with every chain holding', async () => {
    const report = await copySqliteToPg(source, store.db);
    expect(report.mismatches).toEqual([]);
    expect(report.chainBreaks).toBe(0);
    const sqliteCount = (table: string) => (source.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    for (const t of report.tables) expect(t.rows, t.name).toBe(sqliteCount(t.name));
    expect(report.articles).toBeGreaterThan(10);
    expect(report.versions).toBe(sqliteCount('versions'));
  });

  it('leaves the guards on and new ids going on from the copied ones', async () => {
    await expect(store.db.$client.query("UPDATE versions SET body = 'rewritten' WHERE id = 1")).rejects.toThrow(/immutable/);
    const { rows } = await store.db.$client.query<{ id: number }>(
      "INSERT INTO audit_events (action, entity_type) VALUES ('test.after-copy', 'test') RETURNING id",
    );
    const top = (source.$client.prepare('SELECT max(id) AS n FROM audit_events').get() as { n: number }).n;
    expect(rows[0].id).toBe(top + 1);
  });

  it('fills the search index from each article’s current text', async () => {
    const { rows } = await store.db.$client.query<{ n: string }>('SELECT count(*) AS n FROM article_search');
    expect(Number(rows[0].n)).toBe((source.$client.prepare('SELECT count(*) AS n FROM article_search').get() as { n: number }).n);
    const hit = await store.db.$client.query("SELECT article_id FROM article_search WHERE tsv @@ plainto_tsquery('simple', 'council')");
    expect(hit.rowCount).toBeGreaterThan(0);
  });

  it('refuses a database that is not empty, changing nothing', async () => {
    const before = await store.db.$client.query<{ n: string }>('SELECT count(*) AS n FROM versions');
    await expect(copySqliteToPg(source, store.db)).rejects.toThrow(/not empty/);
    const after = await store.db.$client.query<{ n: string }>('SELECT count(*) AS n FROM versions');
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it('finds a row changed on the copy, and a rewritten version breaks its chain', async () => {
    await tamper("UPDATE users SET name = name || ' (edited)' WHERE id = 1", 'users');
    expect(await compareStores(source, store.db)).toEqual(expect.arrayContaining([expect.stringMatching(/^users: the rows differ/)]));
    await tamper("UPDATE versions SET body = body || ' Quietly changed.' WHERE id = 1", 'versions');
    const chains = await verifyPgDatabase(store.db);
    expect(chains.breaks.length).toBeGreaterThan(0);
    expect(chains.breaks[0].problem).toMatch(/content does not match/);
  });
});
