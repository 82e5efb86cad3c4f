// Two app servers on one database, as a newsroom runs them for availability, with nginx (the
// deployment recipe) in front of the second. Checks, each printed with what it measured:
//  1. an editor's save through A is what a reader reads through B at once (B had the page cached);
//  2. ten saves from one base version, five through each server at the same moment: exactly one wins;
//  3. a correction published through A is gone from nginx's cached copy of the page B served;
//  4. kill -9 of A mid-burst of writes through both: B carries on, nothing acknowledged is lost, no
//     webhook message is sent twice (bar one A was sending as it died, which B sends again with the
//     same webhook-id and bytes once A's claim lapses: delivery is at least once), and every chain holds.
// On each store: one SQLite file (A starts first and prepares it, then B), and one PostgreSQL database
// on a scratch cluster (scripts/pg-cluster.mjs, or a database made on the server ERRATA_TEST_PG_URL
// names), where both servers start at once and the start-up lock lets one of them seed it.
//
// `tsx scripts/two-servers-test.ts [--store sqlite|postgres]` (both by default); exits 1 on any
// failure. With TWO_SERVERS_RESULTS=FILE it also writes each check's result there as JSON, after each
// check, for `npm test` to count them (scripts/test.mjs). Needs the production build (built first if
// stale, once, before the servers start).
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { openDatabase } from '../db/connection';
import { openPgDatabase } from '../db/pg/connection';
import { verifyPgDatabase } from '../db/pg/verify';
import { DEMO_PASSWORD } from '../db/seed/password';
import { demoNewsroom } from '../db/seed/demo-content';
import { verifyDatabase, type VerifyReport } from '../db/verify';
import { type RunningNginx, startNginx } from './nginx.mjs';
import { databaseUrl, ensurePostgres, startCluster } from './pg-cluster.mjs';
import { actionManifest, need, postAction, signIn, startApp, type ActionRef, type RunningApp } from './support/app-client';
import { ensureBuild } from './support/build.mjs';

const BASE_PORT = Number(process.env.TWO_SERVERS_PORT ?? 3320);
/** The checks each store's run makes; a run that stops before its last has failed the rest. */
const CHECKS = 4;
const STORES = ['sqlite', 'postgres'] as const;
type StoreName = (typeof STORES)[number];

interface Result {
  store: StoreName;
  name: string;
  ok: boolean;
  detail: string;
}
const results: Result[] = [];
const stops: { store: StoreName; error: string }[] = [];

function writeResults(): void {
  const file = process.env.TWO_SERVERS_RESULTS;
  if (file) fs.writeFileSync(file, `${JSON.stringify({ checksPerStore: CHECKS, checks: results, stops }, null, 2)}\n`);
}

function checker(store: StoreName) {
  return (name: string, ok: boolean, detail: string): void => {
    results.push({ store, name, ok, detail });
    writeResults();
    console.log(`${ok ? 'ok  ' : 'FAIL'} [${store}] ${name}: ${detail}`);
  };
}

async function text(url: string): Promise<{ status: number; body: string; cache: string }> {
  const response = await fetch(url, { redirect: 'manual' });
  return { status: response.status, body: await response.text(), cache: response.headers.get('x-cache-status') ?? '' };
}

/** Polls until `test` holds or `ms` pass; returns how long it took, or null. */
async function within(ms: number, test: () => Promise<boolean>): Promise<number | null> {
  const started = Date.now();
  while (Date.now() - started <= ms) {
    if (await test()) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 20));
  }
  return null;
}

interface Arrival {
  at: number;
  body: string;
}

/** A webhook receiver on 127.0.0.1 that keeps every arrival of each message id. */
function startReceiver(): Promise<{ url: string; seen: Map<string, Arrival[]>; close: () => void }> {
  const seen = new Map<string, Arrival[]>();
  const server = http.createServer((req, res) => {
    const id = String(req.headers['webhook-id'] ?? '');
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.set(id, [...(seen.get(id) ?? []), { at: Date.now(), body: Buffer.concat(chunks).toString('utf8') }]);
      res.writeHead(204).end();
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as { port: number }).port}/hook`, seen, close: () => server.close() })));
}

/** A server's output, cut to what explains a failure: each error with the lines after it, then the tail. */
function serverErrors(log: string): string {
  const lines = log.split('\n');
  const picked = new Set<number>();
  lines.forEach((line, i) => {
    if (/error|Error|ERR_|refused|500/.test(line)) for (let j = i; j < Math.min(lines.length, i + 12); j++) picked.add(j);
  });
  const excerpts = [...picked].sort((x, y) => x - y).slice(0, 200).map((i) => lines[i]);
  return `${excerpts.join('\n')}\n--- tail:\n${lines.slice(-15).join('\n')}`;
}

/**
 * The database both servers share, as the test reads it behind their backs: the same SQL on either
 * store (`?` placeholders; PostgreSQL's are numbered here).
 */
interface SharedStore {
  name: StoreName;
  /** What each server is started with to use it. */
  env: Record<string, string>;
  /** Whether the two servers start at the same moment (PostgreSQL: the start-up lock orders them). */
  startTogether: boolean;
  rows<T>(query: string, params?: unknown[]): Promise<T[]>;
  chains(): Promise<VerifyReport>;
  close(): Promise<void>;
}

function sqliteStore(dir: string): SharedStore {
  const file = path.join(dir, 'errata.db');
  return {
    name: 'sqlite',
    env: { DATABASE_PATH: file, DATABASE_URL: '' },
    startTogether: false,
    async rows<T>(query: string, params: unknown[] = []) {
      const db = new Database(file, { readonly: true });
      try {
        return db.prepare(query).all(...params) as T[];
      } finally {
        db.close();
      }
    },
    async chains() {
      const db = openDatabase(file, { migrate: false });
      try {
        return await verifyDatabase(db);
      } finally {
        db.$client.close();
      }
    },
    async close() {},
  };
}

/** A database of its own on a scratch cluster (or on the server ERRATA_TEST_PG_URL names), dropped after. */
async function postgresStore(dir: string): Promise<SharedStore> {
  let stopCluster = (): void => {};
  let admin = process.env.ERRATA_TEST_PG_URL;
  if (!admin) {
    const found = ensurePostgres();
    if (found.problem) throw new Error(found.problem);
    const cluster = await startCluster({ bin: found.bin, log: console.log });
    admin = cluster.url;
    stopCluster = cluster.stop;
  }
  const name = `errata_two_${process.pid}`;
  const asAdmin = async (statement: string) => {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await asAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await asAdmin(`CREATE DATABASE ${name}`);
  const url = databaseUrl(admin, name);
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  return {
    name: 'postgres',
    // DATABASE_PATH too, in a folder of its own: nothing on this store may touch a SQLite file.
    env: { DATABASE_URL: url, DATABASE_PATH: path.join(dir, 'unused.db') },
    startTogether: true,
    async rows<T>(query: string, params: unknown[] = []) {
      let n = 0;
      return (await pool.query(query.replace(/\?/g, () => `$${++n}`), params)).rows as T[];
    },
    async chains() {
      const db = await openPgDatabase(url, { migrate: false, max: 2 });
      try {
        return await verifyPgDatabase(db);
      } finally {
        await db.$client.end();
      }
    },
    async close() {
      await pool.end();
      try {
        await asAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        stopCluster();
      }
    },
  };
}

async function run(storeName: StoreName, offset: number): Promise<void> {
  const check = checker(storeName);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'errata-two-'));
  const store = storeName === 'sqlite' ? sqliteStore(dir) : await postgresStore(dir);
  const count = async (query: string, params: unknown[] = []) => Number((await store.rows<{ n: number | string }>(query, params))[0]?.n ?? 0);
  const [portA, portB, portNginx] = [BASE_PORT + offset, BASE_PORT + offset + 1, BASE_PORT + offset + 2];
  const manifest = actionManifest();
  const action = (name: string): ActionRef => need(manifest.get(name), name);
  const createArticle = action('app/desk/articles/actions.ts#createArticleAction');
  const publishArticle = action('app/desk/articles/actions.ts#publishArticleAction');
  const saveVersion = action('app/desk/articles/actions.ts#saveVersionAction');
  const createCorrection = action('app/desk/corrections/actions.ts#createCorrectionAction');
  const publishCorrection = action('app/desk/corrections/actions.ts#publishCorrectionAction');
  const createSubscription = action('app/desk/webhooks/actions.ts#createSubscriptionAction');
  const editor = need(demoNewsroom.users.find((u) => u.role === 'editor'), 'a demo editor');
  const standards = need(demoNewsroom.users.find((u) => u.role === 'standards'), 'a demo standards editor');
  const admin = need(demoNewsroom.users.find((u) => u.role === 'admin'), 'a demo admin');

  const env = {
    NEXTAUTH_SECRET: 'two-servers-test-secret-0123456789abcdef',
    ERRATA_PURGER: 'nginx',
    ERRATA_PURGE_URL: `http://127.0.0.1:${portNginx}/__purge`,
    ERRATA_WEBHOOK_ALLOW_PRIVATE: '1',
    ERRATA_WEBHOOK_POLL_MS: '100',
    ERRATA_WEBHOOK_LOCK_MS: '3000',
    ERRATA_WEBHOOK_BACKOFF_SCALE: '0.01',
    ERRATA_SIGN_IN_GLOBAL_LIMIT: '10000',
  };
  const databasePath = store.env.DATABASE_PATH;
  const start = (port: number, instance: string) => startApp({ port, databasePath, env: { ...env, ...store.env, ERRATA_INSTANCE: instance } });
  let a: RunningApp | null = null;
  let b: RunningApp | null = null;
  let nginx: RunningNginx | null = null;
  let stoppedShort = false;
  const servers: [string, RunningApp][] = [];
  let receiver: Awaited<ReturnType<typeof startReceiver>> | null = null;
  try {
    nginx = await startNginx({ listenPort: portNginx, upstreamPort: portB, install: true });
    receiver = await startReceiver();
    if (store.startTogether) {
      // Both at once on the empty database: one migrates and seeds it, the other waits, then finds it done.
      const started = await Promise.allSettled([start(portA, 'A'), start(portB, 'B')]);
      [a, b] = started.map((s) => (s.status === 'fulfilled' ? s.value : null));
      const failed = started.find((s) => s.status === 'rejected');
      if (failed) throw (failed as PromiseRejectedResult).reason;
      const seeded = [a, b].filter((app) => app?.log().includes('Seeded the demo newsroom.')).length;
      const users = await count('SELECT count(*) AS n FROM users');
      console.log(`[${storeName}] started together: ${seeded} of them seeded the demo newsroom; ${users} accounts (the demo has ${demoNewsroom.users.length})`);
      if (seeded !== 1 || users !== demoNewsroom.users.length) throw new Error(`two servers started at once must seed the demo newsroom exactly once: ${seeded} seeded, ${users} accounts`);
    } else {
      // A first: it migrates and seeds the empty database; B then opens the same file.
      a = await start(portA, 'A');
      b = await start(portB, 'B');
    }
    if (!a || !b) throw new Error('a server did not start');
    servers.push(['A', a], ['B', b]);
    const serverB = b;
    const editorA = await signIn(a.base, editor.email, DEMO_PASSWORD);
    const editorB = await signIn(serverB.base, editor.email, DEMO_PASSWORD);
    const standardsA = await signIn(a.base, standards.email, DEMO_PASSWORD);
    const adminA = await signIn(a.base, admin.email, DEMO_PASSWORD);

    const hook = await postAction(a.base, adminA, createSubscription, { url: receiver.url, 'event-article.amended': 'on', 'event-correction.published': 'on', description: 'two servers' });
    if (hook.status >= 400) throw new Error(`could not subscribe the receiver: ${hook.status} ${hook.text.slice(0, 300)}`);

    // An article, published through A.
    const slug = 'two-servers-harbour';
    const made = await postAction(a.base, editorA, createArticle, { slug, section: 'Local', byline: 'Two Servers', headline: 'The harbour wall', standfirst: '', body: 'The council will spend 695 pounds on the harbour wall.' });
    const articleId = Number(/\/desk\/articles\/(\d+)/.exec(made.redirect ?? '')?.[1]);
    if (!articleId) throw new Error(`could not create the article: ${made.status} ${made.text.slice(0, 300)}`);
    const published = await postAction(a.base, editorA, publishArticle, { articleId: String(articleId) });
    if (published.status >= 400) throw new Error(`could not publish: ${published.status} ${published.text.slice(0, 300)}`);

    // 1. B caches the reader page; A saves; B's next answer is the new text.
    const page = `/articles/${slug}`;
    await text(`${serverB.base}${page}`);
    await text(`${serverB.base}${page}`);
    const saved = await postAction(a.base, editorA, saveVersion, { articleId: String(articleId), baseNumber: '1', headline: 'The harbour wall', standfirst: '', body: 'The council will spend 842 pounds on the harbour wall.', changeKind: 'update', note: 'the figure' });
    const savedNumber = Number(/saved=(\d+)/.exec(saved.redirect ?? '')?.[1]);
    const first = await text(`${serverB.base}${page}`);
    check('a save through A is read through B at once', savedNumber === 2 && first.body.includes('842 pounds') && !first.body.includes('695 pounds'), `saved v${savedNumber}; B's very next answer ${first.body.includes('842 pounds') ? 'has' : 'lacks'} the new figure`);

    // 2. Ten saves from version 2 at once, five through each server.
    const attempts = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        postAction(i % 2 === 0 ? a!.base : serverB.base, i % 2 === 0 ? editorA : editorB, saveVersion, { articleId: String(articleId), baseNumber: '2', headline: 'The harbour wall', standfirst: '', body: `The council will spend 842 pounds on the harbour wall. Edit ${i}.`, changeKind: 'update', note: `race ${i}` }),
      ),
    );
    const wins = attempts.filter((r) => /saved=\d+/.test(r.redirect ?? '')).length;
    const refusedAsLost = attempts.filter((r) => r.status === 409 || /was saved/.test(r.text)).length;
    const errors = attempts.filter((r) => r.status >= 500).length;
    const versionsNow = await count('SELECT count(*) AS n FROM versions WHERE article_id = ?', [articleId]);
    check('ten saves from one base across both servers: exactly one wins', wins === 1 && refusedAsLost === 9 && errors === 0 && versionsNow === 3, `${wins} won, ${refusedAsLost} refused as lost updates, ${errors} server errors; ${versionsNow} versions stored`);

    // 3. nginx caches B's page; a correction published through A purges it.
    const cached = await within(3000, async () => (await text(`http://127.0.0.1:${portNginx}${page}`)).cache === 'HIT');
    const drafted = await postAction(a.base, editorA, createCorrection, { articleId: String(articleId), versionNumber: '3', claims: JSON.stringify([{ start: 23, end: 26 }]), kind: 'correction', mode: 'notice', said: 'the council would spend 842 pounds', wording: 'The council will spend 842,000 pounds on the harbour wall.' });
    const correctionId = Number(/\/desk\/corrections\/(\d+)/.exec(drafted.redirect ?? '')?.[1]);
    if (!correctionId) throw new Error(`could not draft the correction: ${drafted.status} ${drafted.text.slice(0, 400)}`);
    const publishedCorrection = await postAction(a.base, standardsA, publishCorrection, { correctionId: String(correctionId), revision: '1', confirmedVersion: '3', errorType: 'number', errorCause: 'reporting', foundBy: 'reader' });
    const purgedIn = await within(3000, async () => (await text(`http://127.0.0.1:${portNginx}${page}`)).body.includes('842,000 pounds'));
    check(
      'a correction published through A is purged from the cache in front of B',
      cached !== null && publishedCorrection.status < 400 && purgedIn !== null,
      `nginx had B's page cached: ${cached !== null}; published: ${publishedCorrection.status}; the notice through nginx ${purgedIn === null ? 'not within 3 s' : `${purgedIn} ms after the publish returned`}`,
    );

    // 4. A burst of writes through both; A is killed mid-burst; B must carry on.
    const acked: number[] = [];
    let base = 3;
    let sent = 0;
    let killedAt = -1;
    let killTime = Infinity;
    let bAfterKill = 0;
    const burst = async (lane: number) => {
      while (sent < 240) {
        const i = sent++;
        const throughA = i % 2 === 0 && a !== null;
        const server = throughA ? a!.base : serverB.base;
        try {
          const r = await postAction(server, throughA ? editorA : editorB, saveVersion, { articleId: String(articleId), baseNumber: String(base), headline: 'The harbour wall', standfirst: '', body: `The council will spend 842,000 pounds on the harbour wall. Burst ${i} (${lane}).`, changeKind: 'update', note: `burst ${i}` });
          const n = /saved=(\d+)/.exec(r.redirect ?? '');
          if (n) {
            acked.push(Number(n[1]));
            base = Math.max(base, Number(n[1]));
            if (killedAt >= 0 && !throughA) bAfterKill++;
          } else {
            const latest = /Version (\d+) was saved/.exec(r.text);
            if (latest) base = Math.max(base, Number(latest[1]));
          }
        } catch {
          // A died under this request: it was never acknowledged.
        }
        if (a && acked.length >= 40 && killedAt < 0) {
          killedAt = acked.length;
          const dying = a;
          a = null;
          killTime = Date.now();
          await dying.stop('SIGKILL');
        }
      }
    };
    await Promise.all([burst(1), burst(2), burst(3), burst(4)]);
    // Let B's worker send what is due, including what A held when it died (after its lock lapses).
    await new Promise((r) => setTimeout(r, 6000));
    const stored = new Set((await store.rows<{ number: number }>('SELECT number FROM versions WHERE article_id = ?', [articleId])).map((r) => Number(r.number)));
    const lost = acked.filter((n) => !stored.has(n));
    const undelivered = await count('SELECT count(*) AS n FROM webhook_outbox WHERE delivered_at IS NULL AND failed_at IS NULL');
    const deliveredRows = await store.rows<{ message_id: string }>('SELECT message_id FROM webhook_outbox WHERE delivered_at IS NOT NULL');
    // Two servers alive never both send one message: at most one successful attempt per message on record.
    const recordedTwice = await count('SELECT count(*) AS n FROM (SELECT outbox_id FROM webhook_deliveries WHERE ok GROUP BY outbox_id HAVING count(*) > 1) AS twice');
    // The one repeat a receiver may see: a message A was sending when it died, sent again by B once
    // A's claim ran out, with the same id and the same bytes (receivers deduplicate by webhook-id).
    const resentAfterKill = (arrivals: Arrival[]) => arrivals.length === 2 && arrivals[0].at <= killTime && arrivals[1].at >= killTime && arrivals[0].body === arrivals[1].body;
    const repeats = [...receiver.seen].filter(([, arrivals]) => arrivals.length > 1);
    const twice = repeats.filter(([, arrivals]) => !resentAfterKill(arrivals));
    const chains = await store.chains();
    check(
      'kill -9 of A mid-burst: nothing acknowledged lost, B carries on, no delivery twice',
      lost.length === 0 && bAfterKill > 0 && twice.length === 0 && recordedTwice === 0 && receiver.seen.size === deliveredRows.length && chains.breaks.length === 0 && undelivered === 0,
      `${acked.length} saves acknowledged (A killed after ${killedAt}), ${lost.length} lost; B acknowledged ${bAfterKill} after the kill; ${deliveredRows.length} messages delivered, ${receiver.seen.size} ids received, ${twice.length} sent twice (${repeats.length - twice.length} in flight on A when it died, sent again by B with the same id and bytes), ${recordedTwice} recorded as delivered twice, ${undelivered} still due; ${chains.breaks.length} chain breaks`,
    );
    if (storeName === 'postgres') {
      // Nothing on PostgreSQL may open a SQLite file (it would read an empty newsroom of its own).
      const touched = fs.existsSync(databasePath);
      console.log(`[${storeName}] the servers ${touched ? 'CREATED' : 'left alone'} the SQLite file DATABASE_PATH names`);
      if (touched) throw new Error(`a server on PostgreSQL opened the SQLite file at DATABASE_PATH (${databasePath})`);
    }
  } catch (error) {
    stoppedShort = true;
    throw error;
  } finally {
    // What the servers said, for a run that stopped short or failed a check (A's too, if it was killed).
    if (stoppedShort || results.some((r) => r.store === storeName && !r.ok)) {
      for (const [label, app] of servers) console.error(`--- [${storeName}] server ${label}'s errors and last output:\n${serverErrors(app.log())}`);
    }
    receiver?.close();
    await a?.stop();
    await b?.stop();
    await nginx?.stop();
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const i = process.argv.indexOf('--store');
  const asked = i >= 0 ? process.argv[i + 1] : 'both';
  const stores = asked === 'both' ? [...STORES] : STORES.filter((s) => s === asked);
  if (stores.length === 0) throw new Error(`--store must be sqlite, postgres or both, not "${asked}"`);
  // Built here, once: two servers started at once would otherwise each build into the same .next.
  if (ensureBuild() !== 0) throw new Error('the production build failed');
  writeResults();
  for (const store of stores) {
    try {
      await run(store, STORES.indexOf(store) * 3);
    } catch (error) {
      const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
      stops.push({ store, error: text });
      writeResults();
      console.error(`[${store}] stopped: ${text}`);
    }
    const mine = results.filter((r) => r.store === store);
    const failed = mine.filter((r) => !r.ok).length + (CHECKS - mine.length);
    console.log(`two servers on ${store}: ${mine.length - mine.filter((r) => !r.ok).length} passed, ${failed} failed`);
  }
  const expected = CHECKS * stores.length;
  const passed = results.filter((r) => r.ok).length;
  if (passed !== expected) process.exitCode = 1;
}

main()
  .then(() => process.exit(process.exitCode ?? 0))
  .catch((error: Error) => {
    console.error(error.stack ?? error.message);
    process.exit(1);
  });
