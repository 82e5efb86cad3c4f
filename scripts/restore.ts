// `npm run restore -- FILE`: restores FILE over the database, keeping the one it replaces. SQLite
// (DATABASE_PATH): the backup API. PostgreSQL (DATABASE_URL=postgres://…): pg_restore in one transaction.
import { databasePath } from '../db/connection';
import { restoreDatabase } from '../db/backup';
import { restorePgDatabase } from '../db/pg/backup';
import { isPostgresUrl } from '../db/pg/connection';

const backup = process.argv[2];
if (!backup) {
  console.error('usage: npm run restore -- FILE');
  process.exit(2);
}
const url = process.env.DATABASE_URL;
if (isPostgresUrl(url)) {
  try {
    const r = restorePgDatabase(backup, url);
    console.log(`Restored ${backup} into ${new URL(url).host}${new URL(url).pathname} with pg_restore. The database it replaced is kept at ${r.kept}.`);
  } catch (error) {
    console.error(`Restore failed: ${(error as Error).message}`);
    process.exit(1);
  }
} else {
  restoreDatabase(backup, databasePath()).then(
    (r) => {
      console.log(`Restored ${backup} into ${r.file} (integrity ${r.integrity}).${r.kept ? ` The database it replaced is kept at ${r.kept}.` : ''}`);
    },
    (error: Error) => {
      console.error(`Restore failed: ${error.message}`);
      process.exit(1);
    },
  );
}
