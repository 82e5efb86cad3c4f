// Appends a version to an article's chain; the only way text ever changes.
import { desc, eq, sql } from 'drizzle-orm';
import { hashVersion, newSalt } from '../../lib/history/hash';
import { toPlainText } from '../../lib/markdown';
import type { ChangeKind } from '../../lib/types';
import { type Version, versions, versionTexts } from '../schema';
import type { Tx } from './types';

export interface NewVersionInput {
  articleId: number;
  headline: string;
  standfirst: string;
  body: string;
  changeKind: ChangeKind;
  note: string;
  savedBy: number | null;
  savedAt?: Date;
  /** The body's plain text, when the caller already has it (it must be toPlainText(body)). */
  plain?: string;
}

export function latestVersion(tx: Tx, articleId: number): Version | undefined {
  return tx.select().from(versions).where(eq(versions.articleId, articleId)).orderBy(desc(versions.number)).limit(1).get();
}

/** Must run inside the caller's transaction so the number and the chain cannot race. */
export function appendVersion(tx: Tx, input: NewVersionInput): Version {
  const previous = latestVersion(tx, input.articleId);
  const number = (previous?.number ?? 0) + 1;
  const savedAt = input.savedAt ?? new Date();
  const { plain, ...fields } = input;
  const salt = newSalt();
  const hashes = hashVersion(previous?.hash ?? '', { ...fields, number, savedAt, salt });
  const version = tx
    .insert(versions)
    .values({ ...fields, number, savedAt, salt, ...hashes })
    .returning()
    .get();
  tx.insert(versionTexts).values({ versionId: version.id, plain: plain ?? toPlainText(input.body) }).run();
  // Keep the search index on the article's current text (see migration 0002).
  tx.run(sql`DELETE FROM article_search WHERE rowid = ${input.articleId}`);
  tx.run(sql`INSERT INTO article_search (rowid, body) VALUES (${input.articleId}, ${`${input.headline} ${input.standfirst} ${input.body}`})`);
  return version;
}
