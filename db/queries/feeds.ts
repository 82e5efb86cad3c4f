// What the feeds carry: published (and withdrawn) corrections, newsroom-wide, per section or per
// article; and published column editions.
import 'server-only';
import { and, eq } from 'drizzle-orm';
import { noticeId } from '../../lib/article-view';
import { correctionEntry, editionItems, FEED_LIMIT, type FeedEntry } from '../../lib/feeds';
import { CORRECTION_KIND_LABELS, type NewsroomSettings } from '../../lib/types';
import { columnPlainText, noticeWording } from '../../lib/wording';
import { getDb } from '../index';
import { articles } from '../tables';
import { getArticleRecord } from './article-page';
import { searchCorrections } from './corrections';
import { getPublicEdition, listPublicEditions, publicArticleCondition } from './public-record';
import { flatMapSeries } from '../../lib/async';

export type FeedScope = { kind: 'all' } | { kind: 'section'; section: string } | { kind: 'article'; slug: string };

export interface FeedData {
  entries: FeedEntry[];
  /** The newest change to anything in the feed; 0 when it is empty. */
  lastModified: Date;
  found: boolean;
  /** A one-article feed's article, by the headline readers see (never its slug). */
  headline?: string;
}

function lastModifiedOf(entries: FeedEntry[]): Date {
  return entries.reduce((latest, e) => (e.updatedAt > latest ? e.updatedAt : latest), new Date(0));
}

export async function correctionFeed(scope: FeedScope, settings: NewsroomSettings): Promise<FeedData> {
  const db = getDb();
  const { items } = await searchCorrections({
    section: scope.kind === 'section' ? scope.section : undefined,
    slug: scope.kind === 'article' ? scope.slug : undefined,
    pageSize: FEED_LIMIT,
  });
  const entries = items.flatMap((c) =>
    c.publishedAt
      ? [
          correctionEntry(
            {
              guid: `${settings.siteUrl}/corrections/${c.id}`,
              headline: c.headline,
              kindLabel: CORRECTION_KIND_LABELS[c.kind],
              // Composed as the notice is: what it said (when the desk gave it), then what is right.
              wording: c.said ? noticeWording({ said: c.said, wording: c.wording, amended: !!c.amendedVersion && c.kind !== 'retraction' }) : c.wording,
              wrongWords: c.claims.map((claim) => claim.exact),
              link: `${settings.siteUrl}/articles/${c.article.slug}#${noticeId(c.id)}`,
              section: c.article.section,
              publishedAt: c.publishedAt,
              withdrawn: c.status === 'withdrawn' && c.withdrawnAt ? { at: c.withdrawnAt, reason: c.withdrawnReason ?? '' } : undefined,
            },
            settings,
          ),
        ]
      : [],
  );
  const found =
    scope.kind === 'all' ||
    (scope.kind === 'section'
      ? !!(await db.select({ id: articles.id }).from(articles).where(and(eq(articles.section, scope.section), publicArticleCondition())).limit(1))[0]
      : !!(await db.select({ id: articles.id }).from(articles).where(and(eq(articles.slug, scope.slug), publicArticleCondition())).limit(1))[0]);
  const headline = found && scope.kind === 'article' ? (await getArticleRecord({ slug: scope.slug }))?.current.headline : undefined;
  return { entries, lastModified: lastModifiedOf(entries), found, headline };
}

export async function editionFeed(settings: NewsroomSettings): Promise<FeedData> {
  const editions = await flatMapSeries((await listPublicEditions()).slice(0, FEED_LIMIT), async (column) => {
      const edition = await getPublicEdition({ date: column.date });
      if (!edition || !column.publishedAt) return [];
      const text = columnPlainText(
        { date: column.date, intro: column.intro, items: edition.items.map((i) => i.readerWording), alsoAmended: edition.alsoAmended.map((a) => a.headline), footer: column.footer },
        settings,
      );
      return [{ date: column.date, link: `${settings.siteUrl}/for-the-record/${column.date}`, publishedAt: column.publishedAt, text }];
  });
  const entries = editionItems(editions, settings);
  return { entries, lastModified: lastModifiedOf(entries), found: true };
}
