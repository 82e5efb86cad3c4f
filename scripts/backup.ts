// `npm run backup -- FILE`: an online backup while the app serves. SQLite (DATABASE_PATH): the
// backup API, checked for integrity. PostgreSQL (DATABASE_URL=postgres://…): pg_dump's custom format.
import { databasePath } from '../db/connection';
import { backupDatabase, lowerOwnPriority } from '../db/backup';
import { backupPgDatabase } from '../db/pg/backup';
import { isPostgresUrl } from '../db/pg/connection';

lowerOwnPriority();

const target = process.argv[2];
if (!target) {
  console.error('usage: npm run backup -- FILE');
  process.exit(2);
}
const url = process.env.DATABASE_URL;
if (isPostgresUrl(url)) {
  try {
    const r = backupPgDatabase(url, target);
    console.log(`Backed up ${new URL(url).host}${new URL(url).pathname} to ${r.file} with pg_dump: ${r.bytes} bytes.`);
  } catch (error) {
    console.error(`Backup failed: ${(error as Error).message}`);
    process.exit(1);
  }
} else {
  backupDatabase(databasePath(), target).then(
    (r) => {
      console.log(`Backed up ${databasePath()} to ${r.file}: ${r.bytes} bytes, ${r.pages} pages, integrity ${r.integrity}.`);
      process.exit(r.integrity === 'ok' ? 0 : 1);
    },
    (error: Error) => {
      console.error(`Backup failed: ${error.message}`);
      process.exit(1);
    },
  );
}
