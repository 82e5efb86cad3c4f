// One schema, two dialects: every SQLite table has a PostgreSQL twin with the same columns (name,
// kind of value, nullability, default, key, enum), the same indexes, keys and references — and no more.
import { getTableConfig as pgConfig, type PgTable } from 'drizzle-orm/pg-core';
import { getTableConfig as sqliteConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import * as sqliteSchema from '../schema';
import { isTable } from './copy';
import * as pgSchema from './schema';
import * as tables from '../tables';


type Config = ReturnType<typeof sqliteConfig> | ReturnType<typeof pgConfig>;

/** A dialect-free description of a table, for comparing the two. */
function describeTable(config: Config) {
  const columns = Object.fromEntries(
    config.columns.map((c) => [
      c.name,
      {
        // 'number' | 'string' | 'date' | 'boolean' | 'json' …: what the app reads and writes.
        dataType: c.dataType,
        notNull: c.notNull,
        // SQLite counts a plain INTEGER PRIMARY KEY (a rowid) as defaulted; only AUTOINCREMENT ids are
        // meant to be, and those are identity columns on PostgreSQL.
        hasDefault: c.primary && 'autoIncrement' in c ? Boolean(c.autoIncrement) : c.hasDefault,
        primary: c.primary,
        unique: c.isUnique,
        enumValues: c.enumValues ?? null,
      },
    ]),
  );
  const indexes = Object.fromEntries(
    config.indexes.map((i) => [i.config.name, { unique: Boolean(i.config.unique), on: i.config.columns.map((c) => ('name' in c ? c.name : String(c))) }]),
  );
  const foreignKeys = config.foreignKeys
    .map((fk) => {
      const ref = fk.reference();
      return `${ref.columns.map((c) => c.name).join(',')} -> ${pgOrSqliteName(ref.foreignTable)}(${ref.foreignColumns.map((c) => c.name).join(',')})`;
    })
    .sort();
  const primaryKeys = config.primaryKeys.map((pk) => pk.columns.map((c) => c.name).join(',')).sort();
  return { columns, indexes, foreignKeys, primaryKeys };
}

function pgOrSqliteName(table: unknown): string {
  return (table as Record<symbol, string>)[Symbol.for('drizzle:Name')];
}

const sqliteTables = new Map(
  Object.values(sqliteSchema)
    .filter(isTable)
    .map((t) => [sqliteConfig(t as SQLiteTable).name, sqliteConfig(t as SQLiteTable)]),
);
const pgTables = new Map(
  Object.values(pgSchema)
    .filter(isTable)
    .map((t) => [pgConfig(t as PgTable).name, pgConfig(t as PgTable)]),
);

describe('the PostgreSQL schema', () => {
  it('has exactly the SQLite tables', () => {
    expect([...pgTables.keys()].sort()).toEqual([...sqliteTables.keys()].sort());
    expect(sqliteTables.size).toBeGreaterThan(20);
  });

  for (const [name, sqlite] of sqliteTables) {
    it(`${name}: same columns, indexes, keys and references`, () => {
      const pg = pgTables.get(name);
      expect(pg, name).toBeDefined();
      expect(describeTable(pg!)).toEqual(describeTable(sqlite));
    });
  }

  it('is what db/tables.ts hands the queries, table for table (the SQLite tables in this process)', () => {
    const names = Object.entries(sqliteSchema)
      .filter(([, v]) => isTable(v))
      .map(([name]) => name)
      .sort();
    expect(Object.keys(tables).filter((k) => k !== 'onPostgres').sort()).toEqual(names);
    for (const name of names) expect((tables as Record<string, unknown>)[name], name).toBe((sqliteSchema as Record<string, unknown>)[name]);
    for (const name of names) expect(isTable((pgSchema as Record<string, unknown>)[name]), name).toBe(true);
  });

  it('keeps every instant as an instant to the millisecond', () => {
    for (const [name, config] of pgTables) {
      for (const column of config.columns.filter((c) => c.dataType === 'date')) {
        expect(column.getSQLType(), `${name}.${column.name}`).toBe('timestamp (3) with time zone');
      }
    }
  });
});
