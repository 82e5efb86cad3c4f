// Serves a feed: the right content type and Last-Modified, and 304 when the reader has it (the
// ETag, its 304 and Cache-Control are set for every reader response by scripts/server.mjs).
// Each feed's text is built once and cached ('use cache'), tagged like the pages that list the
// same corrections, until a write invalidates those tags (app/(cache)/invalidate.ts).
import 'server-only';
import { cacheLife, cacheTag } from 'next/cache';
import { readSections } from '@/app/(cache)/reads';
import { correctionFeed, editionFeed, type FeedScope } from '@/db/queries/feeds';
import { getSettings } from '@/db/queries/settings';
import { articleTag, COLUMN, CORRECTIONS, sectionTag, SITE } from '@/lib/cache/tags';
import { buildFeed, FEED_CONTENT_TYPES, type FeedFormat, feedEtag, type FeedMeta, isNotModified } from '@/lib/feeds';

/** A route param as text; a malformed escape stays as it came rather than failing the request. */
export function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

const FILES: Record<FeedFormat, string> = { rss: 'rss.xml', atom: 'atom.xml', json: 'feed.json' };

interface BuiltFeed {
  body: string;
  etag: string;
  lastModified: Date;
}

function built(body: string, lastModified: Date): BuiltFeed {
  return { body, etag: feedEtag(body), lastModified };
}

function respond(request: Request, format: FeedFormat, { body, etag, lastModified }: BuiltFeed): Response {
  const headers = { 'Last-Modified': lastModified.toUTCString() };
  if (isNotModified({ ifNoneMatch: request.headers.get('if-none-match'), ifModifiedSince: request.headers.get('if-modified-since') }, etag, lastModified)) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(body, { headers: { ...headers, 'Content-Type': FEED_CONTENT_TYPES[format] } });
}

function selfLinks(base: string): Record<FeedFormat, string> {
  return { rss: `${base}/${FILES.rss}`, atom: `${base}/${FILES.atom}`, json: `${base}/${FILES.json}` };
}

/** GET handler for a feed of corrections in one format; the scope comes from the route's params. */
export function correctionFeedRoute<P extends Record<string, string>>(format: FeedFormat, scopeOf: (params: P) => FeedScope) {
  return async function GET(request: Request, context: { params: Promise<P> }): Promise<Response> {
    const scope = scopeOf(await context.params);
    // A section readers have no articles in has no feed, and adds no cache entry of its own.
    const known = scope.kind !== 'section' || (await readSections()).includes(scope.section);
    const feed = known ? await cachedCorrectionFeed(format, scope) : null;
    if (!feed) return new Response('No such feed.\n', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
    return respond(request, format, feed);
  };
}

async function cachedCorrectionFeed(format: FeedFormat, scope: FeedScope): Promise<BuiltFeed | null> {
  'use cache';
  cacheLife('max');
  cacheTag(SITE, scope.kind === 'all' ? CORRECTIONS : scope.kind === 'section' ? sectionTag(scope.section) : articleTag(scope.slug));
  const settings = await getSettings();
  const data = await correctionFeed(scope, settings);
  if (!data.found) return null;
  const path = scope.kind === 'all' ? '/corrections' : scope.kind === 'section' ? `/sections/${encodeURIComponent(scope.section)}/corrections` : `/articles/${scope.slug}/corrections`;
  const page = scope.kind === 'article' ? `${settings.siteUrl}/articles/${scope.slug}` : scope.kind === 'section' ? `${settings.siteUrl}/sections/${encodeURIComponent(scope.section)}` : `${settings.siteUrl}/corrections`;
  const meta: FeedMeta = {
    id: `${settings.siteUrl}${path}`,
    title: `Corrections${scope.kind === 'section' ? ` in ${scope.section}` : scope.kind === 'article' ? ` to “${data.headline ?? scope.slug}”` : ''} — ${settings.publication}`,
    description: `Corrections, clarifications and notes published by ${settings.publication}.`,
    link: page,
    self: selfLinks(`${settings.siteUrl}${path}`),
    copyright: settings.publication,
    author: settings.publication,
  };
  return built(buildFeed(format, meta, data.entries), data.lastModified);
}

export function editionFeedRoute(format: FeedFormat) {
  return async function GET(request: Request): Promise<Response> {
    return respond(request, format, await cachedEditionFeed(format));
  };
}

async function cachedEditionFeed(format: FeedFormat): Promise<BuiltFeed> {
  'use cache';
  cacheLife('max');
  cacheTag(SITE, COLUMN);
  const settings = await getSettings();
  const data = await editionFeed(settings);
  const meta: FeedMeta = {
    id: `${settings.siteUrl}/for-the-record`,
    title: `${settings.columnName} — ${settings.publication}`,
    description: `Every edition of ${settings.publication}'s ${settings.columnName} column.`,
    link: `${settings.siteUrl}/for-the-record`,
    self: selfLinks(`${settings.siteUrl}/for-the-record`),
    copyright: settings.publication,
  };
  return built(buildFeed(format, meta, data.entries), data.lastModified);
}
