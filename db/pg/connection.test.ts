// The app's pool (db/pg/connection.ts) when PostgreSQL ends one of its connections: the process carries
// on, whether the connection was idle or checked out in the middle of a transaction.
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createPgTestDatabase, pgClusterUrl, type PgTestDatabase } from './test-support';

let store: PgTestDatabase;
let admin: pg.Client;
const uncaught: unknown[] = [];
const onUncaught = (error: unknown) => uncaught.push(error);

beforeAll(async () => {
  store = await createPgTestDatabase();
  admin = new pg.Client({ connectionString: pgClusterUrl() });
  await admin.connect();
  // Unheard, a client's 'error' is thrown out of the event loop: caught here, so the test can say so.
  process.on('uncaughtException', onUncaught);
}, 60_000);

afterAll(async () => {
  process.off('uncaughtException', onUncaught);
  await admin.end();
  await store.drop();
});

afterEach(() => {
  vi.restoreAllMocks();
});

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function terminate(pid: number): Promise<void> {
  await admin.query('SELECT pg_terminate_backend($1)', [pid]);
  // The client hears of it when the server's message and the socket's end arrive.
  await pause(200);
}

describe('PostgreSQL ending a connection of the pool', () => {
  it('checked out mid-transaction: one line logged, the next statement fails with its own error, the process carries on', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const client = await store.db.$client.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      await terminate(rows[0].pid);
      expect(uncaught).toEqual([]);
      // The server's message only (no stack, nor the lost socket that follows it).
      expect(logged).toHaveBeenCalledTimes(1);
      expect(logged.mock.calls[0]).toHaveLength(1);
      expect(String(logged.mock.calls[0][0])).toMatch(/^PostgreSQL ended a connection .*terminating connection due to administrator command$/);
      await expect(client.query('SELECT 1')).rejects.toThrow();
    } finally {
      client.release(true);
    }
    // The pool opens another connection for the next query.
    expect((await store.db.$client.query<{ one: number }>('SELECT 1 AS one')).rows[0].one).toBe(1);
  });

  it('idle in the pool: one line logged, and the pool carries on', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const client = await store.db.$client.connect();
    const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    client.release();
    await terminate(rows[0].pid);
    expect(uncaught).toEqual([]);
    expect(logged).toHaveBeenCalledTimes(1);
    expect((await store.db.$client.query<{ one: number }>('SELECT 1 AS one')).rows[0].one).toBe(1);
  });
});
