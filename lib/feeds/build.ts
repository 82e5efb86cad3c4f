// RSS 2.0, Atom 1.0 and JSON Feed 1.1 documents from feed entries, written by the `feed` library,
// with its escaping gaps closed here (each workaround says which gap).
import { Feed, type FeedOptions, type Item } from 'feed';
import { cleanText, escapeHtml, type FeedEntry, feedEntries, type FeedFormat, type FeedItem, type FeedMeta } from './items';

export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

/**
 * Plain text for an XML text node. `feed` hands text to xml-js, which escapes &, < and > but
 * first turns every "&amp;" back into "&" (to avoid double escaping), so literal "&amp;" in a title
 * would come out as "&". Doubling it here survives that round trip exactly.
 */
function xmlText(text: string): string {
  return cleanText(text).replace(/&amp;/g, '&amp;amp;');
}

/**
 * A value for an XML attribute. xml-js escapes only `"` in attributes and `feed` only `&`, so a
 * "<" would make the document ill-formed; a section name has no business holding one.
 */
function xmlAttribute(text: string): string {
  return cleanText(text).replace(/[<>]/g, '');
}

/**
 * RSS item titles: `feed` always wraps them in CDATA and splits only the first "]]>", and RSS
 * readers disagree on whether a title is HTML. The RSS Best Practices Profile's answer is plain
 * text with "&", "<" and ">" as hexadecimal character references, so each title is written that
 * way in place of a placeholder. The placeholder cannot occur elsewhere: every other text node
 * is escaped, so "<title><![CDATA[" appears only where `feed` wrote a title.
 */
function rssTitle(index: number): string {
  return `errata-rss-title-${index}`;
}

function rssTitleText(title: string): string {
  return cleanText(title).replace(/&/g, '&#x26;').replace(/</g, '&#x3C;').replace(/>/g, '&#x3E;');
}

interface Prepared {
  entries: FeedEntry[];
  updated: Date;
}

function prepare(meta: FeedMeta, items: readonly FeedItem[]): Prepared {
  const entries = feedEntries(items, meta.dates);
  // An empty feed still needs a fixed date: `feed` would write "now", changing the ETag every time.
  const updated = entries.reduce((latest, e) => (e.updatedAt > latest ? e.updatedAt : latest), meta.updated ?? new Date(0));
  return { entries, updated };
}

function options(meta: FeedMeta, updated: Date, text: (s: string) => string): FeedOptions {
  return {
    id: text(meta.id),
    title: text(meta.title),
    description: text(meta.description),
    link: meta.link,
    language: meta.language ?? 'en-GB',
    updated,
    generator: 'Errata',
    copyright: meta.copyright ? text(meta.copyright) : undefined,
    feedLinks: { ...meta.self },
    // RFC 4287 4.1.1: a feed whose entries have no author must name one itself.
    author: { name: text(meta.author ?? meta.title) },
  };
}

function item(e: FeedEntry, overrides: Partial<Item>): Item {
  return { id: e.id, link: e.link, title: e.title, date: e.updatedAt, published: e.publishedAt, ...overrides };
}

export function buildRss(meta: FeedMeta, items: readonly FeedItem[]): string {
  const { entries, updated } = prepare(meta, items);
  const feed = new Feed(options(meta, updated, xmlText));
  entries.forEach((e, i) => {
    // pubDate is the publication; RSS has no updated date, and the guid keeps the item the same item.
    // `feed` splits only the first "]]>" of a CDATA section; as HTML, "]]&gt;" reads the same.
    feed.addItem(item(e, { title: rssTitle(i), guid: xmlText(e.id), description: e.html.replaceAll(']]>', ']]&gt;'), category: e.category ? [{ name: xmlText(e.category) }] : undefined }));
  });
  let xml = feed.rss2();
  entries.forEach((e, i) => {
    xml = xml.replace(`<title><![CDATA[${rssTitle(i)}]]></title>`, () => `<title>${rssTitleText(e.title)}</title>`);
  });
  // `feed` repeats each description as content:encoded; one copy is enough and halves the feed.
  // A CDATA section split by `feed` reads "]]]]><![CDATA[>", never "]]></content:encoded>", so the
  // lazy match ends at the element's real end.
  return xml.replace(/\n\s*<content:encoded><!\[CDATA\[[\s\S]*?\]\]><\/content:encoded>/g, '');
}

export function buildAtom(meta: FeedMeta, items: readonly FeedItem[]): string {
  const { entries, updated } = prepare(meta, items);
  const feed = new Feed(options(meta, updated, xmlText));
  for (const e of entries) {
    // `feed` marks entry titles type="html", so the title is escaped as HTML (no "]]>" survives that).
    feed.addItem(item(e, { title: escapeHtml(e.title), content: e.html, category: e.category ? [{ term: xmlAttribute(e.category) }] : undefined }));
  }
  return feed.atom1();
}

/**
 * `feed` writes JSON Feed 1.0: the version becomes 1.1, the deprecated `author` becomes
 * `authors`, and the language is added (both new in 1.1).
 */
export function buildJsonFeed(meta: FeedMeta, items: readonly FeedItem[]): string {
  const { entries, updated } = prepare(meta, items);
  const feed = new Feed(options(meta, updated, cleanText));
  for (const e of entries) feed.addItem(item(e, { content: e.html, category: e.category ? [{ name: e.category }] : undefined }));
  const { version: _version, author, ...rest } = JSON.parse(feed.json1()) as Record<string, unknown>;
  const json = { version: 'https://jsonfeed.org/version/1.1', ...rest, language: meta.language ?? 'en-GB', authors: author ? [author] : undefined };
  return `${JSON.stringify(json, null, 2)}\n`;
}

export function buildFeed(format: FeedFormat, meta: FeedMeta, items: readonly FeedItem[]): string {
  if (format === 'rss') return buildRss(meta, items);
  if (format === 'atom') return buildAtom(meta, items);
  return buildJsonFeed(meta, items);
}
