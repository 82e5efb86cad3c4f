// Versions' plain texts (what claims are anchored in): stored at save time, computed only for
// versions written before that (or straight into the database, as the scale generator does).
import { and, asc, eq, gte, sql } from 'drizzle-orm';
import { toPlainText } from '../../lib/markdown';
import { versions, versionTexts } from '../tables';
import type { Tx } from './types';

export interface VersionPlainText {
  id: number;
  number: number;
  text: string;
}

/** The plain texts of an article's versions from `fromNumber` on, in order: one query, no parsing for stored ones. */
export async function chainTexts(tx: Tx, articleId: number, fromNumber: number): Promise<VersionPlainText[]> {
  const rows = await tx
    .select({
      id: versions.id,
      number: versions.number,
      plain: versionTexts.plain,
      // The body is read only where no plain text is stored.
      body: sql<string | null>`CASE WHEN ${versionTexts.plain} IS NULL THEN ${versions.body} END`,
    })
    .from(versions)
    .leftJoin(versionTexts, eq(versionTexts.versionId, versions.id))
    .where(and(eq(versions.articleId, articleId), gte(versions.number, fromNumber)))
    .orderBy(asc(versions.number));
  return rows.map((r) => ({ id: r.id, number: r.number, text: r.plain ?? toPlainText(r.body ?? '') }));
}

/** One version's plain text, read in the caller's transaction (or outside one). */
export async function versionText(tx: Tx, version: { id: number; body: string }): Promise<string> {
  const stored = (await tx.select({ plain: versionTexts.plain }).from(versionTexts).where(eq(versionTexts.versionId, version.id)).limit(1))[0];
  return stored?.plain ?? toPlainText(version.body);
}
