// The proxy's cheap checks before a reader page renders: does this article (and version) exist
// for readers, and is a version withheld? Answering 404 here keeps made-up URLs out of the page
// cache. No 'server-only' marker: the proxy bundle is not a React server bundle.
import type Database from 'better-sqlite3';
import { openDatabase } from '../connection';

interface Statements {
  withheld: Database.Statement<[string, number], { at: number }>;
  article: Database.Statement<[string], { first: number; latest: number }>;
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
