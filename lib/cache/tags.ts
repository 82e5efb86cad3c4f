// The cache's tag vocabulary (the contract in TAGS.md): which tags a reader URL carries, and which
// tags each kind of write touches. One module, so the page cache, the Surrogate-Key header and any
// purger in front agree on every name.
import { ARTICLE_LIMITS } from '../limits';

/** Everything readers see: the masthead and the settings are on every page. */
export const SITE = 'site';
export const HOME = 'home';
export const CORRECTIONS = 'corrections';
export const COLUMN = 'column';
export const SITEMAP = 'sitemap';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A tag value never holds a space or a comma (the headers' separators): it is percent-encoded. */
function value(raw: string): string {
  return encodeURIComponent(raw);
}

export const articleTag = (slug: string) => `article:${value(slug)}`;
export const sectionTag = (section: string) => `section:${value(section)}`;
export const editionTag = (date: string) => `column:${value(date)}`;

/** An article as a write names it: enough to know every page that shows it. */
export interface ArticleRef {
  slug: string;
  section: string;
}

/** A write to the record, in the terms of what readers see change. */
export type Change =
  /**
   * A correction published, withdrawn or re-worded on a published article; `editions`: the dates of
   * the published column editions that show the article (they print its corrections or list it).
   */
  | { kind: 'correction'; article: ArticleRef; editions?: string[] }
  /** An article published, saved as a new version (amended, withheld), withdrawn or restored. */
  | { kind: 'article'; article: ArticleRef; editions?: string[] }
  /**
   * A column edition published: its page, the index and feeds, the notices that now cite it, and
   * `following`, the next edition by date, whose "also amended" list starts where this one was published.
   */
  | { kind: 'edition'; date: string; cites: ArticleRef[]; following?: string }
  /** Settings (masthead, names, time zone, date style) or a restored database: every reader page. */
  | { kind: 'site' };

function unique(tags: string[]): string[] {
  return [...new Set(tags)];
}

/** Exactly the tags a write touches; invalidating them, and nothing else, makes the change visible everywhere. */
export function tagsForChange(change: Change): string[] {
  switch (change.kind) {
    case 'correction':
    case 'article':
      // The article's own pages; the front page and section that list it; the corrections list and
      // feeds (which name its headline); the sitemap (its last change).
      // And the column editions that show the article, with the column's index and feeds (which
      // carry every edition's text): a withheld version or a new headline must not stay printed.
      return unique([
        articleTag(change.article.slug),
        HOME,
        CORRECTIONS,
        sectionTag(change.article.section),
        SITEMAP,
        ...(change.editions?.length ? [COLUMN, ...change.editions.map(editionTag)] : []),
      ]);
    case 'edition':
      return unique([COLUMN, editionTag(change.date), ...(change.following ? [editionTag(change.following)] : []), ...change.cites.map((a) => articleTag(a.slug))]);
    case 'site':
      return [SITE];
  }
}

function decoded(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/**
 * The tags of a reader URL's response (`site` first), or null for a path that is not a public
 * reader surface (the desk, sign-in, the API, Next's own files): those are never shared.
 */
export function tagsForPath(pathname: string): string[] | null {
  const parts = pathname.split('/').filter(Boolean);
  const [first, second, third] = parts;
  if (parts.length === 0) return [SITE, HOME];
  if (parts.length === 1 && first === 'about') return [SITE];
  if (first === 'sitemap.xml' && parts.length === 1) return [SITE, SITEMAP];
  // The sitemap's files list editions too (app/(feeds)/sitemap-files.ts).
  if (first === 'sitemaps' && parts.length === 2) return [SITE, SITEMAP, COLUMN];
  if (first === 'robots.txt' && parts.length === 1) return [SITE];
  // The icon is a file of the build; the favicon never reaches the proxy (Next serves it itself).
  if (first === 'icon.svg' && parts.length === 1) return [SITE];
  if (first === 'articles' && second) {
    const slug = decoded(second);
    if (slug === null) return null;
    // No article has a longer slug: its 404 is tagged `site` alone, so a made-up address of any
    // length never grows the response's headers (a proxy refuses an answer whose headers overflow).
    return slug.length > ARTICLE_LIMITS.slug.max ? [SITE] : [SITE, articleTag(slug)];
  }
  if (first === 'corrections') return [SITE, CORRECTIONS];
  if (first === 'sections' && second) {
    const section = decoded(second);
    if (section === null) return null;
    return section.length > ARTICLE_LIMITS.section.max ? [SITE] : [SITE, sectionTag(section)];
  }
  if (first === 'for-the-record') {
    if (!second || /^(rss\.xml|atom\.xml|feed\.json)$/.test(second)) return [SITE, COLUMN];
    const date = second.replace(/\.txt$/, '');
    if (DATE.test(date) && (parts.length === 2 || (parts.length === 3 && third === 'text'))) return [SITE, editionTag(date)];
    return [SITE, COLUMN];
  }
  // The rewrite targets of / and /for-the-record (lib/routing/cached-routes.ts).
  if (first === 'front-page') return [SITE, HOME];
  return null;
}

/** The `Surrogate-Key` header (Fastly, Varnish xkey): tags separated by spaces. */
export function surrogateKeyHeader(tags: string[]): string {
  return tags.join(' ');
}

/** The `Cache-Tag` header (Cloudflare, Akamai): tags separated by commas. */
export function cacheTagHeader(tags: string[]): string {
  return tags.join(',');
}
