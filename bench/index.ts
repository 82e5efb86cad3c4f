// `npm run bench`: Errata at newsroom scale. First every reader route, hot and as a Zipf mix over
// 10,000 URLs, against the static page, on a 100,000-article archive (bench/reader.ts; `--reader`
// runs only that), with the desk's pages and the write path, on SQLite and then on a copy of the
// archive in PostgreSQL, side by side (bench/stores.ts; `--stores` runs only that, `--stores-desk`
// only its desk pages); then on the
// million-article database (SQLite) (bench/scale.ts, generated once and
// reused): every desk page (bench/desk-pages.ts; `--desk` runs only that), server memory, the write
// path, reader p99 during an online backup, the crash-safety test 20 times and the diff benchmark.
// The app is started as `npm start` starts it (scripts/start.mjs → scripts/server.mjs).
// Figures, never pass/fail assertions in tests.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { backupDatabase } from '../db/backup';
import { type RunningApp, serverRss, signIn, startApp } from '../scripts/support/app-client';
import { openDatabase } from '../db/connection';
import { deskLoad, deskPageFigures, standardsMix } from './desk-pages';
import { readerBench, readerOptionsFrom } from './reader';
import { storesBench, storesDeskBench } from './stores';
import { FULL_SCALE, generateScaleDatabase, scaleDatabasePath } from './scale';

const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
/** --desk: only the desk's pages, served straight from the scale database (no copy of ~10 GB). */
const deskOnly = args.has('--desk');
/** --reader: only the reader routes (bench/reader.ts), on their own 100,000-article database. */
const readerOnly = args.has('--reader');
/** --stores: only SQLite and PostgreSQL side by side on the 100,000-article archive (bench/stores.ts). */
const storesOnly = args.has('--stores');
/** --stores-desk: only the desk pages of the side by side (both stores, 100,000 articles). */
const storesDeskOnly = args.has('--stores-desk');
/** --standards: only the casebook and standards pages on the million-article database (one request at a time). */
const standardsOnly = args.has('--standards');
const DIR = path.join('data', 'bench');
const portArg = process.argv.indexOf('--port');
const PORT = portArg > 0 ? Number(process.argv[portArg + 1]) : 3400;
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

async function deskSection(base: string, app: RunningApp, scale: typeof FULL_SCALE) {
  console.log(`\nDesk pages, signed in as standards (${scale.articles.toLocaleString('en-GB')} articles), one request at a time:`);
  const { figures, cookie } = await deskPageFigures(base, { standards: 'standards@bench.example', admin: 'admin@bench.example', password: 'errata-bench-2026' }, { articleId: 4242, correctionId: 7, caseId: 42, slugWord: 'story 4242' });
  for (const f of figures) {
    const search = f.page.includes('q=');
    const target = search ? 300 : 200;
    row(`desk ${f.page}`, `${f.status}, p50 ${f.p50.toFixed(0)} ms, p99 ${f.p99.toFixed(0)} ms, ${(f.bytes / 1000).toFixed(0)} KB`, `200, p99 < ${target} ms, < 300 KB`, f.status === 200 && f.p99 < target && f.bytes < 300_000);
  }
  console.log('\nThe standards dashboard and statement, 120 distinct ranges and sections each, one request at a time:');
  for (const f of await standardsMix(base, cookie)) {
    row(`standards ${f.page} (distinct URLs)`, `p50 ${f.p50.toFixed(0)} ms, p99 ${f.p99.toFixed(0)} ms, largest ${(f.bytes / 1000).toFixed(0)} KB, ${f.errors} errors`, 'p99 < 300 ms, no errors', f.p99 < 300 && f.errors === 0);
  }
  console.log('\nDesk under load (autocannon, 8 connections):');
  for (const page of ['/desk', `/desk?q=${encodeURIComponent('harbour ferry')}`, '/desk/reports']) {
    const r = await deskLoad(base + page, cookie, DURATION);
    row(`desk load ${page}`, `${r.rps.toFixed(0)} req/s, p99 ${r.p99} ms, ${r.errors} errors`, 'no errors', r.errors === 0);
  }
  const rss = serverRss(app);
  row('server memory (RSS) after desk load', `${(rss / 1e6).toFixed(0)} MB`, '< 400 MB', rss < 400e6);
}

/** The casebook's and the standards desk's pages (issue 16), then the dashboard and statement over distinct ranges. */
async function standardsSection(base: string) {
  const cookie = await signIn(base, 'standards@bench.example', 'errata-bench-2026');
  console.log('\nThe casebook and standards pages, signed in as standards, 20 requests each after 3 to warm:');
  for (const page of ['/desk', '/desk/cases', '/desk/cases?clock=overdue', '/desk/cases?status=upheld&route=ipso', '/desk/cases/42', '/desk/standards', '/desk/standards?section=Politics', '/desk/standards/statement?from=2025-11-21&to=2026-11-20', '/desk/standards/statement.csv?from=2025-11-21&to=2026-11-20']) {
    const times: number[] = [];
    let status = 0;
    let bytes = 0;
    for (let i = 0; i < 23; i++) {
      const started = performance.now();
      const response = await fetch(base + page, { headers: { cookie, 'accept-encoding': 'identity' }, redirect: 'manual' });
      const text = await response.text();
      if (i >= 3) times.push(performance.now() - started);
      status = response.status;
      bytes = Buffer.byteLength(text);
    }
    times.sort((a, b) => a - b);
    const p = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)];
    row(`desk ${page}`, `${status}, p50 ${p(0.5).toFixed(0)} ms, p99 ${p(0.99).toFixed(0)} ms, ${(bytes / 1000).toFixed(0)} KB`, '200, p99 < 300 ms', status === 200 && p(0.99) < 300);
  }
  console.log('\nThe standards dashboard and statement, 120 distinct ranges and sections each, one request at a time:');
  for (const f of await standardsMix(base, cookie)) {
    row(`standards ${f.page} (distinct URLs)`, `p50 ${f.p50.toFixed(0)} ms, p99 ${f.p99.toFixed(0)} ms, largest ${(f.bytes / 1000).toFixed(0)} KB, ${f.errors} errors`, 'p99 < 300 ms, no errors', f.p99 < 300 && f.errors === 0);
  }
}

function printTable() {
  console.log('\n| measure | figure | target | met |\n|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.what} | ${r.figure} | ${r.target} | ${r.ok === null ? '' : r.ok ? 'yes' : 'NO'} |`);
}

async function main() {
  fs.mkdirSync(DIR, { recursive: true });
  if (!fs.existsSync(path.join('.next', 'BUILD_ID'))) spawnSync('npx', ['next', 'build'], { stdio: 'inherit' });
  if (storesDeskOnly) {
    await storesDeskBench({ articles: readerOptionsFrom(process.argv.slice(2), { port: PORT + 1, quick }).articles, port: PORT + 1 });
    return;
  }
  if (!deskOnly && !standardsOnly) {
    // The reader bench on the next port (its flags are the rest: --articles, --duration, --only, --fresh).
    const readerArgs = process.argv.slice(2).filter((a, i, all) => a !== '--port' && all[i - 1] !== '--port');
    const readerOptions = readerOptionsFrom(readerArgs, { port: PORT + 1, quick });
    if (readerOnly) rows.push(...(await readerBench(readerOptions)));
    else rows.push(...(await storesBench({ ...readerOptions, corrections: quick ? 200 : 2000 })));
    if (readerOnly || storesOnly) {
      printTable();
      return;
    }
  }
  const scale = quick ? { ...FULL_SCALE, articles: 5_000, corrections: 1_000, reports: 100 } : FULL_SCALE;
  const DB = scaleDatabasePath(scale.articles, DIR);
  if (!fs.existsSync(DB) || args.has('--fresh')) {
    console.log(`Generating ${scale.articles} articles, ${scale.articles * scale.versionsPerArticle} versions, ${scale.corrections} corrections, ${scale.reports} reports…`);
    const generated = generateScaleDatabase(DB, scale);
    row('scale database', `${scale.articles} articles, ${scale.articles * scale.versionsPerArticle} versions, ${scale.corrections} corrections, ${scale.reports} reports; ${(generated.bytes / 1e6).toFixed(0)} MB in ${generated.seconds.toFixed(0)} s`, '', null);
  }
  if (deskOnly || standardsOnly) {
    // Migrate (new indices) and refresh the planner's statistics before serving (sampled: quick at 10 GB).
    const db = openDatabase(DB);
    db.$client.pragma('analysis_limit = 1000');
    db.$client.exec('ANALYZE');
    db.$client.close();
  }
  if (standardsOnly) {
    const app = await startApp({ port: PORT, databasePath: DB, env: { ERRATA_SEED: 'none', ERRATA_SITE_URL: `http://127.0.0.1:${PORT}` } });
    try {
      await standardsSection(app.base);
    } finally {
      await app.stop();
    }
    printTable();
    return;
  }
  if (deskOnly) {
    const app = await startApp({ port: PORT, databasePath: DB, env: { ERRATA_SEED: 'none', ERRATA_SITE_URL: `http://127.0.0.1:${PORT}` } });
    try {
      await deskSection(app.base, app, scale);
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
  // Every reader route was measured above (bench/reader.ts); here only the article page, as the
  // reference for its p99 while backups run.
  const articleUrl = `${base}/articles/story-4242`;
  if (!(await fetch(articleUrl)).ok) throw new Error('the article page is not served');
  const results: Record<string, { rps: number; p99: number; errors: number }> = { article: await load(articleUrl) };
  row('article page (million-article database)', `${results.article.rps.toFixed(0)} req/s, p99 ${results.article.p99} ms, ${results.article.errors} errors`, 'no errors', results.article.errors === 0);
  await deskSection(base, app, scale);

  console.log('\nReader p99 while an online backup runs:');
  const backupTarget = path.join(DIR, 'backup.db');
  // Another process, as `npm run backup` would be: the load generator must not share its event loop.
  const backingUp = spawn(process.execPath, ['--import', 'tsx', 'bench/backup-loop.ts', live, backupTarget], { stdio: ['ignore', 'pipe', 'inherit'] });
  let backupOut = '';
  backingUp.stdout.on('data', (d) => (backupOut += d));
  await new Promise((r) => setTimeout(r, 500));
  const during = await load(articleUrl);
  const backupsDone = new Promise((r) => backingUp.once('exit', r));
  backingUp.kill('SIGTERM');
  await backupsDone;
  const backups = Number(backupOut.trim()) || 0;
  const ratio = during.p99 / Math.max(1, results.article?.p99 ?? 1);
  row('article p99 during backup', `${during.p99} ms vs ${results.article?.p99} ms without (${ratio.toFixed(2)}×), ${backups} backups taken`, '< 2×', ratio < 2);
  await app.stop();

  console.log('\nWrite path (synchronous=FULL):');
  const write = spawnSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'bench/write-path.ts', quick ? '500' : '2000'], {
    env: { ...process.env, DATABASE_PATH: live, DATABASE_URL: '' },
    encoding: 'utf8',
  });
  const writeResult = JSON.parse(write.stdout.trim().split('\n').pop() ?? '{}') as { durability: string; transactionsPerSecond: number; correctionsPerSecond: number };
  row(
    'correction transactions',
    `${writeResult.transactionsPerSecond?.toFixed(0)} transactions/s (${writeResult.correctionsPerSecond?.toFixed(0)} corrections drafted and published/s), ${writeResult.durability}`,
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
