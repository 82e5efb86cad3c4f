// Appends a version to an article's chain; the only way text ever changes.
import { desc, eq } from 'drizzle-orm';
import { hashVersion, newSalt } from '../../lib/history/hash';
import { toPlainText } from '../../lib/markdown';
import type { ChangeKind } from '../../lib/types';
import type { Version } from '../schema';
import { articles, versions, versionTexts } from '../tables';
import { indexArticleSearch } from './article-search';
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

export async function latestVersion(tx: Tx, articleId: number): Promise<Version | undefined> {
  return (await tx.select().from(versions).where(eq(versions.articleId, articleId)).orderBy(desc(versions.number)).limit(1))[0];
}

/** Must run inside the caller's transaction so the number and the chain cannot race. */
export async function appendVersion(tx: Tx, input: NewVersionInput): Promise<Version> {
  const previous = await latestVersion(tx, input.articleId);
  const number = (previous?.number ?? 0) + 1;
  const savedAt = input.savedAt ?? new Date();
  const { plain, ...fields } = input;
  const salt = newSalt();
  const hashes = hashVersion(previous?.hash ?? '', { ...fields, number, savedAt, salt });
  const version = (await tx
    .insert(versions)
    .values({ ...fields, number, savedAt, salt, ...hashes })
    .returning())[0];
  await tx.insert(versionTexts).values({ versionId: version.id, plain: plain ?? toPlainText(input.body) });
  // Keep the search index on the article's current text.
  const article = (await tx.select({ slug: articles.slug, byline: articles.byline }).from(articles).where(eq(articles.id, input.articleId)).limit(1))[0];
  if (article) await indexArticleSearch(tx, { articleId: input.articleId, headline: input.headline, standfirst: input.standfirst, body: input.body, ...article });
  return version;
}
