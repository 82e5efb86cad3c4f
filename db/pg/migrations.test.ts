// PostgreSQL's migrations apply to an empty database, apply again as a no-op, and make every table.
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPgDatabase } from './connection';
import { isTable } from './copy';
import * as pgSchema from './schema';
import { createPgTestDatabase, type PgTestDatabase } from './test-support';

let store: PgTestDatabase;

beforeAll(async () => {
  store = await createPgTestDatabase();
});

afterAll(async () => {
  await store?.drop();
});

const tables = (Object.values(pgSchema) as unknown[]).filter((v): v is PgTable => isTable(v));

describe('PostgreSQL migrations', () => {
  it('make every table of the schema', async () => {
    const { rows } = await store.db.$client.query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
    const present = new Set(rows.map((r) => r.table_name));
    for (const table of tables) expect(present, getTableConfig(table).name).toContain(getTableConfig(table).name);
  });

  it('apply again as a no-op', async () => {
    const again = await openPgDatabase(store.url, { max: 1 });
    const { rows } = await again.$client.query<{ n: string }>('SELECT count(*) AS n FROM drizzle.__drizzle_migrations');
    expect(Number(rows[0].n)).toBeGreaterThanOrEqual(3);
    await again.$client.end();
  });
});
