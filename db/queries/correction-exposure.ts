// When a correction's wrong words were first public (lib/standards/exposure.ts over the article's
// public versions), worked out as it is published. No server-only: the demo seed records its
// published corrections' exposure through this same function.
import { eq } from 'drizzle-orm';
import { exposedFrom } from '../../lib/standards/exposure';
import type { Claim } from '../schema';
import { articles, versions } from '../tables';
import type { Tx } from './types';
import { chainTexts } from './version-texts';

/** When the claims' words were first public: the earliest instant over the correction's claims. */
export async function claimsExposedFrom(tx: Tx, articleId: number, draftClaims: readonly Claim[]): Promise<Date | null> {
  const article = (await tx.select({ firstPublicVersion: articles.firstPublicVersion, firstPublishedAt: articles.firstPublishedAt }).from(articles).where(eq(articles.id, articleId)).limit(1))[0];
  if (!article || article.firstPublicVersion === null) return null;
  const rows = await tx.select({ id: versions.id, number: versions.number, savedAt: versions.savedAt }).from(versions).where(eq(versions.articleId, articleId));
  const saved = new Map(rows.map((v) => [v.number, v.savedAt]));
  const idToNumber = new Map(rows.map((v) => [v.id, v.number]));
  const chain = (await chainTexts(tx, articleId, article.firstPublicVersion)).map((v) => ({ number: v.number, text: v.text, savedAt: saved.get(v.number) ?? new Date(0) }));
  let earliest: Date | null = null;
  for (const claim of draftClaims) {
    const from = exposedFrom(chain, { versionNumber: idToNumber.get(claim.versionId) ?? 0, exact: claim.exact }, article.firstPublishedAt);
    if (from && (!earliest || from.getTime() < earliest.getTime())) earliest = from;
  }
  return earliest;
}

/**
 * The article's section and byline as the correction goes out, kept with it (frozen by triggers):
 * the standards figures count it there. The demo seed publishes through this too.
 */
export async function publishedAttribution(tx: Tx, articleId: number): Promise<{ publishedSection: string; publishedByline: string }> {
  const article = (await tx.select({ section: articles.section, byline: articles.byline }).from(articles).where(eq(articles.id, articleId)).limit(1))[0];
  if (!article) throw new Error(`No article ${articleId}`);
  return { publishedSection: article.section, publishedByline: article.byline };
}
