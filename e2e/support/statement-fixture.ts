// A newsroom for checking the annual statement's arithmetic: several hundred corrections and cases
// with known properties, written straight into a fresh, migrated database (as bench/scale.ts
// writes its archive) so their times can be anywhere: on both sides of the range's first and last
// instants in Europe/London (GMT at both ends of the range below, BST between), drafts and
// withdrawn corrections that must not count, corrections classified and not, exposures ended by
// the notice or by an earlier amendment, cases with no clause, one clause or several, on articles
// of several sections, closed with every outcome, and upheld cases whose correction was published
// after the range. Pseudo-random but seeded: the same database every run.
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../db/connection';
import { hashPasswordSync } from '../../lib/auth/passwords';
import { seededRandom } from '../../lib/random';

export const STATEMENT_RANGE = { from: '2025-03-01', to: '2025-10-31' } as const;
/** The range's instants worked out by hand (not by the app's code): midnight GMT at both ends. */
export const STATEMENT_INSTANTS = { start: Date.UTC(2025, 2, 1), end: Date.UTC(2025, 10, 1) } as const;
export const STATEMENT_PASSWORD = 'statement figures passphrase 2025';
export const STATEMENT_STANDARDS = 'standards@statement.example';

const SECTIONS = ['Politics', 'Business', 'Local', 'Sport', 'Culture', 'Science'];
const KINDS = ['correction', 'correction', 'correction', 'clarification', 'editors_note', 'update', 'retraction'];
const TYPES = ['name', 'number', 'date', 'quote', 'attribution', 'headline', 'picture', 'fact', 'omission'];
const CAUSES = ['reporting', 'editing', 'source', 'production'];
const FOUND = ['reader', 'subject', 'staff', 'regulator'];
const ROUTES = ['direct', 'ipso', 'impress', 'other'];
const OUTCOMES = ['open', 'resolved', 'upheld', 'not_upheld', 'mediated', 'withdrawn'];
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export function generateStatementNewsroom(file: string, counts = { articles: 60, corrections: 420, cases: 360 }): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  const db = openDatabase(file);
  const sqlite = db.$client;
  const random = seededRandom(16);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  // From a month before the range to a month after it, plus the edges themselves.
  const span = { from: STATEMENT_INSTANTS.start - 40 * DAY, to: STATEMENT_INSTANTS.end + 40 * DAY };
  const edges = [STATEMENT_INSTANTS.start, STATEMENT_INSTANTS.start - 1, STATEMENT_INSTANTS.end, STATEMENT_INSTANTS.end - 1, STATEMENT_INSTANTS.end - 30 * 60_000, Date.UTC(2025, 2, 30, 0, 30), Date.UTC(2025, 9, 26, 0, 30)];
  let edge = 0;
  const when = () => (edge < edges.length * 2 && random() < 0.1 ? edges[edge++ % edges.length] : Math.floor(span.from + random() * (span.to - span.from)));

  sqlite.transaction(() => {
    const hash = hashPasswordSync(STATEMENT_PASSWORD);
    sqlite.prepare("insert into settings (id, publication, column_name, contact_line, time_zone, locale) values (1, 'The Statement Test', 'For the Record', 'Write to us.', 'Europe/London', 'en-GB')").run();
    sqlite.prepare("insert into users (email, name, role, password_hash) values (?, 'Sam Standards', 'standards', ?)").run(STATEMENT_STANDARDS, hash);
    sqlite.prepare("insert into users (email, name, role, password_hash) values ('editor@statement.example', 'Ed Itor', 'editor', ?)").run(hash);
    const insertArticle = sqlite.prepare("insert into articles (slug, section, byline, status, first_published_at, first_public_version, created_by, created_at) values (?, ?, ?, 'published', ?, 1, 1, ?)");
    const insertVersion = sqlite.prepare("insert into versions (article_id, number, headline, standfirst, body, change_kind, note, saved_by, saved_at, content_hash, prev_hash, hash) values (?, ?, ?, '', ?, ?, '', 1, ?, 'x', '', 'x')");
    const first = span.from - 60 * DAY;
    const articleVersion: number[] = [];
    for (let a = 1; a <= counts.articles; a++) {
      insertArticle.run(`statement-story-${a}`, SECTIONS[a % SECTIONS.length], `Reporter ${(a % 9) + 1}`, first + a * HOUR, first + a * HOUR);
      articleVersion[a] = Number(insertVersion.run(a, 1, `Story ${a}`, `The harbour figures, part ${a}.`, 'first_publication', first + a * HOUR).lastInsertRowid);
    }
    const insertDraft = sqlite.prepare("insert into corrections (article_id, kind, mode, wording, status, base_version_id, drafted_by, drafted_at, updated_at) values (?, ?, 'notice', ?, 'draft', ?, 2, ?, ?)");
    const publish = sqlite.prepare("update corrections set status = 'published', published_by = 1, published_at = ?, updated_at = ?, error_type = ?, error_cause = ?, found_by = ?, exposed_from = ?, published_section = (select section from articles where articles.id = corrections.article_id), published_byline = (select byline from articles where articles.id = corrections.article_id) where id = ?");
    const amend = sqlite.prepare('update corrections set amended_version_id = ? where id = ?');
    const withdraw = sqlite.prepare("update corrections set status = 'withdrawn', withdrawn_by = 1, withdrawn_at = ?, withdrawn_reason = 'The first figure was right.', updated_at = ? where id = ?");
    const versionCount: number[] = Array(counts.articles + 1).fill(1);
    const published: { id: number; articleId: number; at: number }[] = [];
    for (let c = 1; c <= counts.corrections; c++) {
      const articleId = 1 + Math.floor(random() * counts.articles);
      const at = when();
      const id = Number(insertDraft.run(articleId, pick(KINDS), `The figure was ${c} (${pick(['=SUM(A1)', 'plain', '+44', '@home', '-1', 'a, "quoted" word'])}).`, articleVersion[articleId], at - 2 * DAY, at - 2 * DAY).lastInsertRowid);
      const roll = random();
      if (roll < 0.08) continue; // stays a draft
      const classified = random() < 0.9;
      const exposed = random() < 0.85 ? at - Math.floor(random() * 30 * DAY) - 1 : null;
      publish.run(at, at, classified ? pick(TYPES) : null, classified ? pick(CAUSES) : null, classified ? pick(FOUND) : null, exposed, id);
      if (random() < 0.3) {
        // Amended by a later version: before the notice went up (exposure ends there) or after it.
        const number = ++versionCount[articleId];
        const savedAt = random() < 0.5 ? at - Math.floor(random() * DAY) : at + Math.floor(random() * DAY);
        const version = Number(insertVersion.run(articleId, number, `Story ${articleId}`, `Amended text ${number}.`, 'correction', Math.max(savedAt, first + number * DAY)).lastInsertRowid);
        amend.run(version, id);
      }
      if (roll > 0.92) withdraw.run(at + DAY, at + DAY, id);
      else published.push({ id, articleId, at });
    }
    const insertCase = sqlite.prepare("insert into cases (reference, channel, route, status, complainant_name, complainant_contact, summary, owner_id, received_at, acknowledged_at, due_at, created_by, updated_at) values (?, ?, ?, 'open', ?, ?, ?, ?, ?, ?, ?, 1, ?)");
    const insertAbout = sqlite.prepare('insert into case_articles (case_id, article_id, quote) values (?, ?, null)');
    const insertClause = sqlite.prepare('insert into case_clauses (case_id, clause) values (?, ?)');
    const close = sqlite.prepare('update cases set status = ?, closed_at = ?, correction_id = ?, outcome_note = ?, updated_at = ? where id = ?');
    // The cases land on the range's edges too.
    edge = 0;
    for (let k = 1; k <= counts.cases; k++) {
      const received = when();
      const route = pick(ROUTES);
      const acknowledged = random() < 0.6 ? received + Math.floor(random() * 3 * DAY) : null;
      const id = Number(
        insertCase.run(`C-STMT${String(k).padStart(4, '0')}`, pick(['email', 'phone', 'letter', 'regulator']), route, `Complainant ${k}`, random() < 0.5 ? `complainant${k}@example.org` : null, `Complaint ${k} about the figures.`, random() < 0.5 ? 1 : 2, received, acknowledged, received + (route === 'ipso' ? 28 : 21) * DAY, received).lastInsertRowid,
      );
      const a1 = 1 + Math.floor(random() * counts.articles);
      insertAbout.run(id, a1);
      if (random() < 0.25) {
        const a2 = (a1 % counts.articles) + 1;
        insertAbout.run(id, a2);
      }
      const clauses = new Set<string>();
      const many = random() < 0.15 ? 0 : random() < 0.7 ? 1 : 2 + Math.floor(random() * 2);
      while (clauses.size < many) clauses.add(String(1 + Math.floor(random() * 16)));
      for (const clause of clauses) insertClause.run(id, clause);
      const outcome = pick(OUTCOMES);
      if (outcome === 'open') continue;
      const closedAt = received + Math.floor(random() * 40 * DAY) + 1;
      let correctionId: number | null = null;
      if (outcome === 'upheld' || outcome === 'resolved' || outcome === 'mediated') {
        // Often a correction on the case's article, sometimes published well after the range.
        const onArticle = published.filter((p) => p.articleId === a1);
        if (onArticle.length && random() < 0.8) correctionId = pick(onArticle).id;
      }
      close.run(outcome, closedAt, correctionId, `Closed ${k}.`, closedAt, id);
    }
  })();
  sqlite.close();
}
