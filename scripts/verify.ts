// `npm run verify [FILE]`: recomputes every article's hash chain and reports each break; exits 1 on any.
import { databasePath, openDatabase } from '../db/connection';
import { verifyDatabase } from '../db/verify';

const file = process.argv[2] ?? databasePath();
const report = verifyDatabase(openDatabase(file, { migrate: false }));
for (const b of report.breaks) console.log(`BROKEN ${b.slug} v${b.number}: ${b.problem}`);
console.log(`${report.articles} articles, ${report.versions} versions checked in ${file}: ${report.breaks.length === 0 ? 'every chain holds' : `${report.breaks.length} break(s)`}`);
process.exit(report.breaks.length === 0 ? 0 : 1);
