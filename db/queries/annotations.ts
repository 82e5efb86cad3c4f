// A published (or withdrawn) correction's claims as a W3C Web Annotation (lib/annotation): read
// through the public view of the record, so a claim on a withheld version gives none of its words.
import 'server-only';
import { eq } from 'drizzle-orm';
import { toWebAnnotation, type WebAnnotation } from '../../lib/annotation/web-annotation';
import { getDb } from '../index';
import { versions } from '../tables';
import { getApiCorrection } from './api-views';
import { getCurrentHeadlines, getPublicClaims } from './public-record';
import { getSettings } from './settings';
import { versionText } from './version-texts';

export async function correctionAnnotation(id: number): Promise<WebAnnotation | undefined> {
  const found = await getApiCorrection(id);
  if (!found) return undefined;
  const { correction, article } = found;
  const publishedAt = correction.publishedAt;
  if (!publishedAt) return undefined;
  const db = getDb();
  const settings = await getSettings();
  const site = settings.siteUrl;
  const claims = await getPublicClaims({ correctionIds: [correction.id] });
  const readable = claims.filter((c) => !c.withheld);
  // The claims sit on one version (the one the draft was anchored to, or re-anchored on publishing).
  const on = readable[0] ? (await db.select().from(versions).where(eq(versions.id, readable[0].versionId)).limit(1))[0] : undefined;
  const number = on?.number ?? claims[0]?.versionNumber;
  const url = `${site}/articles/${article.slug}`;
  return toWebAnnotation({
    correction: { id: correction.id, kind: correction.kind, wording: correction.wording, publishedAt, withdrawnAt: correction.withdrawnAt, withdrawnReason: correction.withdrawnReason },
    article: { url, externalId: article.externalId, canonicalUrl: article.canonicalUrl, headline: (await getCurrentHeadlines({ articleIds: [article.id] })).get(article.id)?.headline ?? '' },
    versionUrl: number ? `${url}/versions/${number}` : url,
    claims: readable.filter((c) => c.versionId === on?.id).map((c) => ({ exact: c.exact, prefix: c.prefix, suffix: c.suffix, start: c.start, end: c.end })),
    versionText: on ? (await versionText(db, on)) : undefined,
    newsroom: { name: settings.publication, language: settings.locale },
    siteUrl: site,
    annotationUrl: `${site}/api/v1/corrections/${correction.id}/annotation`,
  });
}
