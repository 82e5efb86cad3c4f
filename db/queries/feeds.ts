// What the feeds carry: published (and withdrawn) corrections, newsroom-wide, per section or per
// article; and published column editions.
import 'server-only';
import { and, desc, eq, ne } from 'drizzle-orm';
import { noticeId } from '../../lib/article-view';
import { correctionEntry, editionItems, FEED_LIMIT, type FeedEntry } from '../../lib/feeds';
import { CORRECTION_KIND_LABELS, type NewsroomSettings } from '../../lib/types';
import { columnPlainText } from '../../lib/wording';
import { getDb } from '../index';
import { articles, corrections, versions } from '../schema';
import { getPublishedEdition, listEditions } from './columns';
import { getPublicCorrectionsForArticle } from './corrections';

export type FeedScope = { kind: 'all' } | { kind: 'section'; section: string } | { kind: 'article'; slug: string };

export interface FeedData {
  entries: FeedEntry[];
  /** The newest change to anything in the feed; 0 when it is empty. */
  lastModified: Date;
  found: boolean;
}

function lastModifiedOf(entries: FeedEntry[]): Date {
  return entries.reduce((latest, e) => (e.updatedAt > latest ? e.updatedAt : latest), new Date(0));
}

export function correctionFeed(scope: FeedScope, settings: NewsroomSettings): FeedData {
  const db = getDb();
  const conditions = [ne(corrections.status, 'draft'), ne(articles.status, 'draft')];
  if (scope.kind === 'section') conditions.push(eq(articles.section, scope.section));
  if (scope.kind === 'article') conditions.push(eq(articles.slug, scope.slug));
  const rows = db
    .select({ id: corrections.id, articleId: corrections.articleId, slug: articles.slug, section: articles.section })
    .from(corrections)
    .innerJoin(articles, eq(articles.id, corrections.articleId))
    .where(and(...conditions))
    .orderBy(desc(corrections.publishedAt))
    .limit(FEED_LIMIT)
    .all();
  const byArticle = new Map<number, ReturnType<typeof getPublicCorrectionsForArticle>>();
  const entries = rows.flatMap((row) => {
    if (!byArticle.has(row.articleId)) byArticle.set(row.articleId, getPublicCorrectionsForArticle({ articleId: row.articleId }));
    const c = byArticle.get(row.articleId)?.find((x) => x.id === row.id);
    if (!c || !c.publishedAt) return [];
    return [
      correctionEntry({
        guid: `${settings.siteUrl}/corrections/${c.id}`,
        headline: headlineOf(row.articleId),
        kindLabel: CORRECTION_KIND_LABELS[c.kind],
        wording: c.wording,
        wrongWords: c.claims.map((claim) => claim.exact),
        link: `${settings.siteUrl}/articles/${row.slug}#${noticeId(c.id)}`,
        section: row.section,
        publishedAt: c.publishedAt,
        withdrawn: c.status === 'withdrawn' && c.withdrawnAt ? { at: c.withdrawnAt, reason: c.withdrawnReason ?? '' } : undefined,
      }, settings),
    ];
  });
  const found =
    scope.kind === 'all' ||
    (scope.kind === 'section'
      ? !!db.select({ id: articles.id }).from(articles).where(and(eq(articles.section, scope.section), ne(articles.status, 'draft'))).get()
      : !!db.select({ id: articles.id }).from(articles).where(and(eq(articles.slug, scope.slug), ne(articles.status, 'draft'))).get());
  return { entries, lastModified: lastModifiedOf(entries), found };
}

function headlineOf(articleId: number): string {
  const row = getDb().select({ headline: versions.headline }).from(versions).where(eq(versions.articleId, articleId)).orderBy(desc(versions.number)).limit(1).get();
  return row?.headline ?? '';
}

export function editionFeed(settings: NewsroomSettings): FeedData {
  const editions = listEditions({ publishedOnly: true })
    .slice(0, FEED_LIMIT)
    .flatMap((column) => {
      const edition = getPublishedEdition({ date: column.date });
      if (!edition || !column.publishedAt) return [];
      const text = columnPlainText(
        { date: column.date, intro: column.intro, items: edition.items.map((i) => i.wording), alsoAmended: edition.alsoAmended.map((a) => a.headline), footer: column.footer },
        settings,
      );
      return [{ date: column.date, link: `${settings.siteUrl}/for-the-record/${column.date}`, publishedAt: column.publishedAt, text }];
    });
  const entries = editionItems(editions, settings);
  return { entries, lastModified: lastModifiedOf(entries), found: true };
}
