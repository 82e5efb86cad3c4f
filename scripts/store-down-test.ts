// The store down for a moment under a running app server, as a PostgreSQL restart or a managed
// database's fail-over takes it away, and then back. Checks, each printed with what it measured:
//  1. with the store up, every surface answers (no 5xx): each reader surface the registry names
//     (e2e/support/surfaces.ts, which the surfaces spec holds to every route under app/), the API
//     with a read token, and every desk page signed in;
//  2. with it down, none of them answers 500: what needs the store is a 503 with Retry-After that
//     no cache may keep, what does not (a page already cached, the icons, the sign-in page) is served
//     as before; the sign-in, a reader's report and a desk form are 503s too;
//  3. with it back, every surface answers as it did before the outage, without a restart.
//
// `tsx scripts/store-down-test.ts`: a scratch cluster (scripts/pg-cluster.mjs) and one app server on
// the production build (built first if stale). Exits 1 on any failure.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { DEMO_PASSWORD } from '../db/seed/password';
import { demoNewsroom } from '../db/seed/demo-content';
import { SURFACES, type ArticleTarget, type SurfaceTargets } from '../e2e/support/surfaces';
import { createDatabase, ensurePostgres, startCluster, type ScratchCluster } from './pg-cluster.mjs';
import { actionManifest, need, postAction, signIn, startApp, type RunningApp } from './support/app-client';
import { ensureBuild } from './support/build.mjs';

const PORT = Number(process.env.STORE_DOWN_PORT ?? 3340);
let passed = 0;
let failed = 0;

function check(name: string, ok: boolean, detail: string): void {
  if (ok) passed += 1;
  else failed += 1;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}: ${detail}`);
}

interface Answer {
  url: string;
  status: number;
  retryAfter: string | null;
  cacheControl: string | null;
}

type Request = { url: string; headers?: Record<string, string> };

async function answer(base: string, { url, headers = {} }: Request): Promise<Answer> {
  const response = await fetch(`${base}${url}`, { redirect: 'manual', headers: { 'accept-encoding': 'identity', ...headers } });
  await response.arrayBuffer();
  return { url, status: response.status, retryAfter: response.headers.get('retry-after'), cacheControl: response.headers.get('cache-control') };
}

async function answers(base: string, requests: Request[]): Promise<Answer[]> {
  const out: Answer[] = [];
  for (const r of requests) out.push(await answer(base, r));
  return out;
}

/** What the registry asks for, for the articles, sections and editions in the database. */
async function readerUrls(pool: pg.Pool): Promise<{ urls: string[]; articles: number }> {
  const articles = (await pool.query<{ id: number; slug: string; external_id: string | null }>("select id, slug, external_id from articles where status = 'published' order by id")).rows;
  const targets: SurfaceTargets = { articles: [], sections: [], columnDates: [] };
  for (const a of articles) {
    const versions = (await pool.query<{ number: number }>('select number from versions where article_id = $1 order by number', [a.id])).rows.map((r) => r.number);
    const corrections = (await pool.query<{ id: number }>("select id from corrections where article_id = $1 and status <> 'draft' order by id", [a.id])).rows.map((r) => r.id);
    const target: ArticleTarget = { slug: a.slug, versions, corrections, ...(a.external_id ? { externalId: a.external_id } : {}) };
    targets.articles.push(target);
  }
  targets.sections = (await pool.query<{ section: string }>("select distinct section from articles where status = 'published' order by section")).rows.map((r) => r.section);
  targets.columnDates = (await pool.query<{ date: string }>("select date from columns where status = 'published' order by date")).rows.map((r) => String(r.date));
  const urls = SURFACES.flatMap((s) => (s.scope === 'site' ? s.urls(targets) : targets.articles.flatMap((a) => s.urls(targets, a))));
  return { urls: [...new Set(urls)], articles: targets.articles.length };
}

/** Every desk page that needs no id: app/desk's page.tsx files outside a [segment]. */
function deskUrls(root = process.cwd()): string[] {
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? (e.name.startsWith('[') || e.name.startsWith('(') ? [] : walk(path.join(dir, e.name))) : e.name === 'page.tsx' ? [dir] : []));
  return walk(path.join(root, 'app', 'desk')).map((dir) => `/${path.relative(path.join(root, 'app'), dir).split(path.sep).join('/')}`);
}

const summary = (list: Answer[]) => {
  const counts = new Map<number, number>();
  for (const a of list) counts.set(a.status, (counts.get(a.status) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => a - b).map(([s, n]) => `${n}×${s}`).join(', ');
};

async function main(): Promise<void> {
  if (ensureBuild({ root: process.cwd() }) !== 0) throw new Error('the build failed');
  const found = ensurePostgres({ install: true });
  if (found.problem) throw new Error(found.problem);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'errata-down-'));
  let cluster: ScratchCluster | null = null;
  let app: RunningApp | null = null;
  let pool: pg.Pool | null = null;
  try {
    cluster = await startCluster({ bin: found.bin, log: console.log });
    const url = await createDatabase(cluster.url, 'errata_down');
    const env = { DATABASE_URL: url, DATABASE_PATH: path.join(dir, 'unused.db'), NEXTAUTH_SECRET: 'store-down-test-secret-0123456789abcdef', ERRATA_SIGN_IN_GLOBAL_LIMIT: '10000' };
    app = await startApp({ port: PORT, databasePath: env.DATABASE_PATH, env });
    const base = app.base;
    pool = new pg.Pool({ connectionString: url, max: 2 });
    const { urls: reader, articles } = await readerUrls(pool);
    const token = JSON.parse(
      execFileSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/token-add.ts', '--name', 'store-down', '--scopes', 'read', '--json'], { env: { ...process.env, ...env }, encoding: 'utf8' }).trim().split('\n').pop() ?? '{}',
    ) as { secret?: string };
    const editor = need(demoNewsroom.users.find((u) => u.role === 'admin'), 'a demo admin');
    const cookie = await signIn(base, editor.email, DEMO_PASSWORD);
    const apiAuth = { authorization: `Bearer ${need(token.secret, 'a token secret')}` };
    const requests: Request[] = [
      ...reader.map((u) => ({ url: u, ...(u.startsWith('/api/v1/') ? { headers: apiAuth } : {}) })),
      ...deskUrls().map((u) => ({ url: u, headers: { cookie } })),
    ];
    // A reader's page cached before the outage (requested twice: the second is the cache's copy).
    const cached = `/articles/${demoNewsroom.articles[0].slug}`;
    const uncached = reader.filter((u) => u !== cached && /^\/articles\/[^/]+(\/versions\/\d+|\/history|\/corrections\/rss\.xml)?$/.test(u));

    const before = await answers(base, requests);
    const statusBefore = new Map(before.map((a) => [a.url, a.status]));
    check(
      'with the store up, every surface answers',
      before.every((a) => a.status < 500) && before.length > 100,
      `${before.length} requests (${reader.length} reader URLs for ${articles} articles, ${requests.length - reader.length} desk pages): ${summary(before)}${before.filter((a) => a.status >= 500).map((a) => `; ${a.status} ${a.url}`).join('')}`,
    );
    // A fresh server (its page cache is in memory): nothing cached but the one page warmed here.
    await app.stop();
    app = await startApp({ port: PORT, databasePath: env.DATABASE_PATH, env });
    for (let i = 0; i < 2; i++) await answer(base, { url: cached });

    cluster.pause();
    const logBefore = app.log().length;
    const down = await answers(base, requests.filter((r) => r.url !== cached));
    // Identical requests at once share one render in Next: every one of them must still be told to wait.
    const together = await Promise.all(Array.from({ length: 10 }, () => answer(base, { url: '/corrections?kind=correction' })));
    const cachedDown = await answer(base, { url: cached });
    // What the server logged meanwhile: no statement, no parameters, no stack per request.
    const outageLog = app.log().slice(logBefore);
    const statementsLogged = (outageLog.match(/Failed query|params:/g) ?? []).length;
    if (process.env.STORE_DOWN_ANSWERS) fs.writeFileSync(process.env.STORE_DOWN_ANSWERS, JSON.stringify({ before, down }, null, 1));
    const manifest = actionManifest();
    const saveVersion = need(manifest.get('app/desk/articles/actions.ts#saveVersionAction'), 'saveVersionAction');
    const form = await postAction(base, cookie, saveVersion, { articleId: '1', baseNumber: '1', changeKind: 'minor', note: 'During the outage', headline: 'x', standfirst: 'x', body: 'x' });
    const report = await fetch(`${base}/api/reports`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ slug: demoNewsroom.articles[0].slug, version: 1, words: 'Turnout', message: 'Sent while the store was down.' }) });
    let signInStatus = 0;
    try {
      await signIn(base, editor.email, DEMO_PASSWORD);
    } catch (error) {
      signInStatus = Number(/\((\d{3})\)/.exec((error as Error).message)?.[1] ?? 0);
    }
    // A 503 no shared cache may keep (the API's answers are private to their token anyway).
    const bad = down.filter((a) => a.status >= 500 && (a.status !== 503 || !a.retryAfter || !/\b(no-store|private)\b/.test(a.cacheControl ?? '')));
    // What answered without the store: files and pages that read nothing from it.
    const served = down.filter((a) => a.status < 400).map((a) => a.url);
    const unavailable = down.filter((a) => a.status === 503);
    const uncachedDown = down.filter((a) => uncached.includes(a.url));
    check(
      'with the store down, nothing answers 500: what needs it is a 503 with Retry-After, never cached',
      bad.length === 0 && unavailable.length > 0 && uncachedDown.length > 0 && uncachedDown.every((a) => a.status === 503),
      `${down.length} requests: ${summary(down)}; ${uncachedDown.filter((a) => a.status === 503).length} of ${uncachedDown.length} uncached article pages, versions, histories and feeds 503; answered without the store: ${served.join(' ')}${bad.slice(0, 8).map((a) => `; ${a.status} (Retry-After ${a.retryAfter ?? 'none'}, Cache-Control ${a.cacheControl ?? 'none'}) ${a.url}`).join('')}`,
    );
    check(
      'with the store down, ten identical requests at once are each a 503, and the log names no statement',
      together.every((a) => a.status === 503 && a.retryAfter !== null) && statementsLogged === 0,
      `${summary(together)}; ${outageLog.split('\n').filter(Boolean).length} log lines during the outage, ${statementsLogged} naming a statement or its parameters`,
    );
    check('with the store down, a page cached before is still served', cachedDown.status === 200, `${cached}: ${cachedDown.status}`);
    check(
      'with the store down, the sign-in, a reader’s report and a desk form answer 503',
      signInStatus === 503 && report.status === 503 && !!report.headers.get('retry-after') && form.status === 503,
      `sign-in ${signInStatus}, report ${report.status} (Retry-After ${report.headers.get('retry-after') ?? 'none'}), saving a version ${form.status}`,
    );

    cluster.resume();
    const started = Date.now();
    let after: Answer[] = [];
    for (;;) {
      after = await answers(base, requests);
      const same = after.every((a) => a.status === statusBefore.get(a.url));
      if (same || Date.now() - started > 20_000) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const changed = after.filter((a) => a.status !== statusBefore.get(a.url));
    check(
      'with the store back, every surface answers as before, without a restart',
      changed.length === 0,
      `${after.length} requests in ${((Date.now() - started) / 1000).toFixed(1)} s: ${summary(after)}${changed.slice(0, 8).map((a) => `; ${a.url} was ${statusBefore.get(a.url)}, now ${a.status}`).join('')}`,
    );
  } catch (error) {
    check('the run', false, (error as Error).message);
    if (app) console.log(app.log().slice(-4000));
  } finally {
    await pool?.end().catch(() => {});
    await app?.stop();
    cluster?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(`store down: ${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

void main();
