// Two app servers on one database, as a newsroom runs them for availability, with nginx (the
// deployment recipe) in front of the second. Checks, each printed with what it measured:
//  1. an editor's save through A is what a reader reads through B at once (B had the page cached);
//  2. ten saves from one base version, five through each server at the same moment: exactly one wins;
//  3. a correction published through A is gone from nginx's cached copy of the page B served;
//  4. kill -9 of A mid-burst of writes through both: B carries on, nothing acknowledged is lost, no
//     webhook message is sent twice (bar one A was sending as it died, which B sends again with the
//     same webhook-id and bytes once A's claim lapses: delivery is at least once), and every chain holds.
// `tsx scripts/two-servers-test.ts`; exits 1 on any failure. Needs the production build.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../db/connection';
import { DEMO_PASSWORD } from '../db/seed/password';
import { demoNewsroom } from '../db/seed/demo-content';
import { verifyDatabase } from '../db/verify';
import { startNginx } from './nginx.mjs';
import { actionManifest, need, postAction, signIn, startApp, type ActionRef, type RunningApp } from './support/app-client';

const BASE_PORT = Number(process.env.TWO_SERVERS_PORT ?? 3320);
const results: { name: string; ok: boolean; detail: string }[] = [];

function check(name: string, ok: boolean, detail: string): void {
  results.push({ name, ok, detail });
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}: ${detail}`);
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

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'errata-two-'));
  const databasePath = path.join(dir, 'errata.db');
  const [portA, portB, portNginx] = [BASE_PORT, BASE_PORT + 1, BASE_PORT + 2];
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

  const nginx = await startNginx({ listenPort: portNginx, upstreamPort: portB, install: true });
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
  // A first: it migrates and seeds the empty database; B then opens the same file.
  let a: RunningApp | null = await startApp({ port: portA, databasePath, env: { ...env, ERRATA_INSTANCE: 'A' } });
  const b = await startApp({ port: portB, databasePath, env: { ...env, ERRATA_INSTANCE: 'B' } });
  const receiver = await startReceiver();
  try {
    const editorA = await signIn(a.base, editor.email, DEMO_PASSWORD);
    const editorB = await signIn(b.base, editor.email, DEMO_PASSWORD);
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
    await text(`${b.base}${page}`);
    await text(`${b.base}${page}`);
    const saved = await postAction(a.base, editorA, saveVersion, { articleId: String(articleId), baseNumber: '1', headline: 'The harbour wall', standfirst: '', body: 'The council will spend 842 pounds on the harbour wall.', changeKind: 'update', note: 'the figure' });
    const savedNumber = Number(/saved=(\d+)/.exec(saved.redirect ?? '')?.[1]);
    const first = await text(`${b.base}${page}`);
    check('a save through A is read through B at once', savedNumber === 2 && first.body.includes('842 pounds') && !first.body.includes('695 pounds'), `saved v${savedNumber}; B's very next answer ${first.body.includes('842 pounds') ? 'has' : 'lacks'} the new figure`);

    // 2. Ten saves from version 2 at once, five through each server.
    const attempts = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        postAction(i % 2 === 0 ? a!.base : b.base, i % 2 === 0 ? editorA : editorB, saveVersion, { articleId: String(articleId), baseNumber: '2', headline: 'The harbour wall', standfirst: '', body: `The council will spend 842 pounds on the harbour wall. Edit ${i}.`, changeKind: 'update', note: `race ${i}` }),
      ),
    );
    const wins = attempts.filter((r) => /saved=\d+/.test(r.redirect ?? '')).length;
    const refusedAsLost = attempts.filter((r) => r.status === 409 || /was saved/.test(r.text)).length;
    const errors = attempts.filter((r) => r.status >= 500).length;
    const raw = new Database(databasePath, { readonly: true });
    const versionsNow = (raw.prepare('SELECT count(*) AS n FROM versions WHERE article_id = ?').get(articleId) as { n: number }).n;
    raw.close();
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
        const server = throughA ? a!.base : b.base;
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
    const store = new Database(databasePath, { readonly: true });
    const stored = new Set((store.prepare('SELECT number FROM versions WHERE article_id = ?').all(articleId) as { number: number }[]).map((r) => r.number));
    const lost = acked.filter((n) => !stored.has(n));
    const undelivered = (store.prepare('SELECT count(*) AS n FROM webhook_outbox WHERE delivered_at IS NULL AND failed_at IS NULL').get() as { n: number }).n;
    const deliveredRows = store.prepare('SELECT message_id FROM webhook_outbox WHERE delivered_at IS NOT NULL').all() as { message_id: string }[];
    // Two servers alive never both send one message: at most one successful attempt per message on record.
    const recordedTwice = (store.prepare('SELECT count(*) AS n FROM (SELECT outbox_id FROM webhook_deliveries WHERE ok = 1 GROUP BY outbox_id HAVING count(*) > 1)').get() as { n: number }).n;
    store.close();
    // The one repeat a receiver may see: a message A was sending when it died, sent again by B once
    // A's claim ran out, with the same id and the same bytes (receivers deduplicate by webhook-id).
    const resentAfterKill = (arrivals: Arrival[]) => arrivals.length === 2 && arrivals[0].at <= killTime && arrivals[1].at >= killTime && arrivals[0].body === arrivals[1].body;
    const repeats = [...receiver.seen].filter(([, arrivals]) => arrivals.length > 1);
    const twice = repeats.filter(([, arrivals]) => !resentAfterKill(arrivals));
    const db = openDatabase(databasePath, { migrate: false });
    const chains = await verifyDatabase(db);
    db.$client.close();
    check(
      'kill -9 of A mid-burst: nothing acknowledged lost, B carries on, no delivery twice',
      lost.length === 0 && bAfterKill > 0 && twice.length === 0 && recordedTwice === 0 && receiver.seen.size === deliveredRows.length && chains.breaks.length === 0 && undelivered === 0,
      `${acked.length} saves acknowledged (A killed after ${killedAt}), ${lost.length} lost; B acknowledged ${bAfterKill} after the kill; ${deliveredRows.length} messages delivered, ${receiver.seen.size} ids received, ${twice.length} sent twice (${repeats.length - twice.length} in flight on A when it died, sent again by B with the same id and bytes), ${recordedTwice} recorded as delivered twice, ${undelivered} still due; ${chains.breaks.length} chain breaks`,
    );
  } finally {
    receiver.close();
    await a?.stop();
    await b.stop();
    await nginx.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main()
  .then(() => {
    const failed = results.filter((r) => !r.ok).length;
    console.log(`two servers: ${results.length - failed} passed, ${failed} failed`);
    process.exit(failed === 0 && results.length === 4 ? 0 : 1);
  })
  .catch((error: Error) => {
    console.error(error.stack ?? error.message);
    process.exit(1);
  });
