// What each webhook event says: built inside the transaction that made the change, from public
// facts only (a legal version's note, a reader's words and draft text are never in a payload).
import 'server-only';
import { eq } from 'drizzle-orm';
import type { ChangeKind } from '../../lib/types';
import type { Article, Column, Correction, Report, Version } from '../schema';
import { articles } from '../tables';
import { getSettings } from './settings';
import type { Tx } from './types';
import { enqueueEvent } from './webhook-outbox';
import { latestVersion } from './version-writes';

/** The public address: always an origin with no trailing slash (lib/site-url, lib/settings). */
const site = async (): Promise<string> => (await getSettings()).siteUrl;

async function articleFacts(tx: Tx, article: Article) {
  const latest = await latestVersion(tx, article.id);
  return {
    id: article.id,
    externalId: article.externalId,
    slug: article.slug,
    section: article.section,
    headline: latest?.headline ?? null,
    url: `${await site()}/articles/${article.slug}`,
    canonicalUrl: article.canonicalUrl,
  };
}

async function articleOf(tx: Tx, articleId: number): Promise<Article> {
  const article = (await tx.select().from(articles).where(eq(articles.id, articleId)).limit(1))[0];
  if (!article) throw new Error(`article ${articleId} is missing`);
  return article;
}

/** correction.published / correction.withdrawn. */
export async function correctionEvent(tx: Tx, event: 'correction.published' | 'correction.withdrawn', correction: Correction): Promise<void> {
  const article = await articleOf(tx, correction.articleId);
  const facts = await articleFacts(tx, article);
  await enqueueEvent(tx, {
    event,
    entityType: 'correction',
    entityId: correction.id,
    at: (event === 'correction.published' ? correction.publishedAt : correction.withdrawnAt) ?? new Date(),
    data: {
      correction: {
        id: correction.id,
        kind: correction.kind,
        mode: correction.mode,
        wording: correction.wording,
        publishedAt: correction.publishedAt?.toISOString() ?? null,
        withdrawnAt: correction.withdrawnAt?.toISOString() ?? null,
        withdrawnReason: correction.withdrawnReason,
        url: `${facts.url}#notice-${correction.id}`,
        annotation: `${await site()}/api/v1/corrections/${correction.id}/annotation`,
      },
      article: facts,
    },
  });
}

/** article.amended: a new version of a published article. Nothing of a legal version but that it exists. */
export async function articleAmendedEvent(tx: Tx, articleId: number, version: Version): Promise<void> {
  const article = await articleOf(tx, articleId);
  if (article.status !== 'published') return;
  const legal = version.changeKind === 'legal';
  await enqueueEvent(tx, {
    event: 'article.amended',
    entityType: 'article',
    entityId: articleId,
    at: version.savedAt,
    data: {
      article: await articleFacts(tx, article),
      version: {
        number: version.number,
        changeKind: version.changeKind as ChangeKind,
        note: legal ? null : version.note,
        savedAt: version.savedAt.toISOString(),
        url: `${await site()}/articles/${article.slug}/versions/${version.number}`,
      },
    },
  });
}

/** column.published: an edition of the For the Record column. */
export async function columnPublishedEvent(tx: Tx, column: Column, items: number): Promise<void> {
  await enqueueEvent(tx, {
    event: 'column.published',
    entityType: 'column',
    entityId: column.id,
    at: column.publishedAt ?? new Date(),
    data: { column: { id: column.id, date: column.date, items, url: `${await site()}/for-the-record/${column.date}` } },
  });
}

/** report.received: that a reader reported an article, never what they wrote or who they are. */
export async function reportReceivedEvent(tx: Tx, report: Report, caseId: number): Promise<void> {
  const article = await articleOf(tx, report.articleId);
  await enqueueEvent(tx, {
    event: 'report.received',
    entityType: 'report',
    entityId: report.id,
    at: report.createdAt,
    data: { report: { id: report.id, reference: report.reference, caseId, receivedAt: report.createdAt.toISOString() }, article: { id: article.id, externalId: article.externalId, slug: article.slug } },
  });
}
