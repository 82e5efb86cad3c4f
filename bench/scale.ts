// The scale generator: a national newsroom's archive of 1,000,000 articles, 3,000,000 versions,
// 50,000 corrections, 20,000 reader reports and a daily "For the Record" edition printing each
// day's corrections, written straight into a fresh database with the app's own hashing, anchoring
// and column wording. `tsx bench/scale.ts FILE [--articles N]` (the other counts scale
// with N). A few articles are desk drafts, a few corrections drafts, most reports new.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { openDatabase } from '../db/connection';
import { createAnchor } from '../lib/anchoring';
import { hashPasswordSync } from '../lib/auth/passwords';
import { hashVersion } from '../lib/history/hash';
import { toPlainText } from '../lib/markdown';
import { DEFAULT_SETTINGS } from '../lib/settings';
import { DEFAULT_STANDARDS } from '../lib/standards/config';
import { seededRandom as prng } from '../lib/random';
import { columnItemWording } from '../lib/wording';

/**
 * Bumped whenever the generator writes something different, so a database cached on disk under
 * this version (bench/reader.ts) is regenerated rather than reused. 2: column editions. 3: the casebook
 * (a case for every report, and complaints logged by staff) and every published correction classified.
 * 4: each published correction keeps its article's section and byline (migration 0020).
 */
export const GENERATOR_VERSION = 4;

const WORDS =
  'harbour council estuary ferry quay tide pier school budget vote seats ward mayor cannery jobs lifeboat appeal festival gallery survey algae seagrass bus route roof repairs wall storm surge planning committee report figures residents traders fishermen volunteers spring winter summer autumn county town river marsh bridge road station market library hospital clinic'.split(
    ' ',
  );
const SECTIONS = ['Politics', 'Business', 'Local', 'Sport', 'Culture', 'Science', 'Environment', 'Health'];
const KINDS = ['correction', 'correction', 'correction', 'clarification', 'editors_note', 'update', 'retraction'] as const;
const ERROR_TYPES = DEFAULT_STANDARDS.errorTypes.map((o) => o.code);
const ERROR_CAUSES = DEFAULT_STANDARDS.errorCauses.map((o) => o.code);
const FOUND_BY = DEFAULT_STANDARDS.foundBy.map((o) => o.code);
const ROUTES = ['direct', 'direct', 'ipso', 'impress', 'other'] as const;
// Upheld is rare (about one in a hundred logged complaints), as in the regulators' own figures.
const OUTCOMES = ['resolved', 'resolved', 'resolved', 'not_upheld', 'not_upheld', 'not_upheld', 'mediated', 'withdrawn'] as const;
const CHANNELS = ['email', 'phone', 'letter', 'regulator'] as const;


export interface ScaleCounts {
  articles: number;
  versionsPerArticle: number;
  corrections: number;
  reports: number;
}

export const FULL_SCALE: ScaleCounts = { articles: 1_000_000, versionsPerArticle: 3, corrections: 50_000, reports: 20_000 };
const BYLINES = Array.from({ length: 400 }, (_, i) => `Reporter ${String(i + 1).padStart(3, '0')}`);
/** Rows written per transaction: the WAL stays small and a run can be watched. */
const BATCH = 10_000;

export function generateScaleDatabase(file: string, counts: ScaleCounts = FULL_SCALE): { seconds: number; bytes: number } {
  const started = Date.now();
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  const db = openDatabase(file);
  const sqlite = db.$client;
  sqlite.pragma('synchronous = OFF'); // a generator, not the app: rebuilt from scratch if interrupted
  const random = prng(20261126);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const sentence = (n: number) => {
    const words = Array.from({ length: n }, () => pick(WORDS));
    words[0] = words[0][0].toUpperCase() + words[0].slice(1);
    return `${words.join(' ')} ${Math.floor(random() * 900) + 100} ${pick(WORDS)}.`;
  };
  const paragraph = () => Array.from({ length: 3 }, () => sentence(10 + Math.floor(random() * 8))).join(' ');

  const now = Date.UTC(2026, 10, 20);
  const insertSettings = sqlite.prepare('insert into settings (id, publication, column_name, contact_line, time_zone, locale) values (1, ?, ?, ?, ?, ?)');
  const insertUser = sqlite.prepare("insert into users (email, name, role, password_hash) values (?, ?, ?, ?)");
  const insertArticle = sqlite.prepare(
    'insert into articles (slug, section, byline, status, first_published_at, first_public_version, created_by, created_at) values (?, ?, ?, ?, ?, ?, 1, ?)',
  );
  const insertVersion = sqlite.prepare(
    'insert into versions (article_id, number, headline, standfirst, body, change_kind, note, saved_by, saved_at, content_hash, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)',
  );
  const insertAudit = sqlite.prepare("insert into audit_events (created_at, actor_id, action, entity_type, entity_id) values (?, 1, ?, ?, ?)");
  const insertSearch = sqlite.prepare('insert into article_search (rowid, body) values (?, ?)');
  const insertCorrection = sqlite.prepare(
    "insert into corrections (article_id, kind, mode, wording, status, base_version_id, drafted_by, drafted_at, updated_at, published_by, published_at) values (?, ?, 'notice', ?, 'draft', ?, ?, ?, ?, 2, null)",
  );
  const publishCorrection = sqlite.prepare("update corrections set status = 'published', published_at = ?, updated_at = ?, error_type = ?, error_cause = ?, found_by = ?, exposed_from = ?, published_section = (select section from articles where articles.id = corrections.article_id), published_byline = (select byline from articles where articles.id = corrections.article_id) where id = ?");
  const insertCase = sqlite.prepare(
    'insert into cases (reference, channel, route, status, complainant_name, complainant_contact, summary, owner_id, report_id, correction_id, received_at, acknowledged_at, due_at, closed_at, outcome_note, created_by, updated_at) values (?, ?, ?, ?, ?, null, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertCaseArticle = sqlite.prepare('insert into case_articles (case_id, article_id, quote) values (?, ?, ?)');
  const insertCaseClause = sqlite.prepare('insert into case_clauses (case_id, clause) values (?, ?)');
  // A case is opened, given its articles and clauses, then closed (a closed case is never changed).
  const closeCase = sqlite.prepare('update cases set status = ?, closed_at = ?, outcome_note = ?, updated_at = ? where id = ?');
  const insertClaim = sqlite.prepare('insert into claims (correction_id, version_id, exact, prefix, suffix, start, end, position) values (?, ?, ?, ?, ?, ?, ?, 0)');
  const insertColumn = sqlite.prepare("insert into columns (date, intro, footer, status, created_by, created_at) values (?, '', ?, 'draft', 2, ?)");
  const publishColumn = sqlite.prepare("update columns set status = 'published', published_by = 2, published_at = ? where id = ?");
  const insertColumnItem = sqlite.prepare('insert into column_items (column_id, correction_id, position, wording, cites) values (?, ?, ?, ?, null)');
  const insertReport = sqlite.prepare(
    'insert into reports (reference, article_id, version_id, exact, prefix, suffix, start, end, message, status, decline_reason, handled_by, handled_at, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );

  // Only the first versions that corrections and reports point at are kept in memory.
  const isDraft = (a: number) => a % 1000 === 7;
  const target = () => {
    const a = 1 + Math.floor(random() * counts.articles);
    return isDraft(a) ? a - 1 : a;
  };
  const correctionTargets = Array.from({ length: counts.corrections }, target);
  const reportTargets = Array.from({ length: counts.reports }, target);
  const wanted = new Set([...correctionTargets, ...reportTargets]);
  const firstVersion = new Map<number, { id: number; body: string; headline: string; section: string; published: number }>();
  const batch = (fn: () => void) => sqlite.transaction(fn)();
  batch(() => {
    const { siteUrl: _siteUrl, ...settings } = { ...DEFAULT_SETTINGS, publication: 'The Scale Test Gazette' };
    insertSettings.run(settings.publication, settings.columnName, settings.contactLine, settings.timeZone, settings.locale);
    const hash = hashPasswordSync('errata-bench-2026');
    insertUser.run('editor@bench.example', 'Bench Editor', 'editor', hash);
    insertUser.run('standards@bench.example', 'Bench Standards', 'standards', hash);
    insertUser.run('admin@bench.example', 'Bench Admin', 'admin', hash);
  });
  const writeArticle = (a: number) => {
    const published = now - Math.floor(random() * 365 * 86_400_000);
    // One in a thousand is still a desk draft (no public version yet).
    const draft = isDraft(a);
    const slug = `story-${a}`;
    const byline = pick(BYLINES);
    const section = pick(SECTIONS);
    const articleId = Number(insertArticle.run(slug, section, byline, draft ? 'draft' : 'published', draft ? null : published, draft ? null : 1, published).lastInsertRowid);
    let body = Array.from({ length: 4 }, paragraph).join('\n\n');
    const headline = sentence(6).replace(/\.$/, '');
    let prev = '';
    for (let n = 1; n <= counts.versionsPerArticle; n++) {
      if (n > 1) body = `${body}\n\n${paragraph()}`;
      const savedAt = new Date(published + (n - 1) * 3_600_000);
      const v = { number: n, headline, standfirst: 'A report from the scale test.', body, changeKind: n === 1 ? 'first_publication' : 'update', note: n === 1 ? '' : 'More detail', savedAt };
      const hashes = hashVersion(prev, v);
      prev = hashes.hash;
      const versionId = Number(insertVersion.run(articleId, n, v.headline, v.standfirst, v.body, v.changeKind, v.note, savedAt.getTime(), hashes.contentHash, hashes.prevHash, hashes.hash).lastInsertRowid);
      insertAudit.run(savedAt.getTime(), 'version.save', 'version', String(versionId));
      if (n === 1 && wanted.has(articleId)) firstVersion.set(articleId, { id: versionId, body, headline, section, published });
    }
    // The same text the app indexes (db/queries/article-search.ts).
    insertSearch.run(articleId, `${headline} A report from the scale test. ${body} ${slug.replaceAll('-', ' ')} ${byline}`);
  };
  for (let from = 1; from <= counts.articles; from += BATCH) {
    batch(() => {
      for (let a = from; a < Math.min(from + BATCH, counts.articles + 1); a++) writeArticle(a);
    });
    if (from % 100_000 === 1 && from > 1) console.log(`  ${from - 1} articles, ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  const published: { id: number; articleId: number; at: number }[] = [];
  /** Published corrections by the day they were published (UTC), for the column's editions. */
  const byDay = new Map<string, { id: number; at: number; kind: (typeof KINDS)[number]; wording: string; exact: string; article: { headline: string; section: string; published: number } }[]>();
  batch(() => {
    correctionTargets.forEach((articleId, c) => {
      const base = firstVersion.get(articleId) as { id: number; body: string; headline: string; section: string; published: number };
      const text = toPlainText(base.body);
      const start = text.indexOf(' ', Math.floor(random() * (text.length - 60))) + 1;
      const anchor = createAnchor(text, start, text.indexOf(' ', start + 12));
      const at = now - Math.floor(random() * 180 * 86_400_000);
      const kind = pick(KINDS);
      const wording = `The article should have said ${pick(WORDS)} ${Math.floor(random() * 900) + 100}.`;
      const id = Number(insertCorrection.run(articleId, kind, wording, base.id, 1 + (c % 3), at, at).lastInsertRowid);
      insertClaim.run(id, base.id, anchor.quote.exact, anchor.quote.prefix, anchor.quote.suffix, anchor.start, anchor.end);
      // One in fifty stays a draft on the desk.
      if (c % 50 !== 3) {
        // Classified as the desk must before publishing; the words were public since the article was.
        publishCorrection.run(at, at, pick(ERROR_TYPES), pick(ERROR_CAUSES), pick(FOUND_BY), Math.min(base.published, at), id);
        published.push({ id, articleId, at });
        insertAudit.run(at, 'correction.publish', 'correction', String(id));
        const day = new Date(at).toISOString().slice(0, 10);
        const list = byDay.get(day) ?? [];
        list.push({ id, at, kind, wording, exact: anchor.quote.exact, article: { headline: base.headline, section: base.section, published: base.published } });
        byDay.set(day, list);
      }
    });
    // Every report opened its case: the declined ones closed as not upheld.
    const DAY = 86_400_000;
    reportTargets.forEach((articleId, r) => {
      const base = firstVersion.get(articleId) as { id: number; body: string; headline: string; section: string; published: number };
      const text = toPlainText(base.body);
      const at = now - Math.floor(random() * 90 * 86_400_000);
      // Most reports were handled long ago; the newest few hundred wait.
      const status = r % 10 === 0 ? 'new' : 'declined';
      const reportId = Number(insertReport.run(`R-BENCH${String(r).padStart(6, '0')}`, articleId, base.id, text.slice(0, 20), '', text.slice(20, 52), 0, 20, 'I think this figure is wrong.', status, status === 'declined' ? 'The figure is right.' : null, status === 'declined' ? 2 : null, status === 'declined' ? at + 3_600_000 : null, at).lastInsertRowid);
      const declined = status === 'declined';
      const caseId = Number(
        insertCase.run(`C-BENCH${String(r).padStart(6, '0')}`, 'reader_report', 'direct', 'open', '', 'I think this figure is wrong.', null, reportId, null, at, declined ? at + 3_600_000 : null, at + 21 * DAY, null, null, null, at).lastInsertRowid,
      );
      insertCaseArticle.run(caseId, articleId, text.slice(0, 20));
      if (declined) closeCase.run('not_upheld', at + 3_600_000, 'The figure is right.', at + 3_600_000, caseId);
    });
    // Complaints logged by staff: a quarter as many again, by every route, under one to three
    // clauses, most closed with an outcome, the upheld ones with the correction that followed.
    const logged = Math.round(counts.reports / 4);
    for (let k = 0; k < logged; k++) {
      const correction = published[Math.floor(random() * published.length)];
      const at = now - Math.floor(random() * 365 * DAY);
      const route = pick(ROUTES);
      const outcome = k % 7 === 0 ? 'open' : k % 97 === 5 ? 'upheld' : pick(OUTCOMES);
      const closedAt = outcome === 'open' ? null : Math.min(now, at + Math.floor(random() * 30 * DAY));
      const withCorrection = outcome === 'upheld' || outcome === 'resolved' ? correction.id : null;
      const caseId = Number(
        insertCase.run(`C-LOG${String(k).padStart(6, '0')}`, pick(CHANNELS), route, 'open', `Complainant ${k}`, 'A complaint about the figures.', 1 + (k % 3), null, withCorrection, at, random() < 0.7 ? at + Math.floor(random() * 2 * DAY) : null, at + (route === 'ipso' ? 28 : 21) * DAY, null, null, 2, at).lastInsertRowid,
      );
      insertCaseArticle.run(caseId, correction.articleId, null);
      const clauses = new Set([1 + (k % 16), 1 + Math.floor(random() * 16)].slice(0, 1 + (k % 2)));
      for (const clause of clauses) insertCaseClause.run(caseId, String(clause));
      if (closedAt !== null) closeCase.run(outcome, closedAt, 'Closed.', closedAt, caseId);
    }
  });
  // "For the Record": one edition a day, printed at the end of the day, with that day's corrections
  // (every edition but the newest day's: the newest corrections wait for the next edition).
  const columnSettings = { ...DEFAULT_SETTINGS, publication: 'The Scale Test Gazette' };
  const days = [...byDay.keys()].sort().slice(0, -1);
  batch(() => {
    for (const day of days) {
      const endOfDay = Date.parse(`${day}T23:00:00Z`);
      const columnId = Number(insertColumn.run(day, columnSettings.contactLine, endOfDay).lastInsertRowid);
      const items = (byDay.get(day) ?? []).sort((a, b) => a.at - b.at);
      items.forEach((item, position) => {
        const text = columnItemWording(
          { kind: item.kind, wording: item.wording, claims: [{ exact: item.exact, prefix: '' }], article: { headline: item.article.headline, section: item.article.section, firstPublishedAt: new Date(item.article.published) } },
          columnSettings,
        );
        insertColumnItem.run(columnId, item.id, position, text);
      });
      publishColumn.run(endOfDay, columnId);
      insertAudit.run(endOfDay, 'column.publish', 'column', String(columnId));
    }
  });
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.exec('ANALYZE');
  sqlite.close();
  return { seconds: (Date.now() - started) / 1000, bytes: fs.statSync(file).size };
}

/** The full scale's proportions at `articles` articles. */
export function scaledCounts(articles: number): ScaleCounts {
  const factor = articles / FULL_SCALE.articles;
  return { ...FULL_SCALE, articles, corrections: Math.round(FULL_SCALE.corrections * factor), reports: Math.round(FULL_SCALE.reports * factor) };
}

/** Where the scale database of `articles` articles is kept, by size and generator version, so reruns reuse it. */
export function scaleDatabasePath(articles: number, dir = 'data/bench'): string {
  return `${dir}/scale-${articles}-g${GENERATOR_VERSION}.db`;
}

if (process.argv[1]?.endsWith('scale.ts')) {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { articles: { type: 'string' } } });
  const articles = values.articles ? Number(values.articles) : FULL_SCALE.articles;
  const file = positionals[0] ?? scaleDatabasePath(articles);
  const result = generateScaleDatabase(file, scaledCounts(articles));
  console.log(`Generated ${file}: ${articles} articles in ${result.seconds.toFixed(1)} s, ${(result.bytes / 1e6).toFixed(0)} MB`);
}
