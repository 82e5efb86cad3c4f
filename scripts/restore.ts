// `npm run restore -- FILE`: restores FILE over DATABASE_PATH, keeping the database it replaces.
import { databasePath } from '../db/connection';
import { restoreDatabase } from '../db/backup';

const backup = process.argv[2];
if (!backup) {
  console.error('usage: npm run restore -- FILE');
  process.exit(2);
}
restoreDatabase(backup, databasePath()).then(
  (r) => {
    console.log(`Restored ${backup} into ${r.file} (integrity ${r.integrity}).${r.kept ? ` The database it replaced is kept at ${r.kept}.` : ''}`);
  },
  (error: Error) => {
    console.error(`Restore failed: ${error.message}`);
    process.exit(1);
  },
);
