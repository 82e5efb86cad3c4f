// The sitemap as XML (sitemaps.org 0.9): one index at /sitemap.xml naming its files, a file of the
// site's own pages, and the articles in files of at most 50,000 URLs each (the protocol's limit):
// an article gives at most two URLs (its page, and its history when it carries notices), so 25,000
// articles to a file, and a million-article archive is forty files, each one query.

export const SITEMAP_PAGE_SIZE = 50_000;
export const ARTICLES_PER_SITEMAP = SITEMAP_PAGE_SIZE / 2;

export interface SitemapUrl {
  /** An absolute URL. */
  loc: string;
  lastmod?: Date | null;
}

export type SitemapFile = { kind: 'pages' } | { kind: 'articles'; page: number };

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
const lastmod = (d?: Date | null) => (d && !Number.isNaN(d.getTime()) ? `<lastmod>${d.toISOString()}</lastmod>` : '');

/** The file names of the sitemap for an archive of this many articles: pages.xml, articles-1.xml, … */
export function sitemapFiles(articleCount: number): string[] {
  const pages = Math.ceil(Math.max(0, articleCount) / ARTICLES_PER_SITEMAP);
  return ['pages.xml', ...Array.from({ length: pages }, (_, i) => `articles-${i + 1}.xml`)];
}

/** Which file a name asks for, or null for a name the sitemap never gives (a 404). */
export function parseSitemapFile(name: string, articleCount: number): SitemapFile | null {
  if (name === 'pages.xml') return { kind: 'pages' };
  const match = /^articles-([1-9]\d{0,6})\.xml$/.exec(name);
  if (!match) return null;
  const page = Number(match[1]);
  return page <= Math.ceil(articleCount / ARTICLES_PER_SITEMAP) ? { kind: 'articles', page } : null;
}

export function sitemapIndexXml(files: SitemapUrl[]): string {
  const body = files.map((f) => `<sitemap><loc>${escape(f.loc)}</loc>${lastmod(f.lastmod)}</sitemap>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</sitemapindex>\n`;
}

export function urlsetXml(urls: SitemapUrl[]): string {
  if (urls.length > SITEMAP_PAGE_SIZE) throw new Error(`a sitemap file holds at most ${SITEMAP_PAGE_SIZE} URLs`);
  const body = urls.map((u) => `<url><loc>${escape(u.loc)}</loc>${lastmod(u.lastmod)}</url>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`;
}

/** The newer of two dates (either may be missing). */
export function later(a: Date | null | undefined, b: Date | null | undefined): Date | null {
  if (!a) return b ?? null;
  if (!b) return a;
  return a.getTime() >= b.getTime() ? a : b;
}
