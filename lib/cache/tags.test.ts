import { describe, expect, it } from 'vitest';
import { articleTag, type Change, cacheTagHeader, sectionTag, surrogateKeyHeader, tagsForChange, tagsForPath } from './tags';

const article = { slug: 'council-vote', section: 'Local News' };

describe('tagsForPath', () => {
  it('tags a made-up slug or section longer than any the record holds with `site` alone, so its headers stay short', () => {
    const long = 'x'.repeat(5000);
    for (const url of [`/articles/${long}`, `/articles/${long}/history`, `/sections/${long}`, `/sections/${encodeURIComponent('é'.repeat(61))}`]) {
      const tags = tagsForPath(url);
      expect(tags, url.slice(0, 40)).toEqual(['site']);
      expect(surrogateKeyHeader(tags as string[]).length).toBeLessThan(100);
    }
    expect(tagsForPath(`/articles/${'x'.repeat(120)}`)).toEqual(['site', articleTag('x'.repeat(120))]);
    expect(tagsForPath(`/sections/${'y'.repeat(60)}`)).toEqual(['site', sectionTag('y'.repeat(60))]);
  });

  it('tags every reader surface with site and its own tag', () => {
    expect(tagsForPath('/')).toEqual(['site', 'home']);
    expect(tagsForPath('/about')).toEqual(['site']);
    expect(tagsForPath('/articles/council-vote')).toEqual(['site', 'article:council-vote']);
    for (const sub of ['history', 'history.json', 'versions/2', 'compare', 'compare/1/2/side', 'corrections/rss.xml', 'report']) {
      expect(tagsForPath(`/articles/council-vote/${sub}`)).toEqual(['site', 'article:council-vote']);
    }
    expect(tagsForPath('/corrections')).toEqual(['site', 'corrections']);
    expect(tagsForPath('/corrections/atom.xml')).toEqual(['site', 'corrections']);
    expect(tagsForPath('/sections/Local%20News/corrections/feed.json')).toEqual(['site', 'section:Local%20News']);
    expect(tagsForPath('/for-the-record')).toEqual(['site', 'column']);
    expect(tagsForPath('/for-the-record/rss.xml')).toEqual(['site', 'column']);
    expect(tagsForPath('/for-the-record/2026-03-02')).toEqual(['site', 'column:2026-03-02']);
    expect(tagsForPath('/for-the-record/2026-03-02.txt')).toEqual(['site', 'column:2026-03-02']);
    expect(tagsForPath('/for-the-record/2026-03-02/text')).toEqual(['site', 'column:2026-03-02']);
    expect(tagsForPath('/sitemap.xml')).toEqual(['site', 'sitemap']);
    expect(tagsForPath('/sitemaps/pages.xml')).toEqual(['site', 'sitemap', 'column']);
    expect(tagsForPath('/robots.txt')).toEqual(['site']);
    expect(tagsForPath('/icon.svg')).toEqual(['site']);
  });

  it('gives no tags (never shared) to the desk, sign-in, the API and Next’s own files', () => {
    for (const path of ['/desk', '/desk/articles/1', '/login', '/api/health', '/api/auth/session', '/_next/static/x.js', '/favicon.ico']) {
      expect(tagsForPath(path)).toBeNull();
    }
  });

  it('keeps spaces and commas out of tags, so the headers split them right', () => {
    expect(sectionTag('Local News, Weekly')).toBe('section:Local%20News%2C%20Weekly');
    expect(tagsForPath('/sections/%E0%A4%A/x')).toBeNull();
    expect(surrogateKeyHeader(['site', sectionTag('A B')])).toBe('site section:A%20B');
    expect(cacheTagHeader(['site', 'home'])).toBe('site,home');
  });
});

describe('tagsForChange', () => {
  it('a correction touches its article, the front page, the corrections list, its section and the sitemap', () => {
    expect(tagsForChange({ kind: 'correction', article }).sort()).toEqual(['article:council-vote', 'corrections', 'home', 'section:Local%20News', 'sitemap']);
  });

  it('an article change touches the same pages, and no other article', () => {
    const tags = tagsForChange({ kind: 'article', article });
    expect(tags).toContain(articleTag('council-vote'));
    expect(tags.filter((t) => t.startsWith('article:'))).toEqual(['article:council-vote']);
    expect(tags).not.toContain('site');
    expect(tags).not.toContain('column');
  });

  it('an edition touches the column, its own date and the articles whose notices now cite it', () => {
    const tags = tagsForChange({ kind: 'edition', date: '2026-03-02', cites: [article, article, { slug: 'other', section: 'Sport' }] });
    expect(tags).toEqual(['column', 'column:2026-03-02', 'article:council-vote', 'article:other']);
  });

  it('an article or correction change also touches the column editions that show the article, and the column', () => {
    for (const kind of ['article', 'correction'] as const) {
      const tags = tagsForChange({ kind, article, editions: ['2026-03-02', '2026-03-09'] });
      expect(tags).toEqual(expect.arrayContaining(['column', 'column:2026-03-02', 'column:2026-03-09', 'article:council-vote']));
      expect(tags.filter((t) => t.startsWith('column:'))).toEqual(['column:2026-03-02', 'column:2026-03-09']);
    }
  });

  it('an edition also touches the next edition by date, whose "also amended" list starts where it was published', () => {
    expect(tagsForChange({ kind: 'edition', date: '2026-03-02', cites: [], following: '2026-03-09' })).toEqual(['column', 'column:2026-03-02', 'column:2026-03-09']);
  });

  it('settings and restores touch every reader page through site', () => {
    expect(tagsForChange({ kind: 'site' })).toEqual(['site']);
  });

  it('every tag a change touches is one some reader URL carries', () => {
    const carried = new Set(
      ['/', '/articles/council-vote', '/corrections', '/sections/Local%20News/corrections/rss.xml', '/for-the-record', '/for-the-record/2026-03-02', '/sitemap.xml'].flatMap(
        (p) => tagsForPath(p) ?? [],
      ),
    );
    const changes: Change[] = [{ kind: 'correction', article, editions: ['2026-03-02'] }, { kind: 'edition', date: '2026-03-02', cites: [article] }, { kind: 'site' }];
    for (const change of changes) {
      for (const tag of tagsForChange(change)) expect(carried.has(tag), tag).toBe(true);
    }
  });
});
