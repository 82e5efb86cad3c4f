// Serves the sitemap's index and files (lib/seo/sitemap.ts) from the one public view of the record,
// through the one cache: each file's XML is a 'use cache' read tagged `sitemap` (every article and
// correction write touches it) and `column` (editions are listed), and `site` (the address).
import 'server-only';
import { cacheLife, cacheTag } from 'next/cache';
import { listSections } from '@/db/queries/corrections';
import { countSitemapArticles, listPublicEditions, listSitemapArticles } from '@/db/queries/public-record';
import { getSettings } from '@/db/queries/settings';
import { COLUMN, SITE, SITEMAP } from '@/lib/cache/tags';
import { ARTICLES_PER_SITEMAP, later, parseSitemapFile, type SitemapFile, sitemapFiles, sitemapIndexXml, type SitemapUrl, urlsetXml } from '@/lib/seo/sitemap';

const XML = { 'content-type': 'application/xml; charset=utf-8' };
const enc = encodeURIComponent;

async function readArticleCount(): Promise<number> {
  'use cache';
  cacheLife('max');
  cacheTag(SITE, SITEMAP);
  return countSitemapArticles();
}

async function readSitemapIndex(): Promise<string> {
  'use cache';
  cacheLife('max');
  cacheTag(SITE, SITEMAP);
  const { siteUrl } = await getSettings();
  return sitemapIndexXml(sitemapFiles(await readArticleCount()).map((name) => ({ loc: `${siteUrl}/sitemaps/${name}` })));
}

async function pagesUrls(siteUrl: string): Promise<SitemapUrl[]> {
  const editions = await listPublicEditions();
  const newestEdition = editions.reduce<Date | null>((d, e) => later(d, e.publishedAt), null);
  return [
    { loc: `${siteUrl}/` },
    { loc: `${siteUrl}/corrections` },
    { loc: `${siteUrl}/for-the-record`, lastmod: newestEdition },
    { loc: `${siteUrl}/about` },
    ...(await listSections()).map((s) => ({ loc: `${siteUrl}/sections/${enc(s)}` })),
    ...editions.map((e) => ({ loc: `${siteUrl}/for-the-record/${e.date}`, lastmod: e.publishedAt })),
  ];
}

async function articleUrls(siteUrl: string, page: number): Promise<SitemapUrl[]> {
  // Each article's page, and for an article with correction notices its history, which shows each
  // notice with the words it changed (two URLs an article at most: ARTICLES_PER_SITEMAP to a file).
  return (await listSitemapArticles({ page, size: ARTICLES_PER_SITEMAP })).flatMap((a) => [
    { loc: `${siteUrl}/articles/${a.slug}`, lastmod: a.lastChanged },
    ...(a.hasNotices ? [{ loc: `${siteUrl}/articles/${a.slug}/history`, lastmod: a.lastChanged }] : []),
  ]);
}

/** One file's XML; only ever called with a file parseSitemapFile accepted, so the keys are bounded. */
async function readSitemapFile(file: SitemapFile): Promise<string> {
  'use cache';
  cacheLife('max');
  cacheTag(SITE, SITEMAP, COLUMN);
  const { siteUrl } = await getSettings();
  return urlsetXml(file.kind === 'pages' ? (await pagesUrls(siteUrl)) : (await articleUrls(siteUrl, file.page)));
}

export async function sitemapIndexResponse(): Promise<Response> {
  return new Response(await readSitemapIndex(), { headers: XML });
}

export async function sitemapFileResponse(name: string): Promise<Response> {
  const file = parseSitemapFile(name, await readArticleCount());
  if (!file) return new Response('No such sitemap.\n', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  return new Response(await readSitemapFile(file), { headers: XML });
}
