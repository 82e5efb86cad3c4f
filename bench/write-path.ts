// The write path: draft-and-publish correction transactions per second through the app's own
// write functions, on the store the environment names (DATABASE_URL=postgres://… or the SQLite file
// at DATABASE_PATH), each commit durable: SQLite with synchronous=FULL; PostgreSQL with fsync and
// synchronous_commit as the server has them (printed; on the benchmark's cluster, both on).
// Run with the react-server condition (bench/index.ts does): node --conditions=react-server --import tsx bench/write-path.ts N
import pg from 'pg';
import { getDb, initStore, closeStore } from '../db';
import { isPostgresUrl } from '../db/pg/connection';
import { createDraft, publishCorrection } from '../db/queries/correction-writes';
import { toPlainText } from '../lib/markdown';
/** Every correction is classified before it is published (lib/standards/config.ts). */
const BENCH_TAXONOMY = { errorType: 'fact', errorCause: 'reporting', foundBy: 'staff' };

const n = Number(process.argv[2] ?? 2000);
const LATEST_PUBLISHED =
  "select a.id, v.number, v.body from articles a join versions v on v.article_id = a.id and v.number = (select max(number) from versions where article_id = a.id) where a.status = 'published' order by a.id limit ";
const STANDARDS = "select id from users where role in ('standards', 'admin') order by id limit 1";

interface Setup {
  durability: string;
  articles: { id: number; number: number; body: string }[];
  standards: number;
}

/** The articles to correct, the account that publishes, and how durable a commit is (read with the store's own client). */
async function setUp(): Promise<Setup> {
  const url = process.env.DATABASE_URL;
  if (isPostgresUrl(url)) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const setting = async (name: string) => (await client.query(`select current_setting('${name}') as v`)).rows[0].v as string;
      return {
        durability: `fsync=${await setting('fsync')}, synchronous_commit=${await setting('synchronous_commit')}`,
        articles: (await client.query(`${LATEST_PUBLISHED} $1`, [n])).rows,
        standards: (await client.query(STANDARDS)).rows[0].id,
      };
    } finally {
      await client.end();
    }
  }
  const sqlite = getDb().$client;
  const sync = sqlite.pragma('synchronous', { simple: true });
  return {
    durability: `synchronous=${sync === 2 ? 'FULL' : sync}`,
    articles: sqlite.prepare(`${LATEST_PUBLISHED} ?`).all(n) as Setup['articles'],
    standards: (sqlite.prepare(STANDARDS).get() as { id: number }).id,
  };
}

async function main(): Promise<void> {
  await initStore();
  const { durability, articles, standards } = await setUp();
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
  await closeStore();
  console.log(JSON.stringify({ durability, corrections: n, transactions, seconds, correctionsPerSecond: n / seconds, transactionsPerSecond: transactions / seconds }));
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
