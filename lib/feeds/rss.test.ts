import { describe, expect, it } from 'vitest';
import { buildRss } from './build';
import { correction, htmlToText, list, meta, NASTY, parseXml, RFC822, type RssDoc, text } from './test-fixtures';

function channel(xml: string): RssDoc['channel'] {
  const doc = parseXml(xml).rss;
  if (!doc) throw new Error('no <rss>');
  expect(doc['@version']).toBe('2.0');
  return doc.channel;
}

describe('RSS 2.0', () => {
  it('has the channel’s required elements and a self link', () => {
    const c = channel(buildRss(meta, [correction(1)]));
    expect(c.title).toBe(meta.title);
    expect(c.link).toBe(meta.link);
    expect(c.description).toBe(meta.description);
    expect(c.language).toBe('en-GB');
    expect(c.lastBuildDate).toMatch(RFC822);
    expect(c['atom:link']['@href']).toBe(meta.self.rss);
    expect(c['atom:link']['@rel']).toBe('self');
  });

  it('gives every item a stable guid, RFC 822 pubDate, category, link and the article’s words', () => {
    const items = list(channel(buildRss(meta, [correction(1), correction(2)])).item);
    expect(items).toHaveLength(2);
    for (const item of items) {
      expect(text(item.guid)).toMatch(/^urn:kestrel:correction:\d$/);
      expect(typeof item.guid === 'object' && item.guid['@isPermaLink']).toBe('false');
      expect(item.pubDate).toMatch(RFC822);
      expect(list(item.category).map(text)).toEqual(['Politics']);
      expect(item.link).toMatch(/^https:\/\/kestrel\.example\/articles\/local-elections-\d#notice-\d$/);
      expect(text(item.title)).toMatch(/^Correction: Council results story \d$/);
      expect(htmlToText(item.description)).toBe('They actually lost 842 council seats and 11 councils. The article said: “lost 695 council seats and nine councils”');
    }
    expect(items[0].pubDate).toBe('Mon, 04 May 2026 09:02:00 GMT');
  });

  it('keeps &, < and quotes as text in titles and content, never markup', () => {
    const xml = buildRss(meta, [correction(1, { title: `Correction: ${NASTY}`, wording: NASTY, wrongWords: ['R&D <b>budget</b>', '"quoted" ]]> twice ]]>'] })]);
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain('<b>');
    const item = list(channel(xml).item)[0];
    // The title is plain text, its specials as hexadecimal references (RSS Best Practices Profile).
    expect(xml).toContain('<title>Correction: Tom &#x26; Jerry &#x3C;script&#x3E;alert("x")&#x3C;/script&#x3E; said \'hi\'</title>');
    expect(text(item.title)).toBe(`Correction: ${NASTY}`);
    // The description is HTML whose text is the wording exactly.
    expect(item.description).toContain('Tom &amp; Jerry &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(htmlToText(item.description)).toContain(NASTY);
    expect(htmlToText(item.description)).toContain('The article said: “R&D <b>budget</b>”; “"quoted" ]]> twice ]]>”');
  });

  it('writes a title with "]]>" in it twice as well-formed XML', () => {
    const title = 'Correction: a ]]> b ]]> c';
    expect(text(list(channel(buildRss(meta, [correction(1, { title })])).item)[0].title)).toBe(title);
  });

  it('survives the library turning a literal "&amp;" into "&"', () => {
    const c = channel(buildRss({ ...meta, title: 'R&amp;D desk & more' }, [correction(1, { section: 'Arts &amp; Books' })]));
    expect(c.title).toBe('R&amp;D desk & more');
    expect(list(list(c.item)[0].category).map(text)).toEqual(['Arts &amp; Books']);
  });

  it('drops characters XML cannot carry', () => {
    const xml = buildRss(meta, [correction(1, { title: 'Correction:\u0000 bell\u0007', wording: 'Form\u000cfeed' })]);
    const item = list(channel(xml).item)[0];
    expect(text(item.title)).toBe('Correction: bell');
    expect(htmlToText(item.description)).toContain('Formfeed');
  });

  it('carries only the newest 50, newest first', () => {
    const many = Array.from({ length: 60 }, (_, i) => correction(i + 1));
    const items = list(channel(buildRss(meta, [...many].reverse())).item);
    expect(items).toHaveLength(50);
    expect(text(items[0].title)).toBe('Correction: Council results story 60');
    expect(text(items[49].title)).toBe('Correction: Council results story 11');
  });

  it('keeps a withdrawn correction, says so first, and moves lastBuildDate on', () => {
    const at = new Date('2026-05-06T10:00:00Z');
    const c = channel(buildRss(meta, [correction(1, { withdrawn: { at, reason: 'The first count was right & final' }, updatedAt: at }), correction(2)]));
    const withdrawn = list(c.item).find((i) => text(i.guid) === 'urn:kestrel:correction:1');
    expect(text(withdrawn?.title)).toBe('Correction: Council results story 1 (withdrawn)');
    expect(htmlToText(withdrawn?.description ?? '')).toMatch(/^Withdrawn on 6 May 2026: The first count was right & final They actually lost/);
    expect(withdrawn?.pubDate).toBe('Mon, 04 May 2026 09:01:00 GMT');
    expect(c.lastBuildDate).toBe(at.toUTCString());
  });

  it('is the same document for the same input, even when empty', () => {
    expect(buildRss(meta, [correction(1)])).toBe(buildRss(meta, [correction(1)]));
    const empty = buildRss(meta, []);
    expect(empty).toBe(buildRss(meta, []));
    expect(channel(empty).item).toBeUndefined();
  });
});

describe('RSS size', () => {
  it('carries each item’s HTML once, in description, and stays well-formed when it holds "]]>"', async () => {
    const { buildRss } = await import('./build');
    const { XMLValidator } = await import('fast-xml-parser');
    const html = '<p>Tricky ]]> text ]]> twice</p>';
    const xml = buildRss(
      { id: 'https://news.example/c', title: 'T', description: 'D', link: 'https://news.example/c', self: { rss: 'https://news.example/c/rss.xml', atom: 'https://news.example/c/atom.xml', json: 'https://news.example/c/feed.json' } },
      [{ id: 'https://news.example/c/1', title: 'One', link: 'https://news.example/a#n1', html, publishedAt: new Date(0), updatedAt: new Date(0) }],
    );
    expect(xml).not.toContain('<content:encoded>');
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('<description>');
  });
});
