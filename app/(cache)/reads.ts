// Every read a reader surface makes, cached ('use cache') and tagged with the vocabulary of
// lib/cache/tags.ts. Pages rendered from these reads inherit their tags, so one commitAndInvalidate()
// (./invalidate.ts) drops the data and every page built from it, and nothing else.
import 'server-only';
import { cacheLife, cacheTag } from 'next/cache';
import { getArticlePage, getArticleRecord } from '@/db/queries/article-page';
import { listLatestCorrections, listSections, searchCorrections, type CorrectionSearch } from '@/db/queries/corrections';
import { getPublicArticle, getPublicArticleByExternalId, getPublicEdition, getPublicVersions, listLatestArticles, listPublicEditions, listSectionArticles } from '@/db/queries/public-record';
import { getPublicStatusRecord } from '@/db/queries/public-status';
import { getSettings } from '@/db/queries/settings';
import { articleTag, COLUMN, CORRECTIONS, editionTag, HOME, sectionTag, SITE } from '@/lib/cache/tags';
import { diffVersions } from '@/lib/diff';
import { embedNotices } from '@/lib/embed/notices';

// Kept until a write invalidates its tags; the time-based refresh is only a backstop.
const LIFE = 'max';

export async function readSettings() {
  'use cache';
  cacheLife(LIFE);
  cacheTag(SITE);
  return getSettings();
}

export async function readArticlePage(slug: string, number?: number) {
  'use cache';
  cacheLife(LIFE);
  cacheTag(SITE, articleTag(slug));
  return getArticlePage({ slug, number });
}

export async function readArticleRecord(slug: string) {
  'use cache';
  cacheLife(LIFE);
  cacheTag(SITE, articleTag(slug));
  return getArticleRecord({ slug });
}

export async function readStatusRecord(slug: string, articleId: number) {
  'use cache';
  cacheLife(LIFE);
  cacheTag(SITE, articleTag(slug));
  return getPublicStatusRecord({ articleId });
}

/**
 * An article's notices for a CMS's page (the embeds), built from the article page's own view. By
 * slug: the embed routes look the CMS's id up first, so only articles readers can see add an entry.
 */
export async function readEmbedNotices(slug: string) {
  'use cache';
  cacheLife(LIFE);
  cacheTag(SITE, articleTag(slug));
  const result = await getArticlePage({ slug });
  return result.status === 'ok' ? embedNotices(result.page) : null;
}

/**
 * The embed for the CMS's id for an article, with its slug (the response's cache tags), or null
 * when readers have no such article. The id is looked up uncached (one indexed read), so a made-up
 * id adds no cache entry.
 */
export async function readEmbedByExternalId(externalId: string) {
  const article = await getPublicArticleByExternalId({ externalId });
  const view = article ? await readEmbedNotices(article.slug) : null;
  return article && view ? { slug: article.slug, view } : null;
}

/** The verifiable history (history.json) as readers may see it, or null for no such article. */
export async function readPublicHistory(slug: string) {
  'use cache';
  cacheLife(LIFE);
  cacheTag(SITE, articleTag(slug));
  const article = await getPublicArticle({ slug });
  return article ? { article, versions: await getPublicVersions({ article }) } : null;
}

/**
 * Two readable versions' diff, by number (older first), or null when either is missing or withheld.
 * Versions never change; the tag still drops it when one is withheld or a backup is restored.
 */
export async function readDiff(slug: string, older: number, newer: number) {
  'use cache';
  cacheLife(LIFE);
  cacheTag(SITE, articleTag(slug));
  const record = await getArticleRecord({ slug });
  const a = record?.versions.find((v) => v.number === older);
  const b = record?.versions.find((v) => v.number === newer);
  return a && b && !a.withheld && !b.withheld ? diffVersions(a, b) : null;
}

export async function readFrontPage() {
  'use cache';
  cacheLife(LIFE);
  cacheTag(SITE, HOME);
  return { latest: await listLatestArticles({ limit: 60 }), corrections: await listLatestCorrections({ limit: 8 }) };
}

/** The sections readers can filter by (they change only with articles, which touch `corrections`). */
export async function readSections() {
  'use cache';
  cacheLife(LIFE);
  cacheTag(SITE, CORRECTIONS);
  return listSections();
}

/**
 * One page of the corrections list for a normalised filter. Callers pass only values that exist
 * (a real kind and section, dates clamped to days), so the keys are bounded; the entries live in
 * the cache's memory LRU, bounded in bytes.
 */
export async function readCorrections(search: CorrectionSearch) {
  'use cache';
  cacheLife(LIFE);
  cacheTag(SITE, CORRECTIONS);
  return searchCorrections(search);
}

export async function readEditions() {
  'use cache';
  cacheLife(LIFE);
  cacheTag(SITE, COLUMN);
  return listPublicEditions();
}

export async function readEdition(date: string) {
  'use cache';
  cacheLife(LIFE);
  cacheTag(SITE, editionTag(date));
  return (await getPublicEdition({ date })) ?? null;
}

/**
 * A section's page: its latest articles and corrections. Keyed by a section that exists (the page
 * checks readSections first), so the keys are bounded by the sections there are.
 */
export async function readSectionPage(section: string) {
  'use cache';
  cacheLife(LIFE);
  cacheTag(SITE, sectionTag(section));
  return { articles: await listSectionArticles({ section, limit: 50 }), corrections: await searchCorrections({ section, pageSize: 20 }) };
}
