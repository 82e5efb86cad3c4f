// The proxy's bounded existence checks before a reader page renders: does this article (and
// version) exist for readers, is a version withheld, is there such a section, list page or column
// edition? Answering 404 (or 410) here means a made-up URL never renders and never adds an entry
// to the page cache. Each check is one indexed lookup, so nothing here is cached. No 'server-only'
// marker: the proxy bundle is not a React server bundle, hence its own read-only handle.
import type Database from 'better-sqlite3';
import { CORRECTIONS_PAGE_SIZE } from '../../lib/routing/cached-routes';
import { openDatabase } from '../connection';

interface Statements {
  withheld: Database.Statement<[string, number], { at: number }>;
  article: Database.Statement<[string], { first: number; latest: number }>;
  section: Database.Statement<[string], { one: number }>;
  nth: Database.Statement<[string, string, string, string, number], { one: number }>;
  edition: Database.Statement<[string], { one: number }>;
}

let statements: Statements | undefined;

function prepared(): Statements {
  if (!statements) {
    const db = openDatabase(undefined, { migrate: false }).$client;
    statements = {
      withheld: db.prepare(
        `select w.created_at as at from withholdings w
         join versions v on v.id = w.version_id join articles a on a.id = v.article_id
         where a.slug = ? and v.number = ?`,
      ),
      article: db.prepare(
        `select a.first_public_version as first, (select max(number) from versions where article_id = a.id) as latest
         from articles a where a.slug = ? and a.status <> 'draft' and a.first_public_version is not null`,
      ),
      // The same rows as listSections (db/queries/corrections.ts), along articles_section_idx.
      section: db.prepare(`select 1 as one from articles where section = ? and status <> 'draft' limit 1`),
      // The first correction of a page, as searchCorrections (db/queries/corrections.ts) counts them.
      nth: db.prepare(
        `select 1 as one from corrections c join articles a on a.id = c.article_id
         where c.status <> 'draft' and a.status <> 'draft' and (? = 'all' or c.kind = ?) and (? = 'all' or a.section = ?)
         limit 1 offset ?`,
      ),
      edition: db.prepare(`select 1 as one from columns where date = ? and status = 'published'`),
    };
  }
  return statements;
}

export function withheldSince({ slug, number }: { slug: string; number: number }): Date | null {
  const row = prepared().withheld.get(slug, number);
  return row ? new Date(row.at) : null;
}

/** The range of version numbers readers may ask for, or null when readers have no such article. */
export function publicVersionRange({ slug }: { slug: string }): { first: number; latest: number } | null {
  return prepared().article.get(slug) ?? null;
}

/** Whether readers have articles in `section`. */
export function sectionExists({ section }: { section: string }): boolean {
  return prepared().section.get(section) !== undefined;
}

/**
 * Whether a page of the corrections list exists: a real kind's and real section's list (or
 * `all`), and a page within its length. Empty lists have one page.
 */
export function correctionsPageExists({ kind, section, page }: { kind: string; section: string; page: number }): boolean {
  if (section !== 'all' && !sectionExists({ section })) return false;
  if (page === 1) return true;
  return page >= 1 && prepared().nth.get(kind, kind, section, section, (page - 1) * CORRECTIONS_PAGE_SIZE) !== undefined;
}

/** Whether a column edition of that date is published. */
export function editionExists({ date }: { date: string }): boolean {
  return prepared().edition.get(date) !== undefined;
}
