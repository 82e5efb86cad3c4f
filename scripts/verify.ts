// `npm run verify [FILE | postgres://…]`: recomputes every article's hash chain and reports each
// break; exits 1 on any. With no argument it checks DATABASE_URL when that is PostgreSQL, else DATABASE_PATH.
import { databasePath, openDatabase } from '../db/connection';
import { isPostgresUrl, openPgDatabase } from '../db/pg/connection';
import { verifyPgDatabase } from '../db/pg/verify';
import { type VerifyReport, verifyDatabase } from '../db/verify';

const where = process.argv[2] ?? (isPostgresUrl(process.env.DATABASE_URL) ? process.env.DATABASE_URL : databasePath());

async function load(): Promise<VerifyReport> {
  if (!isPostgresUrl(where)) return verifyDatabase(openDatabase(where, { migrate: false }));
  const db = await openPgDatabase(where, { migrate: false, max: 2 });
  try {
    return await verifyPgDatabase(db);
  } finally {
    await db.$client.end();
  }
}

async function main(): Promise<void> {
  const report = await load();
  // A URL is shown without its password.
  const shown = isPostgresUrl(where) ? `${new URL(where).host}${new URL(where).pathname}` : where;
  for (const b of report.breaks) console.log(`BROKEN ${b.slug} v${b.number}: ${b.problem}`);
  console.log(`${report.articles} articles, ${report.versions} versions checked in ${shown}: ${report.breaks.length === 0 ? 'every chain holds' : `${report.breaks.length} break(s)`}`);
  process.exit(report.breaks.length === 0 ? 0 : 1);
}

void main();
