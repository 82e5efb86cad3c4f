// `npm run verify`: recomputes every article's hash chain and reports each break; exits 1 on any.
import { asc } from 'drizzle-orm';
import { databasePath, openDatabase } from '../db/connection';
import { articles, versions } from '../db/schema';
import { verifyChain } from '../lib/history/hash';

const file = process.argv[2] ?? databasePath();
const db = openDatabase(file, { migrate: false });
const all = db.select().from(versions).orderBy(asc(versions.articleId), asc(versions.number)).all();
const slugs = new Map(db.select({ id: articles.id, slug: articles.slug }).from(articles).all().map((a) => [a.id, a.slug]));
const byArticle = new Map<number, typeof all>();
for (const v of all) byArticle.set(v.articleId, [...(byArticle.get(v.articleId) ?? []), v]);

let broken = 0;
for (const [articleId, chain] of byArticle) {
  for (const problem of verifyChain(chain)) {
    broken += 1;
    console.log(`BROKEN ${slugs.get(articleId) ?? articleId} v${problem.number}: ${problem.problem}`);
  }
}
console.log(`${byArticle.size} articles, ${all.length} versions checked in ${file}: ${broken === 0 ? 'every chain holds' : `${broken} break(s)`}`);
process.exit(broken === 0 ? 0 : 1);
