// The proxy's cheap checks before a reader page renders: does this article (and version) exist
// for readers, and is a version withheld? Answering 404 here keeps made-up URLs out of the page
// cache. No 'server-only' marker: the proxy bundle is not a React server bundle.
import type Database from 'better-sqlite3';
import { pageCount } from '../../lib/routing/cached-routes';
import { openDatabase } from '../connection';

interface Statements {
  withheld: Database.Statement<[string, number], { at: number }>;
  article: Database.Statement<[string], { first: number; latest: number }>;
  stamp: Database.Statement<[], { id: number }>;
  sections: Database.Statement<[], { section: string }>;
  count: Database.Statement<[string, string, string, string], { n: number }>;
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
      // The same stamp as db/queries/change-stamp.ts: it moves only with the public record.
      stamp: db.prepare('select coalesce((select stamp from record_stamp where id = 1), 0) as id'),
      // The same rows as listSections and searchCorrections (db/queries/corrections.ts).
      sections: db.prepare(`select distinct section from articles where status <> 'draft'`),
      count: db.prepare(
        `select count(*) as n from corrections c join articles a on a.id = c.article_id
         where c.status <> 'draft' and a.status <> 'draft' and (? = 'all' or c.kind = ?) and (? = 'all' or a.section = ?)`,
      ),
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

/** Sections and page counts, read again only after the record changed (the record stamp moved). */
let lists: { stamp: number; sections: Set<string>; pages: Map<string, number> } | undefined;

/**
 * Whether a page of the corrections list exists: a real kind's and real section's list (or
 * `all`), and a page within its page count. Empty lists have one page.
 */
export function correctionsPageExists({ kind, section, page }: { kind: string; section: string; page: number }): boolean {
  const s = prepared();
  const stamp = s.stamp.get()?.id ?? 0;
  if (!lists || lists.stamp !== stamp) lists = { stamp, sections: new Set(s.sections.all().map((r) => r.section)), pages: new Map() };
  if (section !== 'all' && !lists.sections.has(section)) return false;
  // Bounded: kinds and sections are both real by now.
  const key = `${kind}\u0000${section}`;
  let pages = lists.pages.get(key);
  if (pages === undefined) {
    pages = pageCount(s.count.get(kind, kind, section, section)?.n ?? 0);
    lists.pages.set(key, pages);
  }
  return page >= 1 && page <= pages;
}
