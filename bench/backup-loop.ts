// Takes online backups of SOURCE into TARGET, one after another, until it is stopped; prints the count.
// A separate process, as `npm run backup` would be beside a serving app.
import { backupDatabase, lowerOwnPriority } from '../db/backup';

lowerOwnPriority();

const [source, target] = process.argv.slice(2);
let count = 0;
let stopping = false;
process.on('SIGTERM', () => (stopping = true));
void (async () => {
  while (!stopping) {
    await backupDatabase(source, target);
    count += 1;
  }
  console.log(String(count));
  process.exit(0);
})();
