// "The same error elsewhere": other articles whose current text contains a correction's wrong claim.
import 'server-only';
import { and, asc, desc, eq, inArray, ne } from 'drizzle-orm';
import { findSimilarClaims } from '../../lib/anchoring';
import { toPlainText } from '../../lib/markdown';
import { getDb } from '../index';
import { articlesWithPhrase } from './article-search';
import { articles, claims, corrections, versions } from '../tables';

export interface SameErrorHit {
  articleId: number;
  slug: string;
  headline: string;
  exact: string;
  context: string;
}


export async function findSameErrorElsewhere({ correctionId }: { correctionId: number }): Promise<SameErrorHit[]> {
  const db = getDb();
  const correction = (await db.select().from(corrections).where(eq(corrections.id, correctionId)).limit(1))[0];
  if (!correction) return [];
  const claimRows = await db.select().from(claims).where(eq(claims.correctionId, correctionId)).orderBy(asc(claims.position));
  const hits: SameErrorHit[] = [];
  for (const claim of claimRows) {
    const candidates = await articlesWithPhrase(db, claim.exact, { except: correction.articleId, limit: 50 });
    if (candidates.length === 0) continue;
    const live = await db
      .select({ id: articles.id, slug: articles.slug })
      .from(articles)
      .where(and(inArray(articles.id, candidates), ne(articles.status, 'draft')));
    for (const article of live) {
      const current = (await db.select().from(versions).where(eq(versions.articleId, article.id)).orderBy(desc(versions.number)).limit(1))[0];
      if (!current) continue;
      const text = toPlainText(current.body);
      for (const match of findSimilarClaims(claim.exact, text)) {
        hits.push({
          articleId: article.id,
          slug: article.slug,
          headline: current.headline,
          exact: text.slice(match.start, match.end),
          context: text.slice(Math.max(0, match.start - 60), Math.min(text.length, match.end + 60)),
        });
      }
    }
  }
  return hits;
}
