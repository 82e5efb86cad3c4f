// Through the nginx recipe (deploy/nginx): reader pages served by nginx's cache in front of the app,
// against nginx serving a saved copy of the same page as a plain file, with wrk, in the same run;
// and publish → visible: from posting a correction's publish to nginx serving the corrected page.
//
// `benchNginx(...)` for bench/index.ts (the app must run with ERRATA_PURGER=nginx and
// ERRATA_PURGE_URL=http://127.0.0.1:{nginxPort}/__purge); or on its own, on the demo newsroom:
//   npx tsx bench/nginx.ts [--duration 8]
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startNginx } from '../scripts/nginx.mjs';
import { actionManifest, postAction, signIn } from '../scripts/support/app-client';

export interface WrkResult {
  rps: number;
  p99Ms: number;
  errors: number;
}

export interface NginxBenchOptions {
  /** The app, already serving (with the nginx purger pointed at nginxPort). */
  appPort: number;
  nginxPort: number;
  /** Reader paths to load through nginx; the first is also saved as the static copy. */
  paths: string[];
  duration?: number;
  threads?: number;
  connections?: number;
  /** Publish a correction and time it until nginx shows it (on `paths[0]`). */
  publish?: { email: string; password: string; articleId: number; versionNumber: number; claim?: { start: number; end: number } };
  /** Print each figure as it is measured (default true). */
  print?: boolean;
}

export interface NginxBenchResult {
  static: WrkResult;
  /** `cacheStatus`: nginx's X-Cache-Status on the request before the run (HIT: served from its cache). */
  pages: { path: string; result: WrkResult; ratio: number; cacheStatus: string }[];
  /** Publish request sent → corrected page served by nginx, ms (null when not measured or not seen within 10 s). */
  publishToVisibleMs: number | null;
  /** Of which the publish request itself, ms. */
  publishRequestMs: number | null;
}

/** Runs wrk against one URL and reads its summary. */
export function wrk(url: string, { duration = 8, threads = 2, connections = 32 } = {}): WrkResult {
  const out = spawnSync('wrk', [`-t${threads}`, `-c${connections}`, `-d${duration}s`, '--latency', url], { encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`wrk failed: ${out.stderr || out.error}`);
  const text = out.stdout;
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(text)?.[1] ?? NaN);
  const p99 = /99%\s+([\d.]+)(us|ms|s)\b/.exec(text);
  const p99Ms = p99 ? Number(p99[1]) * (p99[2] === 'us' ? 0.001 : p99[2] === 's' ? 1000 : 1) : NaN;
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(text)?.[1] ?? 0);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(text);
  const errors = non2xx + (socket ? socket.slice(1).reduce((a, b) => a + Number(b), 0) : 0);
  return { rps, p99Ms, errors };
}

async function publishAndWait(options: NginxBenchOptions, nginxBase: string, appBase: string): Promise<{ total: number; request: number } | null> {
  const p = options.publish!;
  const cookie = await signIn(appBase, p.email, p.password);
  const actions = actionManifest();
  const create = actions.get('app/desk/corrections/actions.ts#createCorrectionAction');
  const publish = actions.get('app/desk/corrections/actions.ts#publishCorrectionAction');
  if (!create || !publish) throw new Error('the build has no correction actions');
  const wording = `Bench correction ${Date.now().toString(36)}: the figure was wrong.`;
  const claim = p.claim ?? { start: 0, end: 4 };
  const draft = await postAction(appBase, cookie, create, { articleId: String(p.articleId), versionNumber: String(p.versionNumber), claims: JSON.stringify([claim]), kind: 'correction', mode: 'notice', wording });
  const correctionId = /\/desk\/corrections\/(\d+)/.exec(draft.redirect ?? '')?.[1];
  if (!correctionId) throw new Error(`drafting the bench correction failed (${draft.status}): ${draft.text.slice(0, 200)}`);
  // Make sure nginx holds the uncorrected page first.
  await (await fetch(nginxBase + options.paths[0])).text();
  const started = performance.now();
  // Classified, as publishing requires (codes from the default taxonomy).
  const result = await postAction(appBase, cookie, publish, { correctionId, revision: '1', errorType: 'number', errorCause: 'reporting', foundBy: 'staff' });
  const request = performance.now() - started;
  if (!result.redirect) throw new Error(`publishing the bench correction failed (${result.status})`);
  while (performance.now() - started < 10_000) {
    const body = await (await fetch(nginxBase + options.paths[0])).text();
    if (body.includes(wording)) return { total: performance.now() - started, request };
    await new Promise((r) => setTimeout(r, 5));
  }
  return null;
}

export async function benchNginx(options: NginxBenchOptions): Promise<NginxBenchResult> {
  const print = options.print ?? true;
  const say = (line: string) => print && console.log(line);
  const appBase = `http://127.0.0.1:${options.appPort}`;
  const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'errata-static-'));
  // A fresh connection: after a long wrk run the pool's keep-alive sockets may have been closed by
  // the server, and undici does not retry a request sent on one.
  const page = await fetch(appBase + options.paths[0], { headers: { connection: 'close' } }).catch(() => fetch(appBase + options.paths[0], { headers: { connection: 'close' } }));
  if (!page.ok) throw new Error(`${options.paths[0]} answered ${page.status}`);
  fs.writeFileSync(path.join(staticDir, 'page.html'), await page.text());
  fs.chmodSync(staticDir, 0o755);
  const nginx = await startNginx({ listenPort: options.nginxPort, upstreamPort: options.appPort, staticDir });
  const load = { duration: options.duration ?? 8, threads: options.threads ?? 2, connections: options.connections ?? 32 };
  try {
    say(`\nThrough nginx (deploy/nginx) vs nginx serving a saved copy of ${options.paths[0]} (wrk -t${load.threads} -c${load.connections} -d${load.duration}s):`);
    const staticUrl = `${nginx.url}/__static/page.html`;
    const statusOf = async (url: string) => (await fetch(url)).status;
    if ((await statusOf(staticUrl)) !== 200) throw new Error('nginx does not serve the saved copy');
    const staticResult = wrk(staticUrl, load);
    say(`  nginx static file: ${staticResult.rps.toFixed(0)} req/s, p99 ${staticResult.p99Ms.toFixed(1)} ms, ${staticResult.errors} errors`);
    const pages: NginxBenchResult['pages'] = [];
    for (const p of options.paths) {
      // Twice: the first fills the cache, the second is a hit.
      await statusOf(nginx.url + p);
      const hit = await fetch(nginx.url + p);
      await hit.text();
      const result = wrk(nginx.url + p, load);
      const ratio = result.rps / staticResult.rps;
      pages.push({ path: p, result, ratio, cacheStatus: hit.headers.get('x-cache-status') ?? '' });
      say(`  ${p} through nginx (${hit.headers.get('x-cache-status') ?? 'no cache status'}): ${result.rps.toFixed(0)} req/s (${ratio.toFixed(2)}× static), p99 ${result.p99Ms.toFixed(1)} ms, ${result.errors} errors (target ≥ 0.5×)`);
    }
    let publishToVisibleMs: number | null = null;
    let publishRequestMs: number | null = null;
    if (options.publish) {
      const timed = await publishAndWait(options, nginx.url, appBase);
      publishToVisibleMs = timed?.total ?? null;
      publishRequestMs = timed?.request ?? null;
      say(`  publish → visible through nginx: ${timed ? `${timed.total.toFixed(0)} ms (the publish request itself ${timed.request.toFixed(0)} ms)` : 'NOT SEEN within 10 s'} (target ≤ 1000 ms)`);
    }
    return { static: staticResult, pages, publishToVisibleMs, publishRequestMs };
  } finally {
    await nginx.stop();
    fs.rmSync(staticDir, { recursive: true, force: true });
  }
}

async function main() {
  const argv = process.argv.slice(2);
  const duration = Number(argv[argv.indexOf('--duration') + 1] || 8) || 8;
  const appPort = Number(process.env.BENCH_APP_PORT ?? 3410);
  const nginxPort = Number(process.env.BENCH_NGINX_PORT ?? 8410);
  const db = path.join('data', 'bench', 'nginx-demo.db');
  fs.mkdirSync(path.dirname(db), { recursive: true });
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(db + suffix, { force: true });
  if (!fs.existsSync(path.join('.next', 'BUILD_ID'))) spawnSync('npx', ['next', 'build'], { stdio: 'inherit' });
  // The app as `npm start` serves it (scripts/server.mjs), on the demo newsroom, purging nginx.
  const app = spawn(process.execPath, [path.join('scripts', 'server.mjs')], {
    env: { ...process.env, NODE_ENV: 'production', PORT: String(appPort), HOSTNAME: '127.0.0.1', DATABASE_PATH: db, ERRATA_SITE_URL: `http://127.0.0.1:${appPort}`, ERRATA_PURGER: 'nginx', ERRATA_PURGE_URL: `http://127.0.0.1:${nginxPort}/__purge`, ERRATA_TRUSTED_PROXIES: '127.0.0.1', NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    for (let i = 0; ; i++) {
      if (i > 600) throw new Error('the app did not start');
      if (await fetch(`http://127.0.0.1:${appPort}/api/health`).then((r) => r.ok, () => false)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const history = (await (await fetch(`http://127.0.0.1:${appPort}/articles/council-budget-gap/history.json`)).json()) as { versions?: { number: number }[] };
    const versionNumber = Math.max(...(history.versions ?? [{ number: 1 }]).map((v) => v.number));
    const { Database } = { Database: (await import('better-sqlite3')).default };
    const handle = new Database(db, { readonly: true });
    const articleId = (handle.prepare("select id from articles where slug = 'council-budget-gap'").get() as { id: number }).id;
    handle.close();
    await benchNginx({
      appPort,
      nginxPort,
      paths: ['/articles/council-budget-gap', '/'],
      duration,
      publish: { email: 'margaret.oyelaran@saltmarshcourier.example', password: 'errata-demo-2026', articleId, versionNumber },
    });
  } finally {
    app.kill('SIGTERM');
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename ?? '')) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
