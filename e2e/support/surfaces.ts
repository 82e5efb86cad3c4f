// Every surface a reader can reach, by the route file that serves it, with the URLs to request for
// given articles, versions, sections and column dates. e2e/surfaces.spec.ts fails when a page or
// route outside the desk is missing here, so a new surface is checked from the day it lands.
import fs from 'node:fs';
import path from 'node:path';
import { CORRECTION_KINDS } from '../../lib/types';

/** One article as the registry needs it: its slug and every version number it has (shown or not). */
export interface ArticleTarget {
  slug: string;
  versions: number[];
  /** The CMS's id for it, when it has one: the embeds are addressed by it. */
  externalId?: string;
  /** Its published and withdrawn corrections' ids (the API's correction routes). */
  corrections?: number[];
}

export interface SurfaceTargets {
  articles: ArticleTarget[];
  sections: string[];
  /** Dates of published column editions, "YYYY-MM-DD". */
  columnDates: string[];
}

export interface Surface {
  /** The route file under app/, as the scan names it. */
  file: string;
  /** Per article (its URLs are checked against that article's markers) or once for the site. */
  scope: 'article' | 'site';
  urls: (targets: SurfaceTargets, article?: ArticleTarget) => string[];
  /**
   * An /api/v1 route: requested without a token (401, nothing of the record) and with a read
   * token, a desk credential that may see drafts but never a withheld version's text.
   */
  api?: true;
}

const FEEDS = ['rss.xml', 'atom.xml', 'feed.json'] as const;
const VIEWS = ['inline', 'side'] as const;
const enc = encodeURIComponent;

/** Ordered pairs of different version numbers: every comparison a reader could ask for. */
function pairs(numbers: number[]): [number, number][] {
  return numbers.flatMap((a) => numbers.filter((b) => b !== a).map((b) => [a, b] as [number, number]));
}

const article = (file: string, urls: (a: ArticleTarget) => string[]): Surface => ({ file, scope: 'article', urls: (_t, a) => (a ? urls(a) : []) });
const site = (file: string, urls: (t: SurfaceTargets) => string[]): Surface => ({ file, scope: 'site', urls });
const feeds = (dir: string, base: (t: SurfaceTargets) => string[]): Surface[] =>
  FEEDS.map((f) => site(`${dir}/${f}/route.ts`, (t) => base(t).map((b) => `${b}/${f}`)));

const apiArticle = (file: string, urls: (a: ArticleTarget & { externalId: string }) => string[]): Surface => ({
  file,
  scope: 'article',
  api: true,
  urls: (_t, a) => (a?.externalId ? urls(a as ArticleTarget & { externalId: string }) : []),
});
const apiSite = (file: string, urls: string[]): Surface => ({ file, scope: 'site', api: true, urls: () => urls });

export const SURFACES: Surface[] = [
  // Reached only through the proxy's rewrite of / (its own path answers 404).
  site('front-page/[view]/page.tsx', () => ['/', '/?utm_source=x']),
  // Reached only through the proxy's rewrite of /about.
  site('about/[view]/page.tsx', () => ['/about']),
  site('login/page.tsx', () => ['/login']),
  site('api/health/route.ts', () => ['/api/health']),
  // POST only (reader reports); a GET must not answer with any text of the record either.
  site('api/reports/route.ts', () => ['/api/reports']),
  article('articles/[slug]/page.tsx', (a) => [`/articles/${a.slug}`]),
  article('articles/[slug]/versions/[n]/page.tsx', (a) => a.versions.map((n) => `/articles/${a.slug}/versions/${n}`)),
  article('articles/[slug]/history/page.tsx', (a) => [`/articles/${a.slug}/history`]),
  article('articles/[slug]/history.json/route.ts', (a) => [`/articles/${a.slug}/history.json`]),
  article('articles/[slug]/report/page.tsx', (a) => [`/articles/${a.slug}/report`, ...a.versions.map((n) => `/articles/${a.slug}/report?v=${n}`)]),
  article('articles/[slug]/compare/page.tsx', (a) => [
    `/articles/${a.slug}/compare`,
    ...pairs(a.versions).flatMap(([from, to]) => VIEWS.map((v) => `/articles/${a.slug}/compare?from=${from}&to=${to}&view=${v}`)),
  ]),
  article('articles/[slug]/compare/[from]/[to]/[view]/page.tsx', (a) => pairs(a.versions).flatMap(([from, to]) => VIEWS.map((v) => `/articles/${a.slug}/compare/${from}/${to}/${v}`))),
  ...FEEDS.map((f) => article(`articles/[slug]/corrections/${f}/route.ts`, (a) => [`/articles/${a.slug}/corrections/${f}`])),
  // The embeds, by the CMS's id (docs/embeds.md); an id no article has answers an empty 404.
  ...(['notices', 'notices.json'] as const).flatMap((file) => [
    article(`embed/articles/[externalId]/${file}/route.ts`, (a) => (a.externalId ? [`/embed/articles/${enc(a.externalId)}/${file}`] : [])),
    site(`embed/articles/[externalId]/${file}/route.ts`, () => [`/embed/articles/no-such-article/${file}`]),
  ]),
  site('corrections/page.tsx', (t) => ['/corrections', '/corrections?from=2000-01-01&to=2099-12-31', ...t.sections.map((s) => `/corrections?section=${enc(s)}&from=2000-01-01`)]),
  // Reached only through the proxy's rewrite of /corrections?kind=…&section=…&page=….
  site('corrections/filter/[kind]/[section]/[page]/page.tsx', (t) => [
    ...['', ...CORRECTION_KINDS].map((k) => `/corrections?kind=${k}`),
    ...t.sections.flatMap((s) => [`/corrections?section=${enc(s)}`, `/corrections?kind=correction&section=${enc(s)}&page=1`]),
  ]),
  ...feeds('corrections', () => ['/corrections']),
  ...feeds('sections/[section]/corrections', (t) => t.sections.map((s) => `/sections/${enc(s)}/corrections`)),
  // Reached only through the proxy's rewrite of /for-the-record.
  site('for-the-record/editions/[view]/page.tsx', () => ['/for-the-record']),
  site('for-the-record/[date]/page.tsx', (t) => t.columnDates.map((d) => `/for-the-record/${d}`)),
  site('for-the-record/[date]/text/route.ts', (t) => t.columnDates.flatMap((d) => [`/for-the-record/${d}.txt`, `/for-the-record/${d}/text`])),
  ...feeds('for-the-record', () => ['/for-the-record']),
  // The API (lib/api/routes.ts), by the CMS's ids; the writes answer a GET with 405.
  site('api/v1/openapi.json/route.ts', () => ['/api/v1/openapi.json']),
  apiSite('api/v1/articles/route.ts', ['/api/v1/articles?limit=100']),
  apiArticle('api/v1/articles/[externalId]/route.ts', (a) => [`/api/v1/articles/${enc(a.externalId)}`]),
  apiArticle('api/v1/articles/[externalId]/versions/[number]/route.ts', (a) => a.versions.map((n) => `/api/v1/articles/${enc(a.externalId)}/versions/${n}`)),
  apiArticle('api/v1/articles/[externalId]/corrections/route.ts', (a) => [`/api/v1/articles/${enc(a.externalId)}/corrections`]),
  apiSite('api/v1/corrections/route.ts', ['/api/v1/corrections?limit=100']),
  apiArticle('api/v1/corrections/[id]/route.ts', (a) => (a.corrections ?? []).map((id) => `/api/v1/corrections/${id}`)),
  apiArticle('api/v1/corrections/[id]/annotation/route.ts', (a) => (a.corrections ?? []).map((id) => `/api/v1/corrections/${id}/annotation`)),
  apiSite('api/v1/import/ans/route.ts', ['/api/v1/import/ans']),
  // Any address no other route serves: the not-found page.
  site('[...missing]/page.tsx', () => ['/no-such-page', '/articles/no-such-article/no-such-page']),
  site('sections/[section]/page.tsx', (t) => [...t.sections.map((s) => `/sections/${enc(s)}`), '/sections/No%20such%20section']),
  // The sitemap's index and its files: every published article, never one readers cannot see.
  site('sitemap.xml/route.ts', () => ['/sitemap.xml']),
  site('sitemaps/[file]/route.ts', () => ['/sitemaps/pages.xml', '/sitemaps/articles-1.xml', '/sitemaps/articles-2.xml']),
  // Next's metadata files: robots.txt from app/robots.ts, the icons as files.
  site('robots.ts', () => ['/robots.txt']),
  site('favicon.ico', () => ['/favicon.ico']),
  site('icon.svg', () => ['/icon.svg']),
];

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

/** Next's metadata files, each a route of its own: robots.txt, sitemaps, manifests, icons and images. */
const METADATA_FILE = /(^|\/)(robots|sitemap|manifest)\.(ts|tsx|js|txt|xml|json|webmanifest)$|(^|\/)(favicon|icon\d*|apple-icon\d*|opengraph-image\d*|twitter-image\d*)\.(ico|svg|png|jpe?g|gif|ts|tsx|js)$/;

/** Every page, route handler and metadata file under app/ that a reader could reach: all but the desk and next-auth's own. */
export function scanPublicRoutes(root = process.cwd()): string[] {
  const app = path.join(root, 'app');
  return walk(app)
    .map((full) => path.relative(app, full).split(path.sep).join('/'))
    .filter((rel) => /(^|\/)(page\.tsx|route\.ts)$/.test(rel) || METADATA_FILE.test(rel))
    .filter((rel) => !rel.startsWith('desk/') && !rel.startsWith('api/auth/'))
    .sort();
}
