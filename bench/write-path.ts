// The write path: draft-and-publish correction transactions per second through the app's own
// write functions, on the database named by DATABASE_PATH, with synchronous=FULL.
// Run with the react-server condition (bench/index.ts does): node --conditions=react-server --import tsx bench/write-path.ts N
import { getDb, initStore } from '../db';
import { createDraft, publishCorrection } from '../db/queries/correction-writes';
import { toPlainText } from '../lib/markdown';
/** Every correction is classified before it is published (lib/standards/config.ts). */
const BENCH_TAXONOMY = { errorType: 'fact', errorCause: 'reporting', foundBy: 'staff' };

const n = Number(process.argv[2] ?? 2000);
const db = getDb();
const sync = db.$client.pragma('synchronous', { simple: true });
const articles = db.$client
  .prepare("select a.id, v.number, v.body from articles a join versions v on v.article_id = a.id and v.number = (select max(number) from versions where article_id = a.id) where a.status = 'published' limit ?")
  .all(n) as { id: number; number: number; body: string }[];
const standards = (db.$client.prepare("select id from users where role in ('standards', 'admin') limit 1").get() as { id: number }).id;

async function main(): Promise<void> {
  await initStore();
  const started = process.hrtime.bigint();
  let transactions = 0;
  for (let i = 0; i < n; i++) {
    const a = articles[i % articles.length];
    const text = toPlainText(a.body);
    const start = text.indexOf(' ') + 1;
    const draft = await createDraft({ articleId: a.id, versionNumber: a.number, kind: 'correction', mode: 'notice', wording: `Bench correction ${i}.`, claims: [{ start, end: start + 8 }], actorId: standards });
    const result = await publishCorrection({ correctionId: draft.id, actorId: standards, revision: draft.revision, taxonomy: BENCH_TAXONOMY });
    if (!result.ok) throw new Error('publish refused');
    transactions += 2;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(JSON.stringify({ synchronous: sync, corrections: n, transactions, seconds, correctionsPerSecond: n / seconds, transactionsPerSecond: transactions / seconds }));
}

void main();
