// The app's pool (db/pg/connection.ts) when PostgreSQL ends one of its connections: the process carries
// on, whether the connection was idle or checked out in the middle of a transaction. And its bounds:
// a server that is slow, or answers nothing at all, is a refusal the app answers 503, not a hang.
import net from 'node:net';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { storeUnavailable } from '../../lib/errors';
import { openPgDatabase } from './connection';
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

describe("an app server's bounds on waiting (timeouts)", () => {
  it('a statement the server has not finished in time is cancelled there: a store-unavailable refusal, and the pool carries on', async () => {
    const db = await openPgDatabase(store.url, { migrate: false, max: 1, timeouts: { connectMs: 2_000, statementMs: 200, queryMs: 5_000 } });
    try {
      const failure = await db.$client.query('SELECT pg_sleep(3)').then(() => null, (error: unknown) => error);
      expect((failure as { code?: string }).code).toBe('57014');
      expect(storeUnavailable(failure)?.status).toBe(503);
      expect((await db.$client.query<{ one: number }>('SELECT 1 AS one')).rows[0].one).toBe(1);
    } finally {
      await db.$client.end();
    }
  });

  it('a transaction left idle (its client partitioned away) is ended by the server, releasing its locks; silent connections are probed', async () => {
    const db = await openPgDatabase(store.url, { migrate: false, max: 1, timeouts: { connectMs: 2_000, statementMs: 300, queryMs: 5_000 } });
    try {
      const settings = await db.$client.query<{ idle: string; keepalive: string }>("SELECT current_setting('idle_in_transaction_session_timeout') AS idle, current_setting('tcp_keepalives_idle') AS keepalive");
      expect(settings.rows[0]).toEqual({ idle: '300ms', keepalive: '10' });
      const client = await db.$client.connect();
      client.on('error', () => {});
      await client.query('BEGIN');
      const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      await new Promise((r) => setTimeout(r, 1_000));
      const admin = await store.db.$client.query<{ n: string }>('SELECT count(*) AS n FROM pg_stat_activity WHERE pid = $1', [rows[0].pid]);
      expect(Number(admin.rows[0].n)).toBe(0);
      const failure = await client.query('SELECT 1').then(() => null, (error: unknown) => error);
      expect(storeUnavailable(failure)?.status).toBe(503);
      client.release(true);
    } finally {
      await db.$client.end();
    }
  });

  it('a server that accepts the connection and then says nothing: the connection fails in time, as store-unavailable', async () => {
    // A listener that takes the connection and never answers PostgreSQL's start-up (a stopped or hung server).
    const sockets: net.Socket[] = [];
    const silent = net.createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as net.AddressInfo;
    const db = await openPgDatabase(`postgres://errata@127.0.0.1:${port}/none`, { migrate: false, max: 1, timeouts: { connectMs: 300, statementMs: 200, queryMs: 500 } });
    try {
      // Without the bound this waits for ever (the test's own timeout would end it).
      const failure = await db.$client.query('SELECT 1').then(() => null, (error: unknown) => error);
      expect(storeUnavailable(failure)?.status).toBe(503);
    } finally {
      await db.$client.end();
      for (const socket of sockets) socket.destroy();
      silent.close();
    }
  });
});
