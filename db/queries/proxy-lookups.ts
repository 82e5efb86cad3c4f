// The proxy's bounded existence checks before a reader page renders: does this article (and
// version) exist for readers, is a version withheld, is there such a section, list page or column
// edition? Answering 404 (or 410) here means a made-up URL never renders and never adds an entry
// to the page cache. Each check is one indexed lookup, so nothing here is cached. No 'server-only'
// marker: the proxy bundle is not a React server bundle, hence its own read-only handle.
import type Database from 'better-sqlite3';
import pg from 'pg';
import { CORRECTIONS_PAGE_SIZE } from '../../lib/routing/cached-routes';
import { openDatabase } from '../connection';
import { isPostgresUrl, PG_APP_TIMEOUTS, poolBounds } from '../pg/connection';

/** The lookups' SQL, in the subset both stores read the same (a positional parameter is `?`). */
const QUERIES = {
  withheld: `select w.created_at as at from withholdings w
     join versions v on v.id = w.version_id join articles a on a.id = v.article_id
     where a.slug = ? and v.number = ?`,
  article: `select a.first_public_version as first, (select max(number) from versions where article_id = a.id) as latest
     from articles a where a.slug = ? and a.status <> 'draft' and a.first_public_version is not null`,
  // The same rows as listSections (db/queries/corrections.ts), along articles_section_idx.
  section: `select 1 as one from articles where section = ? and status <> 'draft' limit 1`,
  // The first correction of a page, as searchCorrections (db/queries/corrections.ts) counts them.
  nth: `select 1 as one from corrections c join articles a on a.id = c.article_id
     where c.status <> 'draft' and a.status <> 'draft' and (cast(? as text) = 'all' or c.kind = ?) and (cast(? as text) = 'all' or a.section = ?)
     limit 1 offset ?`,
  edition: `select 1 as one from columns where date = ? and status = 'published'`,
} as const;

type Lookup = keyof typeof QUERIES;
type Row = Record<string, unknown>;
type Runner = (name: Lookup, params: unknown[]) => Promise<Row | undefined>;

const globalForLookups = globalThis as unknown as { errataProxyLookups?: Runner };

function runner(): Runner {
  if (globalForLookups.errataProxyLookups) return globalForLookups.errataProxyLookups;
  const url = process.env.DATABASE_URL;
  if (isPostgresUrl(url)) {
    // A small pool of its own (the proxy bundle shares no module with the server's), read only.
    // Bounded as the app's own pool is: a database that hangs fails the lookup in seconds (and the
    // proxy then serves what is cached, proxy.ts unlessDown) instead of holding every request open.
    const pool = new pg.Pool({ connectionString: url, max: 2, ...poolBounds(PG_APP_TIMEOUTS, '-c default_transaction_read_only=on') });
    // As the app's pool (db/pg/connection.ts): an idle connection the server ends must not end the process.
    pool.on('error', (error) => console.error(`PostgreSQL closed an idle connection of the proxy's lookups: ${error.message}`));
    const texts = Object.fromEntries(Object.entries(QUERIES).map(([name, text]) => {
      let n = 0;
      return [name, text.replace(/\?/g, () => `$${(n += 1)}`)];
    })) as Record<Lookup, string>;
    globalForLookups.errataProxyLookups = async (name, params) => (await pool.query<Row>({ name: `proxy_${name}`, text: texts[name], values: params })).rows[0];
  } else {
    const db = openDatabase(undefined, { migrate: false }).$client;
    const statements = new Map<Lookup, Database.Statement>();
    globalForLookups.errataProxyLookups = (name, params) => {
      let statement = statements.get(name);
      if (!statement) statements.set(name, (statement = db.prepare(QUERIES[name])));
      return Promise.resolve(statement.get(...params) as Row | undefined);
    };
  }
  return globalForLookups.errataProxyLookups;
}

const lookup = (name: Lookup, ...params: unknown[]) => runner()(name, params);

export async function withheldSince({ slug, number }: { slug: string; number: number }): Promise<Date | null> {
  const row = await lookup('withheld', slug, number);
  // SQLite keeps epoch milliseconds; PostgreSQL gives a Date.
  return row ? new Date(row.at as number | Date) : null;
}

/** The range of version numbers readers may ask for, or null when readers have no such article. */
export async function publicVersionRange({ slug }: { slug: string }): Promise<{ first: number; latest: number } | null> {
  const row = await lookup('article', slug);
  return row ? { first: Number(row.first), latest: Number(row.latest) } : null;
}

/** Whether readers have articles in `section`. */
export async function sectionExists({ section }: { section: string }): Promise<boolean> {
  return (await lookup('section', section)) !== undefined;
}

/**
 * Whether a page of the corrections list exists: a real kind's and real section's list (or
 * `all`), and a page within its length. Empty lists have one page.
 */
export async function correctionsPageExists({ kind, section, page }: { kind: string; section: string; page: number }): Promise<boolean> {
  if (section !== 'all' && !(await sectionExists({ section }))) return false;
  if (page === 1) return true;
  return page >= 1 && (await lookup('nth', kind, kind, section, section, (page - 1) * CORRECTIONS_PAGE_SIZE)) !== undefined;
}

/** Whether a column edition of that date is published. */
export async function editionExists({ date }: { date: string }): Promise<boolean> {
  return (await lookup('edition', date)) !== undefined;
}
