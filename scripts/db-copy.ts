// `npm run db:copy -- --from data/errata.db --to postgres://…`: moves a SQLite newsroom into an empty
// PostgreSQL database (migrating it first), then checks every table and every hash chain on the copy.
// Exits 1 if anything differs. The source is opened read-only and never changed.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { MIGRATIONS_FOLDER, openDatabase } from '../db/connection';
import { isPostgresUrl, openPgDatabase } from '../db/pg/connection';
import { copySqliteToPg } from '../db/pg/copy';

function usage(problem: string): never {
  console.error(`${problem}\nusage: npm run db:copy -- --from FILE.db --to postgres://USER@HOST:PORT/DATABASE`);
  process.exit(2);
}

const { values } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' } }, strict: true });
if (!values.from) usage('--from is required: the SQLite file to copy.');
if (!values.to || !isPostgresUrl(values.to)) usage('--to is required: a postgres:// URL of an empty database.');
if (!fs.existsSync(values.from)) usage(`${values.from} does not exist.`);
const targetUrl = values.to;

const source = openDatabase(values.from, { migrate: false });
source.$client.pragma('query_only = ON');
const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
const applied = (source.$client.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n;
if (applied !== journal.entries.length) {
  console.error(`${values.from} has ${applied} of ${journal.entries.length} migrations: start the app on it once (or run an older Errata's copy), then copy.`);
  process.exit(1);
}

async function main(): Promise<void> {
  const target = await openPgDatabase(targetUrl, { max: 2 });
  try {
    const report = await copySqliteToPg(source, target, (line) => console.log(line));
    for (const t of report.tables) console.log(`  ${t.name.padEnd(24)} ${t.rows}`);
    console.log(`Copied ${report.rows} rows in ${(report.ms / 1000).toFixed(1)} s: ${report.articles} articles, ${report.versions} versions.`);
    for (const m of report.mismatches) console.log(`DIFFERS ${m}`);
    console.log(report.chainBreaks === 0 ? 'Every chain holds on the copy.' : `${report.chainBreaks} chain break(s) on the copy.`);
    process.exitCode = report.mismatches.length === 0 && report.chainBreaks === 0 ? 0 : 1;
  } catch (error) {
    console.error(`Copy failed, nothing was written: ${(error as Error).message}`);
    process.exitCode = 1;
  } finally {
    await target.$client.end();
    source.$client.close();
  }
}

void main();
