// A cheap check the proxy makes before a version page renders: is this version withheld?
// No 'server-only' marker: the proxy bundle is not a React server bundle.
import type Database from 'better-sqlite3';
import { openDatabase } from '../connection';

let statement: Database.Statement<[string, number], { at: number }> | undefined;

export function withheldSince({ slug, number }: { slug: string; number: number }): Date | null {
  if (!statement) {
    const db = openDatabase(undefined, { migrate: false });
    statement = db.$client.prepare(
      `select w.created_at as at from withholdings w
       join versions v on v.id = w.version_id join articles a on a.id = v.article_id
       where a.slug = ? and v.number = ?`,
    );
  }
  const row = statement.get(slug, number);
  return row ? new Date(row.at) : null;
}
