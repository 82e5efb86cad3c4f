import { describe, expect, it } from 'vitest';
import { buildJsonFeed } from './build';
import { correction, htmlToText, meta, NASTY, RFC3339 } from './test-fixtures';

interface JsonFeedItem {
  id: string;
  url: string;
  title: string;
  content_html: string;
  date_published: string;
  date_modified: string;
  tags: string[];
}

function parse(body: string): Record<string, unknown> & { items: JsonFeedItem[] } {
  return JSON.parse(body);
}

describe('JSON Feed 1.1', () => {
  it('has the spec’s required fields and the home page and feed URLs', () => {
    const feed = parse(buildJsonFeed(meta, [correction(1), correction(2)]));
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.title).toBe(meta.title);
    expect(feed.home_page_url).toBe(meta.link);
    expect(feed.feed_url).toBe(meta.self.json);
    expect(feed.language).toBe('en-GB');
    // 1.1 replaces the deprecated author with authors.
    expect(feed.author).toBeUndefined();
    expect(feed.authors).toEqual([{ name: 'The Kestrel Bay Chronicle' }]);
    expect(Array.isArray(feed.items)).toBe(true);
  });

  it('gives each item a string id, a URL, content and RFC 3339 dates', () => {
    for (const item of parse(buildJsonFeed(meta, [correction(1), correction(2)])).items) {
      expect(typeof item.id).toBe('string');
      expect(item.id).toMatch(/^urn:kestrel:correction:\d$/);
      expect(item.url).toMatch(/#notice-\d$/);
      expect(typeof item.content_html).toBe('string');
      expect(item.date_published).toMatch(RFC3339);
      expect(item.date_modified).toMatch(RFC3339);
      expect(item.tags).toEqual(['Politics']);
    }
  });

  it('keeps the title plain text and the HTML content escaped', () => {
    const [item] = parse(buildJsonFeed(meta, [correction(1, { title: `Correction: ${NASTY}`, wording: NASTY })])).items;
    expect(item.title).toBe(`Correction: ${NASTY}`);
    expect(item.content_html).not.toContain('<script>');
    expect(htmlToText(item.content_html)).toContain(NASTY);
  });

  it('moves date_modified on when a correction is withdrawn', () => {
    const at = new Date('2026-05-06T10:00:00Z');
    const [item] = parse(buildJsonFeed(meta, [correction(1, { withdrawn: { at, reason: 'The first count was right.' }, updatedAt: at })])).items;
    expect(item.date_published).toBe('2026-05-04T09:01:00.000Z');
    expect(item.date_modified).toBe(at.toISOString());
    expect(item.title).toMatch(/\(withdrawn\)$/);
  });

  it('carries at most 50 items, newest first', () => {
    const items = parse(buildJsonFeed(meta, Array.from({ length: 55 }, (_, i) => correction(i)))).items;
    expect(items).toHaveLength(50);
    expect(items[0].id).toBe('urn:kestrel:correction:54');
  });
});
