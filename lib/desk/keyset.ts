// Keyset pagination for the desk's lists: a page is "the rows after id X" (or before it), never
// an offset, so a row published between two page loads neither repeats nor goes missing.
import { parseRecordId } from '../ids';

export type SortOrder = 'newest' | 'oldest';

/** Where a page starts: after a row (the next page) or before one (the previous page). */
export type Cursor = { after: number } | { before: number } | null;

export interface Page<T> {
  rows: T[];
  /** The id to continue after, when there is a next page. */
  next: number | null;
  /** The id to go back before, when there is a previous page. */
  prev: number | null;
}

export const PAGE_SIZE = 50;

const id = (value: string | undefined) => (value ? (parseRecordId(value) ?? undefined) : undefined);

export function parseCursor(params: { after?: string; before?: string }): Cursor {
  const after = id(params.after);
  if (after !== undefined) return { after };
  const before = id(params.before);
  return before !== undefined ? { before } : null;
}

/**
 * Cuts a page from rows fetched with one row to spare, in the page's order (for a "before" cursor
 * they were fetched reversed, nearest first). Works out whether there is a page either side.
 */
export function cutPage<T>(fetched: T[], cursor: Cursor, size: number, idOf: (row: T) => number): Page<T> {
  const more = fetched.length > size;
  const kept = fetched.slice(0, size);
  if (cursor && 'before' in cursor) {
    const rows = kept.reverse();
    return { rows, next: rows.length ? idOf(rows[rows.length - 1]) : null, prev: more && rows.length ? idOf(rows[0]) : null };
  }
  return {
    rows: kept,
    next: more && kept.length ? idOf(kept[kept.length - 1]) : null,
    prev: cursor && kept.length ? idOf(kept[0]) : null,
  };
}

/** The list's address with the same filters and a new cursor. */
export function pageHref(path: string, filters: Record<string, string | undefined>, cursor: { after: number } | { before: number }): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v && k !== 'after' && k !== 'before') params.set(k, v);
  if ('after' in cursor) params.set('after', String(cursor.after));
  else params.set('before', String(cursor.before));
  return `${path}?${params.toString()}`;
}

/** A count shown without counting the whole archive: exact up to the cap, "more than" beyond it. */
export const COUNT_CAP = 1000;

export function countLabel(n: number, noun: [string, string]): string {
  if (n > COUNT_CAP) return `More than ${COUNT_CAP.toLocaleString('en-GB')} ${noun[1]}`;
  return `${n.toLocaleString('en-GB')} ${n === 1 ? noun[0] : noun[1]}`;
}
