// SQLite and PostgreSQL side by side (`npm run bench -- --stores`, and part of a full `npm run bench`):
// the same 100,000-article archive (bench/scale.ts), served from its SQLite file and then from a copy
// of it in PostgreSQL, by the same build on the same machine, measured the same way:
//   - every reader route, hot and as a Zipf mix over up to 10,000 distinct URLs, then through nginx
//     with publish → visible (bench/reader.ts, once per store);
//   - every desk page, signed in, one request at a time (bench/desk-pages.ts);
//   - the write path: drafted-and-published corrections per second through the app's own write
//     functions, each commit durable (bench/write-path.ts).
// PostgreSQL is a scratch cluster of Debian's package on this machine (scripts/pg-cluster.mjs) with
// its own durability settings (fsync and synchronous_commit on) and shared_buffers=1GB, started for
// the run and removed after it; the archive is copied into it with `npm run db:copy`'s code
// (db/pg/copy.ts, which checks every row and chain on the copy, then ANALYZEs). Prints each store's
// figures, the side-by-side table with PostgreSQL ÷ SQLite ratios, and writes the table to
// bench/out/stores/last-run.md. Figures, never pass/fail.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { backupDatabase } from '../db/backup';
import { openDatabase } from '../db/connection';
import { openPgDatabase } from '../db/pg/connection';
import { copySqliteToPg } from '../db/pg/copy';
import { createDatabase, ensurePostgres, startCluster } from '../scripts/pg-cluster.mjs';
import { startApp } from '../scripts/support/app-client';
import { type DeskFigure, deskPageFigures } from './desk-pages';
import { type ReaderOptions, type ReaderRow, type ReaderRun, readerRun } from './reader';
import { scaleDatabasePath } from './scale';

const OUT = path.join('bench', 'out', 'stores');

interface WriteFigures {
  durability: string;
  corrections: number;
  transactionsPerSecond: number;
  correctionsPerSecond: number;
}

interface StoreFigures {
  reader: ReaderRun;
  desk: DeskFigure[];
  write: WriteFigures | null;
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-GB');
const ratio = (pgValue: number | undefined, sqliteValue: number | undefined) => (pgValue === undefined || sqliteValue === undefined || sqliteValue === 0 ? '' : `${(pgValue / sqliteValue).toFixed(2)}×`);

/** The archive's desk pages, as bench/index.ts measures them at a million (ids every generated archive has). */
async function deskFigures(port: number, env: Record<string, string>, databasePath: string): Promise<DeskFigure[]> {
  const app = await startApp({ port, databasePath, env: { ERRATA_SEED: 'none', ERRATA_SITE_URL: `http://127.0.0.1:${port}`, ...env } });
  try {
    const { figures } = await deskPageFigures(app.base, { standards: 'standards@bench.example', admin: 'admin@bench.example', password: 'errata-bench-2026' }, { articleId: 4242, correctionId: 7, caseId: 42, slugWord: 'story 4242' });
    return figures;
  } finally {
    await app.stop();
  }
}

/** bench/write-path.ts on the store the environment names. */
function writePath(env: Record<string, string>, corrections: number): WriteFigures | null {
  const run = spawnSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'bench/write-path.ts', String(corrections)], { env: { ...process.env, ...env }, encoding: 'utf8' });
  const last = run.stdout.trim().split('\n').pop() ?? '';
  if (run.status !== 0 || !last.startsWith('{')) {
    console.log(`  the write path failed:\n${run.stderr.slice(-2000)}`);
    return null;
  }
  return JSON.parse(last) as WriteFigures;
}

/** The desk's rows of the table, each page's p50 / p99 on each store. */
function deskRows(sqlite: DeskFigure[], postgres: DeskFigure[]): string[] {
  // A second page is named by its cursor, which is each store's own last row (the audit trail, say,
  // is longer by the first run's sign-ins): matched by the list it pages, not by the id.
  const samePage = (page: string) => page.replace(/([?&]after=)\d+/, '$1…');
  const pgDesk = new Map(postgres.map((f) => [samePage(f.page), f]));
  return sqlite.map((f) => {
    const p = pgDesk.get(samePage(f.page));
    return `| desk \`${f.page}\` p50 / p99 | ${f.status === 200 ? '' : `${f.status}, `}${fmt(f.p50)} / ${fmt(f.p99)} ms | ${p ? `${p.status === 200 ? '' : `${p.status}, `}${fmt(p.p50)} / ${fmt(p.p99)} ms` : 'not measured'} | ${ratio(p?.p99, f.p99)} |`;
  });
}

/** The archive copied into the empty PostgreSQL database `url`, as `npm run db:copy` copies it; its figure. */
async function copyArchive(file: string, url: string): Promise<string> {
  console.log(`Copying ${file} into PostgreSQL (db/pg/copy.ts, as npm run db:copy does)…`);
  const source = openDatabase(file, { migrate: false });
  const target = await openPgDatabase(url, { max: 2 });
  try {
    const report = await copySqliteToPg(source, target, (line) => console.log(line));
    const figure = `${fmt(report.rows)} rows in ${(report.ms / 1000).toFixed(0)} s, ${report.mismatches.length} differences, ${report.chainBreaks} chain breaks`;
    console.log(`  copied: ${figure}`);
    if (report.mismatches.length > 0 || report.chainBreaks > 0) throw new Error(`the copy differs: ${report.mismatches.slice(0, 5).join('; ')}`);
    return figure;
  } finally {
    await target.$client.end();
    source.$client.close();
  }
}

/**
 * Only the desk's pages on both stores (`npm run bench -- --stores-desk`): the same archive and copy as
 * the full comparison, without its half hour of reader load. Writes bench/out/stores/desk-last-run.md.
 */
export async function storesDeskBench(options: { articles: number; port: number }): Promise<void> {
  fs.mkdirSync(OUT, { recursive: true });
  const found = ensurePostgres({ install: true });
  if (found.problem) throw new Error(found.problem);
  const started = new Date();
  const file = scaleDatabasePath(options.articles);
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: make it with npx tsx bench/scale.ts --articles ${options.articles}`);
  console.log('\n== SQLite ==');
  const sqliteDesk = await deskFigures(options.port, {}, file);
  console.log('\n== PostgreSQL ==');
  const cluster = await startCluster({ bin: found.bin, log: console.log, durable: true });
  try {
    const url = await createDatabase(cluster.url, 'errata_bench');
    const copyFigure = await copyArchive(file, url);
    const pgDesk = await deskFigures(options.port, { DATABASE_URL: url }, path.join(OUT, 'unused.db'));
    const heading = `The desk on both stores, ${started.toISOString()} to ${new Date().toISOString()}: ${fmt(options.articles)} articles; one request at a time; the archive copied into PostgreSQL in ${copyFigure}.`;
    const table = [`| desk page (${fmt(options.articles)} articles) | SQLite | PostgreSQL | PostgreSQL ÷ SQLite (p99) |`, '|---|---|---|---|', ...deskRows(sqliteDesk, pgDesk)];
    console.log(`\n${heading}\n\n${table.join('\n')}`);
    fs.writeFileSync(path.join(OUT, 'desk-last-run.md'), `${heading}\n\n${table.join('\n')}\n`);
    fs.writeFileSync(path.join(OUT, 'desk-last-run.json'), `${JSON.stringify({ heading, sqlite: sqliteDesk, postgres: pgDesk }, null, 1)}\n`);
  } finally {
    cluster.stop();
  }
}

function sideBySide(sqlite: StoreFigures, postgres: StoreFigures, articles: number): string[] {
  const lines = [
    `| measure (${fmt(articles)} articles) | SQLite | PostgreSQL | PostgreSQL ÷ SQLite |`,
    '|---|---|---|---|',
    `| \`/about\` (static baseline), req/s | ${fmt(sqlite.reader.baseline)} | ${fmt(postgres.reader.baseline)} | ${ratio(postgres.reader.baseline, sqlite.reader.baseline)} |`,
  ];
  const pgShapes = new Map(postgres.reader.shapes.map((s) => [s.name, s]));
  for (const s of sqlite.reader.shapes) {
    const p = pgShapes.get(s.name);
    if (!s.hot || !p?.hot) {
      lines.push(`| \`${s.name}\` | ${s.skipped ?? ''} | ${p?.skipped ?? ''} | |`);
      continue;
    }
    lines.push(`| \`${s.name}\` hot, req/s (p99) | ${fmt(s.hot.rps)} (${fmt(s.hot.p99)} ms) | ${fmt(p.hot.rps)} (${fmt(p.hot.p99)} ms) | ${ratio(p.hot.rps, s.hot.rps)} |`);
    if (s.zipf && p.zipf) lines.push(`| \`${s.name}\` Zipf over ${fmt(s.distinct)}, req/s (p99) | ${fmt(s.zipf.rps)} (${fmt(s.zipf.p99)} ms) | ${fmt(p.zipf.rps)} (${fmt(p.zipf.p99)} ms) | ${ratio(p.zipf.rps, s.zipf.rps)} |`);
  }
  const failures = (run: ReaderRun) => run.shapes.reduce((n, s) => n + (s.hot ? s.hot.non2xx3xx + s.hot.errors : 0) + (s.zipf ? s.zipf.non2xx3xx + s.zipf.errors : 0), 0);
  lines.push(`| reader requests failed (4xx/5xx, errors) | ${failures(sqlite.reader)} | ${failures(postgres.reader)} | |`);
  lines.push(`| server RSS after the Zipf runs | ${fmt(sqlite.reader.rss / 1e6)} MB | ${fmt(postgres.reader.rss / 1e6)} MB | ${ratio(postgres.reader.rss, sqlite.reader.rss)} |`);
  const visible = (ms: number | null) => (ms === null ? 'not seen in 10 s' : `${fmt(ms)} ms`);
  lines.push(`| publish → visible through nginx | ${visible(sqlite.reader.publishToVisibleMs)} | ${visible(postgres.reader.publishToVisibleMs)} | |`);
  lines.push(...deskRows(sqlite.desk, postgres.desk));
  const w = (x: WriteFigures | null) => (x ? `${fmt(x.transactionsPerSecond)} tx/s, ${fmt(x.correctionsPerSecond)} corrections/s (${x.durability})` : 'failed');
  lines.push(`| write path: draft + publish, one writer | ${w(sqlite.write)} | ${w(postgres.write)} | ${ratio(postgres.write?.transactionsPerSecond, sqlite.write?.transactionsPerSecond)} |`);
  return lines;
}

export async function storesBench(options: ReaderOptions & { corrections: number }): Promise<ReaderRow[]> {
  fs.mkdirSync(OUT, { recursive: true });
  const found = ensurePostgres({ install: true });
  if (found.problem) throw new Error(found.problem);
  const started = new Date();

  console.log('\n== SQLite ==');
  const sqliteReader = await readerRun(options);
  const file = scaleDatabasePath(options.articles);
  const sqliteDesk = await deskFigures(options.port, {}, file);
  // The write path writes: into a copy of the archive, which is removed after.
  const scratch = path.join(OUT, 'write-path.db');
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(scratch + suffix, { force: true });
  await backupDatabase(file, scratch);
  console.log('\nWrite path on SQLite:');
  const sqliteWrite = writePath({ DATABASE_PATH: scratch, DATABASE_URL: '' }, options.corrections);
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(scratch + suffix, { force: true });
  console.log(`  ${JSON.stringify(sqliteWrite)}`);

  console.log('\n== PostgreSQL ==');
  const cluster = await startCluster({ bin: found.bin, log: console.log, durable: true });
  try {
    const url = await createDatabase(cluster.url, 'errata_bench');
    const copyFigure = await copyArchive(file, url);
    const pgReader = await readerRun({ ...options, databaseUrl: url });
    const pgDesk = await deskFigures(options.port, { DATABASE_URL: url }, path.join(OUT, 'unused.db'));
    console.log('\nWrite path on PostgreSQL:');
    const pgWrite = writePath({ DATABASE_URL: url, DATABASE_PATH: path.join(OUT, 'unused.db') }, options.corrections);
    console.log(`  ${JSON.stringify(pgWrite)}`);

    const table = sideBySide({ reader: sqliteReader, desk: sqliteDesk, write: sqliteWrite }, { reader: pgReader, desk: pgDesk, write: pgWrite }, options.articles);
    const heading = `Both stores, ${started.toISOString()} to ${new Date().toISOString()}: ${fmt(options.articles)} articles; wrk -t2 -c32, ${options.duration} s a row; desk pages one request at a time; the archive copied into PostgreSQL in ${copyFigure}.`;
    console.log(`\n${heading}\n\n${table.join('\n')}`);
    fs.writeFileSync(path.join(OUT, 'last-run.md'), `${heading}\n\n${table.join('\n')}\n`);
    // Every figure as measured, so the table can be checked (or drawn again) without another run.
    fs.writeFileSync(path.join(OUT, 'last-run.json'), `${JSON.stringify({ heading, sqlite: { reader: sqliteReader, desk: sqliteDesk, write: sqliteWrite }, postgres: { reader: pgReader, desk: pgDesk, write: pgWrite } }, null, 1)}\n`);
    return [
      ...sqliteReader.rows,
      ...pgReader.rows,
      { what: 'archive copied into PostgreSQL', figure: copyFigure, target: '', ok: null },
      { what: 'write path, SQLite', figure: sqliteWrite ? `${fmt(sqliteWrite.transactionsPerSecond)} tx/s (${sqliteWrite.durability})` : 'failed', target: '≥ 1,000/s', ok: sqliteWrite ? sqliteWrite.transactionsPerSecond >= 1000 : false },
      { what: 'write path, PostgreSQL', figure: pgWrite ? `${fmt(pgWrite.transactionsPerSecond)} tx/s (${pgWrite.durability})` : 'failed', target: '', ok: pgWrite !== null },
    ];
  } finally {
    cluster.stop();
  }
}
