// `npm run bench`: Errata at newsroom scale. Builds (or reuses) the scale database, serves it with
// the production build, and prints a table: throughput and p99 of reader pages against a static
// page of the same app, server memory, the write path, reader p99 during an online backup, the
// crash-safety test 20 times, the diff benchmark, and every desk page (bench/desk-pages.ts). Figures, never pass/fail assertions in tests.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { backupDatabase } from '../db/backup';
import { startApp } from '../scripts/support/app-client';
import { openDatabase } from '../db/connection';
import { deskLoad, deskPageFigures } from './desk-pages';
import { FULL_SCALE, generateScaleDatabase } from './scale';

const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
/** --desk: only the desk's pages, served straight from the scale database (no copy of ~10 GB). */
const deskOnly = args.has('--desk');
const DIR = path.join('data', 'bench');
const DB = path.join(DIR, 'scale.db');
const PORT = 3400;
const DURATION = quick ? 5 : 10;
const CONNECTIONS = 16;

interface Row {
  what: string;
  figure: string;
  target: string;
  ok: boolean | null;
}
const rows: Row[] = [];
const row = (what: string, figure: string, target: string, ok: boolean | null) => {
  rows.push({ what, figure, target, ok });
  console.log(`  ${what}: ${figure}${target ? ` (target ${target})` : ''}`);
};

async function load(url: string): Promise<{ rps: number; p99: number; errors: number }> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, pipelining: 1 });
  return { rps: result.requests.average, p99: result.latency.p99, errors: result.errors + result.timeouts + result.non2xx };
}

function processGroupRss(pid: number): number {
  // The server may fork workers: add up every process in its group.
  const out = execFileSync('ps', ['-o', 'rss=', '-g', String(pid)], { encoding: 'utf8' });
  return out
    .split('\n')
    .map((l) => Number(l.trim()))
    .filter((n) => n > 0)
    .reduce((a, b) => a + b, 0) * 1024;
}

async function deskSection(base: string, pid: number, scale: typeof FULL_SCALE) {
  console.log(`\nDesk pages, signed in as standards (${scale.articles.toLocaleString('en-GB')} articles), one request at a time:`);
  const { figures, cookie } = await deskPageFigures(base, { standards: 'standards@bench.example', admin: 'admin@bench.example', password: 'errata-bench-2026' }, { articleId: 4242, correctionId: 7, slugWord: 'story 4242' });
  for (const f of figures) {
    const search = f.page.includes('q=');
    const target = search ? 300 : 200;
    row(`desk ${f.page}`, `${f.status}, p50 ${f.p50.toFixed(0)} ms, p99 ${f.p99.toFixed(0)} ms, ${(f.bytes / 1000).toFixed(0)} KB`, `200, p99 < ${target} ms, < 300 KB`, f.status === 200 && f.p99 < target && f.bytes < 300_000);
  }
  console.log('\nDesk under load (autocannon, 8 connections):');
  for (const page of ['/desk', `/desk?q=${encodeURIComponent('harbour ferry')}`, '/desk/reports']) {
    const r = await deskLoad(base + page, cookie, DURATION);
    row(`desk load ${page}`, `${r.rps.toFixed(0)} req/s, p99 ${r.p99} ms, ${r.errors} errors`, 'no errors', r.errors === 0);
  }
  const rss = processGroupRss(pid);
  row('server memory (RSS) after desk load', `${(rss / 1e6).toFixed(0)} MB`, '< 400 MB', rss < 400e6);
}

function printTable() {
  console.log('\n| measure | figure | target | met |\n|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.what} | ${r.figure} | ${r.target} | ${r.ok === null ? '' : r.ok ? 'yes' : 'NO'} |`);
}

async function main() {
  fs.mkdirSync(DIR, { recursive: true });
  const scale = quick ? { ...FULL_SCALE, articles: 5_000, corrections: 1_000, reports: 100 } : FULL_SCALE;
  if (!fs.existsSync(DB) || args.has('--fresh')) {
    console.log(`Generating ${scale.articles} articles, ${scale.articles * scale.versionsPerArticle} versions, ${scale.corrections} corrections, ${scale.reports} reports…`);
    const generated = generateScaleDatabase(DB, scale);
    row('scale database', `${scale.articles} articles, ${scale.articles * scale.versionsPerArticle} versions, ${scale.corrections} corrections, ${scale.reports} reports; ${(generated.bytes / 1e6).toFixed(0)} MB in ${generated.seconds.toFixed(0)} s`, '', null);
  }
  if (!fs.existsSync(path.join('.next', 'BUILD_ID'))) spawnSync('npx', ['next', 'build'], { stdio: 'inherit' });
  if (deskOnly) {
    // Migrate (new indices) and refresh the planner's statistics before serving (sampled: quick at 10 GB).
    const db = openDatabase(DB);
    db.$client.pragma('analysis_limit = 1000');
    db.$client.exec('ANALYZE');
    db.$client.close();
    const app = await startApp({ port: PORT, databasePath: DB, env: { ERRATA_SEED: 'none', ERRATA_SITE_URL: `http://127.0.0.1:${PORT}` } });
    try {
      await deskSection(app.base, app.child.pid as number, scale);
    } finally {
      await app.stop();
    }
    printTable();
    return;
  }

  // A copy to write to, so the write path and backups do not grow the reusable scale database.
  const live = path.join(DIR, 'live.db');
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(live + suffix, { force: true });
  await backupDatabase(DB, live);

  const app = await startApp({ port: PORT, databasePath: live, env: { ERRATA_SEED: 'none', ERRATA_SITE_URL: `http://127.0.0.1:${PORT}` } });
  const base = app.base;
  const slug = 'story-4242';
  const urls = {
    static: `${base}/about`,
    article: `${base}/articles/${slug}`,
    compare: `${base}/articles/${slug}/compare?from=1&to=3`,
    corrections: `${base}/corrections?section=Politics&kind=correction`,
    correctionsByDate: `${base}/corrections?section=Politics&kind=correction&from=2026-01-01`,
    feed: `${base}/corrections/rss.xml`,
  };
  const missing = new Set<string>();
  for (const [name, url] of Object.entries(urls)) {
    // The first request renders and caches what is cacheable.
    const response = await fetch(url);
    if (!response.ok) missing.add(name);
  }
  if (missing.has('static')) throw new Error('the static baseline page is not served');

  console.log('\nReader pages under load (autocannon, loopback):');
  const staticResult = await load(urls.static);
  row('static page /about', `${staticResult.rps.toFixed(0)} req/s, p99 ${staticResult.p99} ms`, 'baseline', staticResult.errors === 0);
  const targets: Record<string, number> = { article: 0.8, feed: 0.8, compare: 0.25, corrections: 0.25, correctionsByDate: 0.25 };
  const results: Record<string, { rps: number; p99: number; errors: number }> = {};
  for (const name of ['article', 'feed', 'compare', 'corrections', 'correctionsByDate'] as const) {
    if (missing.has(name)) {
      row(name, 'NOT SERVED', `≥ ${targets[name] * 100}%`, false);
      continue;
    }
    const r = await load(urls[name]);
    results[name] = r;
    const ratio = r.rps / staticResult.rps;
    row(`${name}`, `${r.rps.toFixed(0)} req/s (${(ratio * 100).toFixed(0)}% of static), p99 ${r.p99} ms, ${r.errors} errors`, `≥ ${targets[name] * 100}%, no errors`, ratio >= targets[name] && r.errors === 0);
  }
  const rss = processGroupRss(app.child.pid as number);
  row('server memory (RSS)', `${(rss / 1e6).toFixed(0)} MB`, '< 400 MB', rss < 400e6);
  await deskSection(base, app.child.pid as number, scale);

  console.log('\nReader p99 while an online backup runs:');
  const backupTarget = path.join(DIR, 'backup.db');
  // Another process, as `npm run backup` would be: the load generator must not share its event loop.
  const backingUp = spawn(process.execPath, ['--import', 'tsx', 'bench/backup-loop.ts', live, backupTarget], { stdio: ['ignore', 'pipe', 'inherit'] });
  let backupOut = '';
  backingUp.stdout.on('data', (d) => (backupOut += d));
  await new Promise((r) => setTimeout(r, 500));
  const during = await load(urls.article);
  const backupsDone = new Promise((r) => backingUp.once('exit', r));
  backingUp.kill('SIGTERM');
  await backupsDone;
  const backups = Number(backupOut.trim()) || 0;
  const ratio = during.p99 / Math.max(1, results.article?.p99 ?? 1);
  row('article p99 during backup', `${during.p99} ms vs ${results.article?.p99} ms without (${ratio.toFixed(2)}×), ${backups} backups taken`, '< 2×', ratio < 2);
  await app.stop();

  console.log('\nWrite path (synchronous=FULL):');
  const write = spawnSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'bench/write-path.ts', quick ? '500' : '2000'], {
    env: { ...process.env, DATABASE_PATH: live },
    encoding: 'utf8',
  });
  const writeResult = JSON.parse(write.stdout.trim().split('\n').pop() ?? '{}') as { synchronous: number; transactionsPerSecond: number; correctionsPerSecond: number };
  row(
    'correction transactions',
    `${writeResult.transactionsPerSecond?.toFixed(0)} transactions/s (${writeResult.correctionsPerSecond?.toFixed(0)} corrections drafted and published/s), synchronous=${writeResult.synchronous === 2 ? 'FULL' : writeResult.synchronous}`,
    '≥ 1,000/s',
    writeResult.transactionsPerSecond >= 1000,
  );

  console.log('\nWrite path at scale (bench/write-scale.ts: 50 versions of 10,000 words):');
  const scaleWrite = spawnSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'bench/write-scale.ts', ...(quick ? ['--articles', '1'] : [])], { encoding: 'utf8' });
  process.stdout.write(scaleWrite.stdout);
  row('write path at scale', scaleWrite.status === 0 ? 'see the table above' : 'FAILED', 'publish < 250 ms, save < 100 ms', scaleWrite.status === 0);

  console.log('\nCrash safety (kill -9 mid-burst, restart, check):');
  const runs = quick ? 3 : 20;
  const crash = spawnSync('npx', ['tsx', 'scripts/crash-test.ts', String(runs)], { encoding: 'utf8' });
  process.stdout.write(crash.stdout);
  row('crash test', crash.stdout.trim().split('\n').pop() ?? 'did not run', `${runs} of ${runs}`, crash.status === 0);

  console.log('\nDiff (bench/diff.ts):');
  const diff = spawnSync('npx', ['tsx', 'bench/diff.ts'], { encoding: 'utf8' });
  process.stdout.write(diff.stdout);
  row('diff benchmark', diff.status === 0 ? 'see the table above' : 'FAILED', 'its own targets', diff.status === 0);

  printTable();
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
