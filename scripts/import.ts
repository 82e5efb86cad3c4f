// `npm run import -- FILE [--as EMAIL]`: imports Arc XP ANS stories (one story, an array of
// revisions, or a result set) through the same importer as POST /api/v1/import/ans, acting as a
// desk account (the first admin unless --as names another) with that account's role.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { asc, eq } from 'drizzle-orm';
import { getDb, initStore } from '../db';
import { articleChange } from '../db/queries/article-ref';
import { writeWithInvalidation } from '../db/queries/cache-invalidations';
import { importAns, type StoryCommit } from '../db/queries/import';
import { tagsForChange } from '../lib/cache/tags';
import { users } from '../db/tables';
import { ErrataError } from '../lib/errors';
import { can } from '../lib/roles';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { as: { type: 'string' }, json: { type: 'boolean' } } });
const usage = 'usage: npm run import -- stories.json [--as someone@newsroom.example] [--json]';
if (positionals.length !== 1) {
  console.error(usage);
  process.exit(2);
}
let document: unknown;
try {
  document = JSON.parse(fs.readFileSync(positionals[0], 'utf8'));
} catch (error) {
  console.error(`${positionals[0]}: ${(error as Error).message}`);
  process.exit(2);
}
async function main(): Promise<void> {
  await initStore();
  const db = getDb();
  const actor = values.as
    ? (await db.select().from(users).where(eq(users.email, values.as.trim().toLowerCase())).limit(1))[0]
    : (await db.select().from(users).where(eq(users.role, 'admin')).orderBy(asc(users.id)).limit(1))[0];
  if (!actor || actor.disabledAt) {
    console.error(values.as ? `No enabled account ${values.as}.` : 'No admin account to import as: add one with npm run user:add.');
    process.exit(1);
  }
  try {
    // Each story's article is invalidated in the story's own transaction, for the app servers on this
    // database: they expire it from their caches and purge the cache in front (as the API's import does).
    const commit: StoryCommit = async (write, articleIdOf) =>
      (
        await writeWithInvalidation(
          write,
          async (result) => {
            const id = articleIdOf(result);
            const change = id === null ? null : await articleChange(id, 'article');
            return change ? tagsForChange(change) : [];
          },
          `npm-run-import-${process.pid}`,
        )
      ).result;
    const report = await importAns({ actorId: actor.id, allows: (p) => can(actor.role, p) }, document, commit);
    if (values.json) console.log(JSON.stringify({ stories: report.stories, errors: report.errors }));
    else {
      for (const s of report.stories) console.log(`${s.externalId}: ${s.outcome}, ${s.versions} version(s), ${s.corrections} correction(s)`);
      for (const e of report.errors) console.error(`${e.path}: ${e.message}`);
      console.log(`${report.stories.length} stor${report.stories.length === 1 ? 'y' : 'ies'} imported, ${report.errors.length} refused.`);
    }
    process.exit(report.errors.length > 0 ? 1 : 0);
  } catch (error) {
    if (error instanceof ErrataError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

void main();
