// Moves a SQLite newsroom into an empty PostgreSQL database: every table, row for row, in one
// transaction, then checks the copy — the same rows in every table (a digest of each) and every
// article's hash chain recomputed on PostgreSQL. Behind `npm run db:copy`.
import { createHash } from 'node:crypto';
import { getTableColumns, gt, sql } from 'drizzle-orm';
import { getTableConfig as pgConfig, type PgTable } from 'drizzle-orm/pg-core';
import { getTableConfig as sqliteConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import type { Db } from '../connection';
import * as sqliteSchema from '../schema';
import type { PgDb } from './connection';
import * as pgSchema from './schema';
import { verifyPgDatabase } from './verify';

/** Whether a schema module's export is a table (not a type helper or constant). */
export const isTable = (v: unknown): boolean => typeof v === 'object' && v !== null && Symbol.for('drizzle:IsDrizzleTable') in v;

interface TablePair {
  name: string;
  sqlite: SQLiteTable;
  pg: PgTable;
}

/** Tables the migrations themselves fill (a singleton row), which the copy replaces with the source's. */
const MIGRATION_FILLED = new Set(['record_stamp']);

/** Every table, parents before children (by the references in the schema), so foreign keys hold row by row. */
export function tablesInCopyOrder(): TablePair[] {
  const pgByName = new Map(
    Object.values(pgSchema)
      .filter(isTable)
      .map((t) => [pgConfig(t as PgTable).name, t as PgTable]),
  );
  const pairs = Object.values(sqliteSchema)
    .filter(isTable)
    .map((t) => {
      const name = sqliteConfig(t as SQLiteTable).name;
      const pgTable = pgByName.get(name);
      if (!pgTable) throw new Error(`Table ${name} has no PostgreSQL twin in db/pg/schema.ts.`);
      return { name, sqlite: t as SQLiteTable, pg: pgTable };
    });
  const parents = new Map(
    pairs.map((p) => [
      p.name,
      new Set(
        pgConfig(p.pg)
          .foreignKeys.map((fk) => (fk.reference().foreignTable as unknown as Record<symbol, string>)[Symbol.for('drizzle:Name')])
          .filter((parent) => parent !== p.name),
      ),
    ]),
  );
  const ordered: TablePair[] = [];
  const placed = new Set<string>();
  while (ordered.length < pairs.length) {
    const ready = pairs.filter((p) => !placed.has(p.name) && [...parents.get(p.name)!].every((parent) => placed.has(parent)));
    if (ready.length === 0) throw new Error(`The tables' references form a cycle: ${pairs.filter((p) => !placed.has(p.name)).map((p) => p.name).join(', ')}`);
    for (const p of ready.sort((a, b) => a.name.localeCompare(b.name))) {
      ordered.push(p);
      placed.add(p.name);
    }
  }
  return ordered;
}

export interface CopyReport {
  tables: { name: string; rows: number }[];
  rows: number;
  articles: number;
  versions: number;
  chainBreaks: number;
  mismatches: string[];
  ms: number;
}

/** The batch size under PostgreSQL's 65,535 bind parameters per statement. */
function batchSize(columns: number): number {
  return Math.max(1, Math.min(2000, Math.floor(60_000 / columns)));
}

/** Reads a SQLite table in rowid order, a batch at a time, as drizzle's typed rows (Dates, booleans). */
function* sqliteRows(source: Db, table: SQLiteTable, size: number): Generator<Record<string, unknown>[]> {
  const columns = getTableColumns(table);
  let last = 0;
  for (;;) {
    const rows = source
      .select({ ...columns, rowid__: sql<number>`${table}.rowid`.as('rowid__') })
      .from(table)
      .where(gt(sql`${table}.rowid`, last))
      .orderBy(sql`${table}.rowid`)
      .limit(size)
      .all() as (Record<string, unknown> & { rowid__: number })[];
    if (rows.length === 0) return;
    last = rows[rows.length - 1].rowid__;
    yield rows.map(({ rowid__: _rowid, ...row }) => row);
  }
}

function quoted(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A value as both stores read it, for the digest: instants as milliseconds, everything else as JSON. */
function canonical(value: unknown): unknown {
  return value instanceof Date ? value.getTime() : value;
}

function rowKey(table: PgTable | SQLiteTable, row: Record<string, unknown>): string {
  const names = Object.keys(getTableColumns(table)).sort();
  return JSON.stringify(names.map((n) => canonical(row[n])));
}

/**
 * An order-free digest that streams: the sum of every row's SHA-256 modulo 2^256, with the count.
 * Two stores holding the same multiset of rows give the same digest, whatever order they read in.
 */
class RowDigest {
  private sum = 0n;
  count = 0;
  add(table: PgTable | SQLiteTable, row: Record<string, unknown>): void {
    this.sum = (this.sum + BigInt(`0x${createHash('sha256').update(rowKey(table, row)).digest('hex')}`)) & ((1n << 256n) - 1n);
    this.count += 1;
  }
  get value(): string {
    return `${this.count}:${this.sum.toString(16)}`;
  }
}

/** Reads a PostgreSQL table a batch at a time: by id where it has one, otherwise whole (the small tables). */
async function* pgRows(target: PgDb, table: PgTable, size: number): AsyncGenerator<Record<string, unknown>[]> {
  const entry = Object.entries(getTableColumns(table)).find(([, c]) => c.name === 'id' && c.primary && c.dataType === 'number');
  if (!entry) {
    yield (await target.select().from(table)) as Record<string, unknown>[];
    return;
  }
  const [key, id] = entry;
  let last = 0;
  for (;;) {
    const rows = (await target.select().from(table).where(gt(id, last)).orderBy(id).limit(size)) as Record<string, unknown>[];
    if (rows.length === 0) return;
    last = rows[rows.length - 1][key] as number;
    yield rows;
  }
}

/** Refuses unless every table of the target is empty (bar the rows the migrations put there). */
export async function assertEmptyTarget(client: pg.PoolClient | pg.Pool): Promise<void> {
  const filled: string[] = [];
  for (const { name } of tablesInCopyOrder()) {
    if (MIGRATION_FILLED.has(name)) continue;
    const { rows } = await client.query<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${quoted(name)}) AS any`);
    if (rows[0].any) filled.push(name);
  }
  if (filled.length > 0) throw new Error(`The PostgreSQL database is not empty (rows in ${filled.join(', ')}): db:copy only fills an empty database.`);
}

/**
 * Copies every table of `source` into `target` (migrated, empty). One transaction: a failure leaves
 * the target as it was. The record's guards are switched off for the copy's own transaction only —
 * the rows arrive as history, not as new writes — and are on again before it commits.
 */
export async function copySqliteToPg(source: Db, target: PgDb, log: (line: string) => void = () => {}): Promise<CopyReport> {
  const started = Date.now();
  const tables = tablesInCopyOrder();
  const client = await target.$client.connect();
  const counts: { name: string; rows: number }[] = [];
  try {
    await client.query('BEGIN ISOLATION LEVEL SERIALIZABLE');
    await assertEmptyTarget(client);
    const tx = drizzle(client, { schema: pgSchema });
    for (const { name } of tables) await client.query(`ALTER TABLE ${quoted(name)} DISABLE TRIGGER USER`);
    for (const { name, sqlite, pg: pgTable } of tables) {
      if (MIGRATION_FILLED.has(name)) await client.query(`DELETE FROM ${quoted(name)}`);
      const size = batchSize(Object.keys(getTableColumns(pgTable)).length);
      let copied = 0;
      for (const batch of sqliteRows(source, sqlite, size)) {
        await tx.insert(pgTable).values(batch as never);
        const before = copied;
        copied += batch.length;
        if (Math.floor(copied / 100_000) > Math.floor(before / 100_000)) log(`  ${name}: ${copied} rows…`);
      }
      counts.push({ name, rows: copied });
    }
    // Identity columns go on from the highest copied id.
    for (const { name, pg: pgTable } of tables) {
      const id = Object.values(getTableColumns(pgTable)).find((c) => c.name === 'id' && c.primary && c.hasDefault);
      if (!id) continue;
      await client.query(`SELECT setval(pg_get_serial_sequence($1, 'id'), coalesce((SELECT max(id) FROM ${quoted(name)}), 0) + 1, false)`, [name]);
    }
    await rebuildArticleSearchPg(client);
    for (const { name } of tables) await client.query(`ALTER TABLE ${quoted(name)} ENABLE TRIGGER USER`);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
  // The planner's statistics for the new rows, before the first reader's query (autovacuum would get
  // there on its own, minutes later).
  await target.$client.query('ANALYZE');
  log('Copied; checking every table and every chain on PostgreSQL…');
  const mismatches = await compareStores(source, target);
  const chains = await verifyPgDatabase(target);
  return {
    tables: counts,
    rows: counts.reduce((n, t) => n + t.rows, 0),
    articles: chains.articles,
    versions: chains.versions,
    chainBreaks: chains.breaks.length,
    mismatches,
    ms: Date.now() - started,
  };
}

/**
 * The full-text index is derived data: each article's current headline, standfirst, body, slug
 * words and byline (as SQLite's article_search holds them). PostgreSQL-only SQL, kept here.
 */
export async function rebuildArticleSearchPg(client: pg.PoolClient | pg.Pool): Promise<void> {
  await client.query('DELETE FROM article_search');
  await client.query(`
    INSERT INTO article_search (article_id, body)
    SELECT DISTINCT ON (v.article_id) v.article_id,
           v.headline || ' ' || v.standfirst || ' ' || v.body || ' ' || replace(a.slug, '-', ' ') || ' ' || a.byline
    FROM versions v JOIN articles a ON a.id = v.article_id
    ORDER BY v.article_id, v.number DESC`);
}

/** Every table holds the same rows on both stores: the count and an order-free digest of the rows. */
export async function compareStores(source: Db, target: PgDb): Promise<string[]> {
  const problems: string[] = [];
  for (const { name, sqlite, pg: pgTable } of tablesInCopyOrder()) {
    const size = batchSize(Object.keys(getTableColumns(pgTable)).length);
    const fromSqlite = new RowDigest();
    for (const batch of sqliteRows(source, sqlite, size)) for (const row of batch) fromSqlite.add(sqlite, row);
    const fromPg = new RowDigest();
    for await (const batch of pgRows(target, pgTable, size)) for (const row of batch) fromPg.add(pgTable, row);
    if (fromPg.count !== fromSqlite.count) problems.push(`${name}: ${fromSqlite.count} rows in SQLite, ${fromPg.count} on PostgreSQL`);
    else if (fromPg.value !== fromSqlite.value) problems.push(`${name}: the rows differ`);
  }
  return problems;
}
