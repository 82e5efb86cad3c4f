// Feeds of corrections and of column editions: RSS 2.0, Atom 1.0 and JSON Feed 1.1, built with
// the `feed` library, plus the conditional-request rules (ETag, Last-Modified, 304).
import { createHash } from 'node:crypto';
import { Feed } from 'feed';

export type FeedFormat = 'rss' | 'atom' | 'json';

export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

export const FEED_LIMIT = 50;

export interface FeedMeta {
  id: string;
  title: string;
  description: string;
  /** The page the feed belongs to. */
  link: string;
  /** This feed's own address in each format. */
  self: Record<FeedFormat, string>;
  language?: string;
  copyright: string;
}

export interface FeedEntry {
  /** A GUID that never changes, e.g. the correction's permanent URL. */
  id: string;
  title: string;
  link: string;
  /** HTML; built from escaped text only. */
  html: string;
  publishedAt: Date;
  /** Later than publishedAt when the entry changed (a withdrawal). */
  updatedAt: Date;
  category?: string;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export interface CorrectionEntryInput {
  guid: string;
  headline: string;
  kindLabel: string;
  wording: string;
  wrongWords: string[];
  link: string;
  section: string;
  publishedAt: Date;
  withdrawn?: { at: Date; reason: string };
}

/** A correction as a feed entry: the article and kind in the title, the wording, the wrong words. */
export function correctionEntry(c: CorrectionEntryInput): FeedEntry {
  const parts = [`<p>${escapeHtml(c.wording)}</p>`];
  if (c.wrongWords.length) parts.push(`<p>The article said: ${c.wrongWords.map((w) => `“${escapeHtml(w)}”`).join(', ')}</p>`);
  if (c.withdrawn) parts.push(`<p><strong>Withdrawn</strong> on ${c.withdrawn.at.toISOString().slice(0, 10)}: ${escapeHtml(c.withdrawn.reason)}</p>`);
  return {
    id: c.guid,
    title: `${c.withdrawn ? 'Withdrawn ' : ''}${c.kindLabel}: ${c.headline}`,
    link: c.link,
    html: parts.join(''),
    publishedAt: c.publishedAt,
    updatedAt: c.withdrawn?.at ?? c.publishedAt,
    category: c.section,
  };
}

function build(meta: FeedMeta, entries: FeedEntry[]): Feed {
  const newest = [...entries].sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime()).slice(0, FEED_LIMIT);
  const updated = newest.reduce((latest, e) => (e.updatedAt > latest ? e.updatedAt : latest), new Date(0));
  const feed = new Feed({
    id: meta.id,
    title: meta.title,
    description: meta.description,
    link: meta.link,
    language: meta.language ?? 'en-GB',
    updated: newest.length ? updated : new Date(0),
    generator: 'Errata',
    copyright: meta.copyright,
    feedLinks: meta.self,
  });
  for (const e of newest) {
    feed.addItem({
      id: e.id,
      guid: e.id,
      title: e.title,
      link: e.link,
      content: e.html,
      description: e.html,
      date: e.updatedAt,
      published: e.publishedAt,
      category: e.category ? [{ name: e.category, term: e.category }] : undefined,
    });
  }
  return feed;
}

export function buildRss(meta: FeedMeta, entries: FeedEntry[]): string {
  return build(meta, entries).rss2();
}

export function buildAtom(meta: FeedMeta, entries: FeedEntry[]): string {
  return build(meta, entries).atom1();
}

/** `feed` writes JSON Feed 1.0; 1.1 renames the version and replaces `author` with `authors`. */
export function buildJsonFeed(meta: FeedMeta, entries: FeedEntry[]): string {
  const json = JSON.parse(build(meta, entries).json1()) as Record<string, unknown>;
  json.version = 'https://jsonfeed.org/version/1.1';
  json.language = meta.language ?? 'en-GB';
  delete json.author;
  return JSON.stringify(json, null, 2);
}

export function buildFeed(format: FeedFormat, meta: FeedMeta, entries: FeedEntry[]): string {
  return format === 'rss' ? buildRss(meta, entries) : format === 'atom' ? buildAtom(meta, entries) : buildJsonFeed(meta, entries);
}

/** A strong ETag over the exact bytes served. */
export function feedEtag(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

/**
 * RFC 9110: If-None-Match, when present, decides (weak comparison, "*" matches); otherwise
 * If-Modified-Since, compared at one-second precision.
 */
export function isNotModified(request: { ifNoneMatch?: string | null; ifModifiedSince?: string | null }, etag: string, lastModified: Date): boolean {
  if (request.ifNoneMatch) {
    const weak = (tag: string) => tag.trim().replace(/^W\//, '');
    return request.ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || weak(tag) === weak(etag));
  }
  if (request.ifModifiedSince) {
    const since = Date.parse(request.ifModifiedSince);
    return !Number.isNaN(since) && Math.floor(lastModified.getTime() / 1000) <= Math.floor(since / 1000);
  }
  return false;
}
