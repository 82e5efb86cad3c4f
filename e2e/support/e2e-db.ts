// Reading (and, for fixtures, writing) the database of the server the running test's project talks
// to, one statement at a time while the server keeps writing it: the SQLite file of the SQLite
// projects, or the PostgreSQL database of the "postgres" project (scripts/e2e-pg-server.mjs writes
// its URL beside the SQLite file). Specs write plain SQL with `?` placeholders that both stores read
// alike; on PostgreSQL each statement goes through psql (synchronous, as the specs' reads are),
// its parameters written in as quoted literals, its rows returned as JSON.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from '@playwright/test';
import Database from 'better-sqlite3';

export const e2eDatabasePath = process.env.E2E_DATABASE_PATH ?? path.join(process.cwd(), 'data', 'e2e', 'errata.db');
/** Where scripts/e2e-pg-server.mjs leaves the URL of the "postgres" project's database, and its cluster's psql. */
export const e2ePgFile = path.join(path.dirname(e2eDatabasePath), 'postgres.json');

export type E2eStore = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string; psql: string };

/** The store of the running test's project (metadata.store in playwright.config.ts). */
export function e2eStore(): E2eStore {
  let store: unknown;
  try {
    store = test.info().project.metadata?.store;
  } catch {
    store = undefined; // outside a test: the SQLite projects' file
  }
  if (store !== 'postgres') return { kind: 'sqlite', path: e2eDatabasePath };
  const { url, psql } = JSON.parse(fs.readFileSync(e2ePgFile, 'utf8')) as { url: string; psql: string };
  return { kind: 'postgres', url, psql };
}

/** The environment a script needs to act on the running project's database (scripts/token-add.ts). */
export function storeEnv(): Record<string, string> {
  const store = e2eStore();
  return store.kind === 'sqlite' ? { DATABASE_PATH: store.path, DATABASE_URL: '' } : { DATABASE_URL: store.url, DATABASE_PATH: path.join(path.dirname(e2eDatabasePath), 'unused.db') };
}

/** A value written into PostgreSQL SQL as a literal (the specs' own fixture values, never a reader's input). */
function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number' || typeof value === 'bigint') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`not a number for SQL: ${value}`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  // standard_conforming_strings is on: only the quote is special.
  return `'${String(value).replace(/'/g, "''")}'`;
}

/** The statement with each `?` outside a quoted string replaced by its parameter. */
function bind(sql: string, params: unknown[]): string {
  let out = '';
  let quote: string | null = null;
  let next = 0;
  for (const ch of sql) {
    if (quote) {
      if (ch === quote) quote = null;
      out += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      out += ch;
    } else if (ch === '?') {
      if (next >= params.length) throw new Error(`too few parameters for: ${sql}`);
      out += literal(params[next++]);
    } else out += ch;
  }
  if (next !== params.length) throw new Error(`${params.length} parameters for ${next} placeholders: ${sql}`);
  return out;
}

function psql(store: { url: string; psql: string }, sql: string): string {
  return execFileSync(store.psql, ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-d', store.url, '-c', sql], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
}

/** Every row a statement returns (a SELECT, or a write with RETURNING), on either store. */
function rows<T>(sql: string, params: unknown[], { write = false } = {}): T[] {
  const store = e2eStore();
  if (store.kind === 'sqlite') {
    const db = new Database(store.path, { readonly: !write });
    try {
      const statement = db.prepare(sql);
      if (!statement.reader) {
        statement.run(...params);
        return [];
      }
      return statement.all(...params) as T[];
    } finally {
      db.close();
    }
  }
  const out = psql(store, `WITH q AS (${bind(sql, params)}) SELECT coalesce(json_agg(q), '[]'::json) FROM q`);
  return JSON.parse(out.trim()) as T[];
}

/** The first row of a query. */
export function queryOne<T>(sql: string, ...params: unknown[]): T {
  return rows<T>(sql, params)[0];
}

/** Every row of a query. */
export function queryAll<T>(sql: string, ...params: unknown[]): T[] {
  return rows<T>(sql, params);
}

/** An instant as the running project's store keeps one: milliseconds since 1970 (SQLite), an ISO timestamp (PostgreSQL's timestamptz). */
export function instant(ms: number): number | string {
  return e2eStore().kind === 'sqlite' ? ms : new Date(ms).toISOString();
}

/** A fixture's write (an INSERT … RETURNING, say): its returned rows. */
export function execute<T>(sql: string, ...params: unknown[]): T[] {
  return rows<T>(sql, params, { write: true });
}

/** Tables that are not the record: throttle counters, sessions, the purge log, migrations, the derived search index. */
const NOT_THE_RECORD = new Set(['throttle_events', 'sessions', 'purge_log', '__drizzle_migrations']);
// The webhook worker keeps sending in the background: an outbox row counts by what it says, not by
// how its delivery is going, and the attempts' log is the worker's, not a caller's.
const COLUMNS: Record<string, string> = { webhook_outbox: 'id, message_id, subscription_id, event, payload, entity_type, entity_id, created_at', webhook_deliveries: '' };

/** The record's tables on a PostgreSQL store, read once per database: the server migrated it before any test ran, and no test adds a table. */
const pgTables = new Map<string, string[]>();
function recordTables(store: Extract<E2eStore, { kind: 'postgres' }>): string[] {
  let tables = pgTables.get(store.url);
  if (!tables) {
    tables = psql(store, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name")
      .split('\n')
      .map((t) => t.trim())
      .filter((t) => t && !NOT_THE_RECORD.has(t) && !t.startsWith('article_search') && COLUMNS[t] !== '');
    pgTables.set(store.url, tables);
  }
  return tables;
}

/** A digest of every row of every table that holds the record, on the running project's store. */
export function fingerprint(): string {
  const store = e2eStore();
  const hash = createHash('sha256');
  if (store.kind === 'sqlite') {
    const db = new Database(store.path, { readonly: true, fileMustExist: true });
    try {
      const tables = (db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").all() as { name: string }[]).map((t) => t.name);
      for (const name of tables.filter((t) => !NOT_THE_RECORD.has(t) && !t.startsWith('article_search'))) {
        if (COLUMNS[name] === '') continue;
        hash.update(name).update(JSON.stringify(db.prepare(`select ${COLUMNS[name] ?? '*'} from "${name}" order by rowid`).all()));
      }
    } finally {
      db.close();
    }
    return hash.digest('hex');
  }
  // PostgreSQL: each table's rows as text, in a stable order, digested by the server in one statement.
  const tables = recordTables(store);
  const digests = tables.map((name) => `SELECT '${name}' AS name, (SELECT md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) FROM (SELECT ${COLUMNS[name] ?? '*'} FROM "${name}") t) AS digest`);
  hash.update(psql(store, `SELECT string_agg(name || ' ' || digest, E'\\n' ORDER BY name) FROM (${digests.join(' UNION ALL ')}) d`));
  return hash.digest('hex');
}
