// The counts the desk's menu and home show: drafts waiting, new reports, the column's backlog.
import 'server-only';
import { and, count, desc, eq } from 'drizzle-orm';
import { COUNT_CAP } from '../../lib/desk/keyset';
import type { Attention } from '../../lib/desk/attention';
import { countRows } from '../dialect';
import { getDb } from '../index';
import { columns, corrections } from '../tables';
import { countUnprinted } from './columns';
import { countNewReports } from './reports';
import { countOpenFlags } from './version-flags';

/** Draft corrections, counted up to COUNT_CAP + 1 along the (status, id) index. */
function countDraftCorrections(): Promise<number> {
  const db = getDb();
  const drafts = db.select({ id: corrections.id }).from(corrections).where(eq(corrections.status, 'draft')).limit(COUNT_CAP + 1);
  return countRows(db, drafts);
}

export async function getDeskAttention(): Promise<Attention> {
  const db = getDb();
  const last = (await db.select({ date: columns.date }).from(columns).where(eq(columns.status, 'published')).orderBy(desc(columns.date)).limit(1))[0];
  const drafts = (await db.select({ n: count() }).from(columns).where(and(eq(columns.status, 'draft'))).limit(1))[0]?.n ?? 0;
  return { draftCorrections: await countDraftCorrections(), newReports: await countNewReports(), unprinted: await countUnprinted(), lastEdition: last?.date ?? null, draftEdition: drafts > 0, openFlags: await countOpenFlags() };
}
