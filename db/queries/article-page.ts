// Everything a reader's article page shows, for the current version or an older one.
import 'server-only';
import { claimMarks, notices, type Notice, type ViewCorrection } from '../../lib/article-view';
import type { ClaimMark } from '../../lib/markdown';
import { toPlainText } from '../../lib/markdown';
import type { NewsroomSettings } from '../../lib/types';
import type { Article } from '../schema';
import { currentPublicVersion, getPublicArticle, getPublicVersions, type ReaderVersion } from './public-record';
import { getPublicCorrectionsForArticle, type PublicCorrection } from './corrections';
import { getSettings } from './settings';

export interface ArticlePage {
  article: Article;
  version: ReaderVersion;
  current: ReaderVersion;
  versions: ReaderVersion[];
  marks: ClaimMark[];
  notices: Notice[];
  corrections: PublicCorrection[];
  settings: NewsroomSettings;
}

export type ArticlePageResult =
  | { status: 'ok'; page: ArticlePage }
  | { status: 'not-found' }
  | { status: 'withheld'; article: Article; version: ReaderVersion; settings: NewsroomSettings };

/** Plain texts of the versions readers may see; withheld versions are left out entirely. */
function plainTexts(versions: ReaderVersion[]): Map<number, string> {
  return new Map(versions.filter((v) => !v.withheld).map((v) => [v.number, toPlainText(v.body)]));
}

export interface ArticleRecord {
  article: Article;
  versions: ReaderVersion[];
  current: ReaderVersion;
  corrections: PublicCorrection[];
  settings: NewsroomSettings;
}

/** An article's versions and public corrections, without working out marks and notices. */
export async function getArticleRecord({ slug }: { slug: string }): Promise<ArticleRecord | null> {
  const article = await getPublicArticle({ slug });
  if (!article) return null;
  const versions = await getPublicVersions({ article });
  const current = currentPublicVersion(versions);
  if (!current) return null;
  return { article, versions, current, corrections: await getPublicCorrectionsForArticle({ articleId: article.id }), settings: await getSettings() };
}

export async function getArticlePage({ slug, number }: { slug: string; number?: number }): Promise<ArticlePageResult> {
  const record = await getArticleRecord({ slug });
  if (!record) return { status: 'not-found' };
  const { article, versions, current, settings } = record;
  const version = number === undefined ? current : versions.find((v) => v.number === number);
  if (!version) return { status: 'not-found' };
  if (version.withheld) return { status: 'withheld', article, version, settings };

  const all = record.corrections;
  // An older version shows the corrections made after it: those are what a reader of it needs.
  const relevant = number === undefined ? all : all.filter((c) => c.publishedAt && c.publishedAt.getTime() >= version.savedAt.getTime());
  const view: ViewCorrection[] = relevant;
  const texts = plainTexts(versions);
  return {
    status: 'ok',
    page: {
      article,
      version,
      current,
      versions,
      marks: claimMarks(view, texts, version.number),
      notices: notices(view, settings),
      corrections: relevant,
      settings,
    },
  };
}
