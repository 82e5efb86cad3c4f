// Serves the sitemap's index and files (lib/seo/sitemap.ts) from the one public view of the record.
import 'server-only';
import { cachedUntilChange } from '@/db/queries/change-stamp';
import { listSections } from '@/db/queries/corrections';
import { countSitemapArticles, listPublicEditions, listSitemapArticles } from '@/db/queries/public-record';
import { getSettings } from '@/db/queries/settings';
import { ARTICLES_PER_SITEMAP, later, parseSitemapFile, sitemapFiles, sitemapIndexXml, type SitemapUrl, urlsetXml } from '@/lib/seo/sitemap';

const XML = { 'content-type': 'application/xml; charset=utf-8', 'cache-control': 'public, max-age=0, must-revalidate' };
const enc = encodeURIComponent;

export function sitemapIndexResponse(): Response {
  const xml = cachedUntilChange('sitemap:index', () => {
    const { siteUrl } = getSettings();
    return sitemapIndexXml(sitemapFiles(countSitemapArticles()).map((name) => ({ loc: `${siteUrl}/sitemaps/${name}` })));
  });
  return new Response(xml, { headers: XML });
}

function pagesUrls(siteUrl: string): SitemapUrl[] {
  const editions = listPublicEditions();
  const newestEdition = editions.reduce<Date | null>((d, e) => later(d, e.publishedAt), null);
  return [
    { loc: `${siteUrl}/` },
    { loc: `${siteUrl}/corrections` },
    { loc: `${siteUrl}/for-the-record`, lastmod: newestEdition },
    { loc: `${siteUrl}/about` },
    ...listSections().map((s) => ({ loc: `${siteUrl}/sections/${enc(s)}` })),
    ...editions.map((e) => ({ loc: `${siteUrl}/for-the-record/${e.date}`, lastmod: e.publishedAt })),
  ];
}

function articleUrls(siteUrl: string, page: number): SitemapUrl[] {
  // Each article's page, and for an article with correction notices its history, which shows each
  // notice with the words it changed (two URLs an article at most: ARTICLES_PER_SITEMAP to a file).
  return listSitemapArticles({ page, size: ARTICLES_PER_SITEMAP }).flatMap((a) => [
    { loc: `${siteUrl}/articles/${a.slug}`, lastmod: a.lastChanged },
    ...(a.hasNotices ? [{ loc: `${siteUrl}/articles/${a.slug}/history`, lastmod: a.lastChanged }] : []),
  ]);
}

export function sitemapFileResponse(name: string): Response {
  const xml = cachedUntilChange(`sitemap:${name}`, () => {
    const file = parseSitemapFile(name, countSitemapArticles());
    if (!file) return null;
    const { siteUrl } = getSettings();
    return urlsetXml(file.kind === 'pages' ? pagesUrls(siteUrl) : articleUrls(siteUrl, file.page));
  });
  if (xml === null) return new Response('No such sitemap.\n', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  return new Response(xml, { headers: XML });
}
