import { describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { ARTICLES_PER_SITEMAP, later, parseSitemapFile, SITEMAP_PAGE_SIZE, sitemapFiles, sitemapIndexXml, urlsetXml } from './sitemap';

describe('sitemap', () => {
  it('splits a large archive into files of at most 50,000 URLs (two an article at most)', () => {
    expect(ARTICLES_PER_SITEMAP * 2).toBeLessThanOrEqual(SITEMAP_PAGE_SIZE);
    expect(sitemapFiles(0)).toEqual(['pages.xml']);
    expect(sitemapFiles(1)).toEqual(['pages.xml', 'articles-1.xml']);
    expect(sitemapFiles(ARTICLES_PER_SITEMAP)).toHaveLength(2);
    expect(sitemapFiles(ARTICLES_PER_SITEMAP + 1)).toHaveLength(3);
    expect(sitemapFiles(1_000_000)).toHaveLength(41);
    expect(sitemapFiles(1_000_000).at(-1)).toBe('articles-40.xml');
  });

  it('answers only the file names it gives out', () => {
    expect(parseSitemapFile('pages.xml', 10)).toEqual({ kind: 'pages' });
    expect(parseSitemapFile('articles-1.xml', 10)).toEqual({ kind: 'articles', page: 1 });
    expect(parseSitemapFile('articles-2.xml', 10)).toBeNull();
    expect(parseSitemapFile('articles-0.xml', 10)).toBeNull();
    expect(parseSitemapFile('articles-01.xml', 10)).toBeNull();
    expect(parseSitemapFile('articles-1.xml', 0)).toBeNull();
    expect(parseSitemapFile('../etc.xml', 10)).toBeNull();
  });

  it('writes well-formed XML with every URL escaped', () => {
    const xml = urlsetXml([{ loc: 'https://news.example/articles/a&b?x=<1>', lastmod: new Date('2026-05-03T21:00:00Z') }, { loc: 'https://news.example/' }]);
    const parsed = new XMLParser().parse(xml);
    expect(parsed.urlset.url[0]).toEqual({ loc: 'https://news.example/articles/a&b?x=<1>', lastmod: '2026-05-03T21:00:00.000Z' });
    expect(parsed.urlset.url[1]).toEqual({ loc: 'https://news.example/' });
    const index = new XMLParser().parse(sitemapIndexXml([{ loc: 'https://news.example/sitemaps/pages.xml' }]));
    expect(index.sitemapindex.sitemap.loc).toBe('https://news.example/sitemaps/pages.xml');
  });

  it('refuses a file over the protocol’s limit', () => {
    expect(() => urlsetXml(Array.from({ length: SITEMAP_PAGE_SIZE + 1 }, (_, i) => ({ loc: `https://x.example/${i}` })))).toThrow();
  });

  it('takes the later of two dates', () => {
    const a = new Date('2026-01-01');
    const b = new Date('2026-02-01');
    expect(later(a, b)).toBe(b);
    expect(later(b, a)).toBe(b);
    expect(later(null, a)).toBe(a);
    expect(later(undefined, null)).toBeNull();
  });
});
