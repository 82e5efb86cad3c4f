import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { buildAtom, buildJsonFeed, buildRss, correctionEntry, type FeedEntry, type FeedMeta, feedEtag, isNotModified } from './index';

const meta: FeedMeta = {
  id: 'https://news.example/corrections',
  title: 'Corrections — The Saltmarsh Courier',
  description: 'Every correction we publish.',
  link: 'https://news.example/corrections',
  self: { rss: 'https://news.example/corrections/rss.xml', atom: 'https://news.example/corrections/atom.xml', json: 'https://news.example/corrections/feed.json' },
  copyright: 'The Saltmarsh Courier',
};

const NASTY = 'Tom & Jerry <script>alert("x")</script> said \'hi\'';

function entry(i: number, extra: Partial<Parameters<typeof correctionEntry>[0]> = {}): FeedEntry {
  return correctionEntry({
    guid: `https://news.example/corrections/${i}`,
    headline: `Story ${i}`,
    kindLabel: 'Correction',
    wording: i === 1 ? NASTY : `They actually lost ${i} seats.`,
    wrongWords: ['695 council seats & nine councils'],
    link: `https://news.example/articles/story-${i}#notice-${i}`,
    section: 'Politics',
    publishedAt: new Date(Date.UTC(2026, 10, 1, 12, i)),
    ...extra,
  });
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
const RFC822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

describe('RSS 2.0', () => {
  it('has the required elements, RFC 822 dates, a category and a stable guid per item', () => {
    const rss = parser.parse(buildRss(meta, [entry(1), entry(2)]));
    const channel = rss.rss.channel;
    expect(channel.title).toBe(meta.title);
    expect(channel.link).toBe(meta.link);
    expect(channel.description).toBe(meta.description);
    const items = Array.isArray(channel.item) ? channel.item : [channel.item];
    expect(items).toHaveLength(2);
    for (const item of items) {
      expect(String(item.guid['#text'] ?? item.guid)).toMatch(/^https:\/\/news\.example\/corrections\/\d$/);
      expect(item.pubDate).toMatch(RFC822);
      expect(item.category).toBe('Politics');
      expect(item.title).toMatch(/^Correction: Story \d$/);
    }
  });

  it('keeps &, < and quotes in wording as text, never markup', () => {
    const xml = buildRss(meta, [entry(1)]);
    expect(xml).not.toContain('<script>');
    const item = parser.parse(xml).rss.channel.item;
    expect(String(item.description)).toContain('Tom &amp; Jerry &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(String(item.description)).toContain('695 council seats &amp; nine councils');
  });

  it('carries only the newest 50', () => {
    const items = parser.parse(buildRss(meta, Array.from({ length: 60 }, (_, i) => entry(i + 1)))).rss.channel.item;
    expect(items).toHaveLength(50);
    expect(items[0].title).toBe('Correction: Story 60');
  });
});

describe('Atom 1.0', () => {
  it('has id, title, updated; entries with id, title, updated, published and link in RFC 3339', () => {
    const atom = parser.parse(buildAtom(meta, [entry(1), entry(2)])).feed;
    expect(atom.id).toBe(meta.id);
    expect(atom.title).toBe(meta.title);
    expect(atom.updated).toMatch(RFC3339);
    for (const e of atom.entry) {
      expect(e.id).toMatch(/^https:\/\/news\.example\/corrections\/\d$/);
      expect(e.updated).toMatch(RFC3339);
      expect(e.published).toMatch(RFC3339);
      expect(e.link['@href']).toMatch(/#notice-\d$/);
    }
  });

  it('updates a withdrawn entry rather than removing it', () => {
    const withdrawnAt = new Date(Date.UTC(2026, 10, 5));
    const atom = parser.parse(buildAtom(meta, [entry(1, { withdrawn: { at: withdrawnAt, reason: 'The first count was right.' } })])).feed;
    expect(atom.entry.id).toBe('https://news.example/corrections/1');
    expect(atom.entry.updated).toBe(withdrawnAt.toISOString());
    expect(atom.entry.published).toBe(new Date(Date.UTC(2026, 10, 1, 12, 1)).toISOString());
    expect(atom.entry.title['#text'] ?? atom.entry.title).toBe('Withdrawn Correction: Story 1');
    expect(atom.updated).toBe(withdrawnAt.toISOString());
  });
});

describe('JSON Feed 1.1', () => {
  it('has the spec’s required fields and RFC 3339 dates', () => {
    const json = JSON.parse(buildJsonFeed(meta, [entry(1), entry(2)]));
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(json.title).toBe(meta.title);
    expect(json.home_page_url).toBe(meta.link);
    expect(json.feed_url).toBe(meta.self.json);
    for (const item of json.items) {
      expect(typeof item.id).toBe('string');
      expect(item.url).toMatch(/#notice-\d$/);
      expect(item.date_published).toMatch(RFC3339);
      expect(item.date_modified).toMatch(RFC3339);
    }
    expect(json.items.find((i: { id: string }) => i.id.endsWith('/1')).content_html).toContain('&lt;script&gt;');
  });
});

describe('conditional requests', () => {
  const etag = feedEtag('body');
  const modified = new Date('2026-11-01T12:00:00.500Z');

  it('answers 304 to a matching If-None-Match, weak or strong, or *', () => {
    expect(isNotModified({ ifNoneMatch: etag }, etag, modified)).toBe(true);
    expect(isNotModified({ ifNoneMatch: `W/${etag}` }, etag, modified)).toBe(true);
    expect(isNotModified({ ifNoneMatch: `"other", ${etag}` }, etag, modified)).toBe(true);
    expect(isNotModified({ ifNoneMatch: '*' }, etag, modified)).toBe(true);
    expect(isNotModified({ ifNoneMatch: '"other"' }, etag, modified)).toBe(false);
  });

  it('lets If-None-Match win over If-Modified-Since, which compares whole seconds', () => {
    expect(isNotModified({ ifNoneMatch: '"other"', ifModifiedSince: modified.toUTCString() }, etag, modified)).toBe(false);
    expect(isNotModified({ ifModifiedSince: modified.toUTCString() }, etag, modified)).toBe(true);
    expect(isNotModified({ ifModifiedSince: new Date('2026-11-01T11:59:59Z').toUTCString() }, etag, modified)).toBe(false);
    expect(isNotModified({ ifModifiedSince: 'not a date' }, etag, modified)).toBe(false);
  });

  it('changes the ETag when the body changes', () => {
    expect(feedEtag('a')).not.toBe(feedEtag('b'));
  });
});
