// `npm run backup -- FILE`: an online backup of DATABASE_PATH into FILE, safe while the app serves.
import { databasePath } from '../db/connection';
import { backupDatabase, lowerOwnPriority } from '../db/backup';

lowerOwnPriority();

const target = process.argv[2];
if (!target) {
  console.error('usage: npm run backup -- FILE');
  process.exit(2);
}
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
