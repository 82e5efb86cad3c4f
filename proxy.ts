// Before a page renders: security headers on every response (a nonce CSP on the desk), 410 for
// versions withheld for legal reasons, 404 for made-up values before they can render (and so add a
// cache entry), rewrites of cacheable URLs to cached routes, and each reader response's cache tags
// (Surrogate-Key, Cache-Tag; scripts/server.mjs turns them into its Cache-Control and ETag), and
// the embeds' cross-origin read headers (docs/embeds.md; the embed routes tag themselves).
// Never the only guard: pages and actions check access themselves.
import { type NextRequest, NextResponse } from 'next/server';
import { readCallableActionIds } from '@/scripts/support/request-guards.mjs';
import { correctionsPageExists, editionExists, publicVersionRange, sectionExists, withheldSince } from '@/db/queries/proxy-lookups';
import { storeUnavailable, UNAVAILABLE_MESSAGE, UNAVAILABLE_RETRY_SECONDS } from '@/lib/errors';
import { cacheTagHeader, surrogateKeyHeader, tagsForPath } from '@/lib/cache/tags';
import { actionRequestProblem, repeatedFieldMessage, repeatedFields } from '@/lib/form-fields';
import { type CachedTarget, cachedTargetFor } from '@/lib/routing/cached-routes';
import { deskCsp, embedCrossOriginHeaders, isDeskPath, isEmbedPath, readerCsp, securityHeaders } from '@/lib/security/headers';

const DEV = process.env.NODE_ENV === 'development';
const VERSION_PAGE = /^\/articles\/([a-z0-9-]{1,120})\/versions\/([1-9][0-9]{0,8})$/;
const ARTICLE_PATH = /^\/articles\/([^/]+)(?:\/(history|versions\/([^/]+)|compare(?:\/([^/]+)\/([^/]+)\/[^/]+)?))?$/;
/** Anything else under an article (history.json, its feeds, the report form): the article must exist. */
const UNDER_ARTICLE = /^\/articles\/([^/]+)\//;
const EDITION_PATH = /^\/for-the-record\/([^/]+?)(?:\.txt|\/text)?$/;
const COLUMN_FILES = new Set(['rss.xml', 'atom.xml', 'feed.json']);
const SECTION_PATH = /^\/sections\/([^/]+)(?:\/|$)/;
/** Cached routes reached only through the proxy's own rewrites (which check every parameter). */
const REWRITE_ONLY = /^\/(?:corrections\/filter|articles\/[^/]+\/compare\/[^/]+|front-page|for-the-record\/editions|about\/[^/]+)(\/|$)/;

/**
 * A lookup's answer, or `whenDown` while the store cannot be reached: the request then goes on to
 * what Next has cached (every copy there was readable when it was made, and a withholding or a
 * withdrawal expired it), and what is not cached renders, fails and answers 503 with Retry-After
 * (scripts/support/store-status.mjs). Any other error is thrown on.
 */
async function unlessDown<T>(lookup: Promise<T>, whenDown: T): Promise<T> {
  try {
    return await lookup;
  } catch (error) {
    if (storeUnavailable(error)) return whenDown;
    throw error;
  }
}

/**
 * Cached pages keep what they render, 404s included, so a request for an article or version that
 * readers cannot see is answered here, before it can add an entry to the cache.
 */
async function unknownToReaders(pathname: string): Promise<boolean> {
  const edition = EDITION_PATH.exec(pathname);
  if (edition && !COLUMN_FILES.has(edition[1])) return !/^\d{4}-\d{2}-\d{2}$/.test(edition[1]) || !(await editionExists({ date: edition[1] }));
  const section = SECTION_PATH.exec(pathname);
  if (section) {
    const name = decoded(section[1]);
    return name === null || name.length > 60 || !(await sectionExists({ section: name }));
  }
  const match = ARTICLE_PATH.exec(pathname);
  if (!match) {
    const under = UNDER_ARTICLE.exec(pathname);
    return under ? !/^[a-z0-9-]{1,120}$/.test(under[1]) || !(await publicVersionRange({ slug: under[1] })) : false;
  }
  const [, slug, , version, from, to] = match;
  const range = /^[a-z0-9-]{1,120}$/.test(slug) ? await publicVersionRange({ slug }) : null;
  if (!range) return true;
  const inRange = (n: string | undefined) => n === undefined || (/^[1-9][0-9]{0,8}$/.test(n) && Number(n) >= range.first && Number(n) <= range.latest);
  return !inRange(version) || !inRange(from) || !inRange(to);
}

function decoded(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

async function targetExists(target: CachedTarget): Promise<boolean> {
  if (target.route === 'front' || target.route === 'editions' || target.route === 'about') return true;
  if (target.route === 'compare') return !(await unknownToReaders(target.path));
  return correctionsPageExists(target);
}

function notFoundResponse(request: NextRequest): NextResponse {
  // A path no route serves: Next answers with the not-found page and a 404, and caches nothing.
  return NextResponse.rewrite(new URL('/_errata/not-found', request.url));
}

/** A page of the proxy's own (no layout, no script), never kept by a cache. */
function plainPage(status: number, title: string, body: string, headers: Record<string, string> = {}): NextResponse {
  const html = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>${title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"></head>
<body style="font-family: Georgia, serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.6">
${body}</body></html>`;
  return new NextResponse(html, { status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...headers } });
}

/** The store cannot be reached, and what was asked for cannot be answered without it: try again shortly. */
function unavailablePage(): NextResponse {
  return plainPage(503, 'Briefly unavailable', `<h1>Briefly unavailable</h1>
<p>${UNAVAILABLE_MESSAGE}</p>`, { 'retry-after': String(UNAVAILABLE_RETRY_SECONDS) });
}

function withheldPage(slug: string, number: number, at: Date): NextResponse {
  const day = at.toISOString().slice(0, 10);
  return plainPage(
    410,
    'Version withheld',
    `<h1>Version ${number} is withheld</h1>
<p>The text of this version was withheld for legal reasons on <time datetime="${day}">${day}</time>.</p>
<p><a href="/articles/${slug}">Read the current version of the article</a>.</p>`,
  );
}

function isHttps(request: NextRequest): boolean {
  return request.nextUrl.protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https';
}

/**
 * A server action's request that is not one of our forms, or whose form has a field sent twice, is
 * refused here with a 400 before any action runs: otherwise Next's decoding fails with a 500, or one
 * check could read the first value and another the last. The action checks again.
 */
async function actionRequestRefusal(request: NextRequest): Promise<{ error: string; fields?: string[] } | null> {
  if (request.method !== 'POST') return null;
  if (!request.headers.has('next-action')) return formActionRefusal(request);
  const type = request.headers.get('content-type') ?? '';
  let form: FormData;
  try {
    form = /^multipart\/form-data/i.test(type) ? await request.clone().formData() : new FormData();
  } catch {
    form = new FormData();
  }
  // One root: a second "0" would be read by one decoder and not another.
  const problem = form.getAll('0').length > 1 ? repeatedFieldMessage(['0']) : actionRequestProblem(type, form.get('0'));
  if (problem) return { error: problem };
  // Named as the form names them, without the "_1_" prefix of React's encoding.
  const repeated = repeatedFields([...form.keys()]).map((name) => name.replace(/^_?\d+_/, ''));
  return repeated.length > 0 ? { error: repeatedFieldMessage(repeated), fields: repeated } : null;
}

let callable: Set<string> | undefined;

/** The server actions a client may name: the 'use server' exports, never the 'use cache' functions. */
function callableActions(): Set<string> {
  callable ??= readCallableActionIds();
  return callable;
}

/**
 * A form posted without JavaScript names its action in its fields (`$ACTION_ID_{id}`, or a
 * `$ACTION_REF_n` whose `$ACTION_n:0` field holds `{"id": …}`), and Next runs any server reference
 * it names, the 'use cache' functions included: refused here unless it is one of the actions
 * (scripts/server.mjs refuses the same for the Next-Action header).
 */
async function formActionRefusal(request: NextRequest): Promise<{ error: string } | null> {
  if (!/^multipart\/form-data/i.test(request.headers.get('content-type') ?? '')) return null;
  let form: FormData;
  try {
    form = await request.clone().formData();
  } catch {
    return null;
  }
  const named: string[] = [];
  for (const [key, value] of form.entries()) {
    const byId = /^\$ACTION_ID_(.+)$/.exec(key);
    if (byId) named.push(byId[1]);
    if (/^\$ACTION_\d+:0$/.test(key) && typeof value === 'string') {
      try {
        named.push(String((JSON.parse(value) as { id?: unknown }).id ?? ''));
      } catch {
        named.push('');
      }
    }
  }
  const allowed = callableActions();
  return named.some((id) => !allowed.has(id)) ? { error: 'This request is not one of the desk’s forms; reload the page and send the form again.' } : null;
}

/** A reader response's tags, for the HTTP caches in front (and cleared from anything else). */
function withCacheTags(pathname: string, response: NextResponse): NextResponse {
  const tags = tagsForPath(pathname);
  if (tags) {
    response.headers.set('Surrogate-Key', surrogateKeyHeader(tags));
    response.headers.set('Cache-Tag', cacheTagHeader(tags));
  }
  return response;
}

export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const https = isHttps(request);
  const refusal = await actionRequestRefusal(request);
  if (refusal) {
    const response = NextResponse.json(refusal, { status: 400 });
    for (const [k, v] of Object.entries(securityHeaders({ csp: readerCsp(DEV), https }))) response.headers.set(k, v);
    return response;
  }
  if (REWRITE_ONLY.test(pathname) || (await unlessDown(unknownToReaders(pathname), false))) {
    const response = notFoundResponse(request);
    for (const [k, v] of Object.entries(securityHeaders({ csp: readerCsp(DEV), https }))) response.headers.set(k, v);
    // Tagged too: once the article (or edition) exists, purging its tag drops a cached 404.
    return REWRITE_ONLY.test(pathname) ? response : withCacheTags(pathname, response);
  }
  const match = VERSION_PAGE.exec(pathname);
  if (match) {
    // Whether the version is withheld is never guessed: without the store, the answer is a 503.
    const at = await unlessDown<Date | null | 'unknown'>(withheldSince({ slug: match[1], number: Number(match[2]) }), 'unknown');
    if (at === 'unknown') {
      const response = unavailablePage();
      for (const [k, v] of Object.entries(securityHeaders({ csp: readerCsp(DEV), https }))) response.headers.set(k, v);
      return response;
    }
    if (at) {
      const response = withheldPage(match[1], Number(match[2]), at);
      for (const [k, v] of Object.entries(securityHeaders({ csp: readerCsp(DEV), https }))) response.headers.set(k, v);
      return withCacheTags(pathname, response);
    }
  }
  if (isDeskPath(pathname)) {
    // Next reads the nonce from the request's CSP header and puts it on its own scripts.
    const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
    const csp = deskCsp(nonce, process.env.NODE_ENV === 'development');
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set('x-nonce', nonce);
    requestHeaders.set('Content-Security-Policy', csp);
    const response = NextResponse.next({ request: { headers: requestHeaders } });
    for (const [k, v] of Object.entries(securityHeaders({ csp, https }))) response.headers.set(k, v);
    response.headers.set('Cache-Control', 'private, no-store');
    return response;
  }
  // Filters and comparisons with bounded, valid parameters are served from cached routes, once
  // their values are known to exist. A made-up filter gets a 404; a comparison of versions readers
  // cannot see goes to the uncached page, which explains what is wrong. Neither caches anything.
  const cached = cachedTargetFor(pathname, request.nextUrl.searchParams);
  const response = !cached
    ? NextResponse.next()
    : (await unlessDown(targetExists(cached), true))
      ? NextResponse.rewrite(new URL(cached.path, request.url))
      : cached.route === 'compare'
        ? NextResponse.next()
        : notFoundResponse(request);
  for (const [k, v] of Object.entries(securityHeaders({ csp: readerCsp(DEV), https }))) response.headers.set(k, v);
  if (isEmbedPath(pathname)) for (const [k, v] of Object.entries(embedCrossOriginHeaders())) response.headers.set(k, v);
  return withCacheTags(pathname, response);
}

export const config = {
  // Everything but Next's static assets.
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
