// For db/pg/services.test.ts: seeds the demo newsroom into a fresh SQLite file (argv[2]) and prints
// each table's row count as JSON. A separate process, since a process's tables are one store's.
import { openDatabase } from '../connection';
import { prepareDatabase } from '../setup';
import { tablesInCopyOrder } from './copy';

async function main(): Promise<void> {
  const db = openDatabase(process.argv[2]);
  await prepareDatabase(db, () => {});
  const counts = Object.fromEntries(tablesInCopyOrder().map(({ name }) => [name, (db.$client.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n]));
  db.$client.close();
  console.log(JSON.stringify(counts));
}

void main();
