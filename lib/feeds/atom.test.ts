import { describe, expect, it } from 'vitest';
import { buildAtom } from './build';
import { type AtomDoc, correction, htmlToText, list, meta, NASTY, parseXml, RFC3339, text } from './test-fixtures';

function atom(xml: string): AtomDoc {
  const doc = parseXml(xml).feed;
  if (!doc) throw new Error('no <feed>');
  expect(doc['@xmlns']).toBe('http://www.w3.org/2005/Atom');
  return doc;
}

describe('Atom 1.0', () => {
  it('has the feed’s id, title, updated, author and self and alternate links', () => {
    const feed = atom(buildAtom(meta, [correction(1)]));
    expect(feed.id).toBe(meta.id);
    expect(text(feed.title)).toBe(meta.title);
    expect(feed.updated).toMatch(RFC3339);
    expect(feed.author.name).toBe('The Kestrel Bay Chronicle');
    const links = list(feed.link);
    expect(links.find((l) => l['@rel'] === 'self')?.['@href']).toBe(meta.self.atom);
    expect(links.find((l) => l['@rel'] === 'alternate')?.['@href']).toBe(meta.link);
  });

  it('gives entries id, title, updated, published, link and category, dates in RFC 3339', () => {
    const entries = list(atom(buildAtom(meta, [correction(1), correction(2)])).entry);
    expect(entries).toHaveLength(2);
    for (const e of entries) {
      expect(e.id).toMatch(/^urn:kestrel:correction:\d$/);
      expect(text(e.title)).toMatch(/^Correction: Council results story \d$/);
      expect(e.updated).toMatch(RFC3339);
      expect(e.published).toMatch(RFC3339);
      expect(list(e.link)[0]['@href']).toMatch(/#notice-\d$/);
      expect(list(e.category).map((c) => c['@term'])).toEqual(['Politics']);
    }
    expect(entries[1].published).toBe('2026-05-04T09:01:00.000Z');
  });

  it('escapes the title and content it marks type="html", so neither can carry markup', () => {
    const xml = buildAtom(meta, [correction(1, { title: `Correction: ${NASTY}`, wording: NASTY, wrongWords: 'a ]]> b ]]> c' })]);
    expect(xml).not.toContain('<script>');
    const e = list(atom(xml).entry)[0];
    expect(text(e.title)).toBe('Correction: Tom &amp; Jerry &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; said &#39;hi&#39;');
    expect(htmlToText(text(e.title))).toBe(`Correction: ${NASTY}`);
    expect(htmlToText(text(e.content))).toBe(`${NASTY} The article said: “a ]]> b ]]> c”`);
  });

  it('keeps a category with "<" or "&" in it well formed', () => {
    const e = list(atom(buildAtom(meta, [correction(1, { section: 'Arts & <Books>' })])).entry)[0];
    expect(list(e.category).map((c) => c['@term'])).toEqual(['Arts & Books']);
  });

  it('updates a withdrawn entry rather than dropping it: same id, later updated, same published', () => {
    const at = new Date('2026-05-06T10:00:00Z');
    const before = list(atom(buildAtom(meta, [correction(1)])).entry)[0];
    const feed = atom(buildAtom(meta, [correction(1, { withdrawn: { at, reason: 'The first count was right.' }, updatedAt: at })]));
    const after = list(feed.entry)[0];
    expect(after.id).toBe(before.id);
    expect(after.published).toBe(before.published);
    expect(before.updated).toBe('2026-05-04T09:01:00.000Z');
    expect(after.updated).toBe('2026-05-06T10:00:00.000Z');
    expect(feed.updated).toBe('2026-05-06T10:00:00.000Z');
    expect(htmlToText(text(after.content))).toMatch(/^Withdrawn on 6 May 2026: The first count was right\./);
  });

  it('takes the withdrawal date as updated even if updatedAt lags behind it', () => {
    const at = new Date('2026-05-07T08:00:00Z');
    expect(list(atom(buildAtom(meta, [correction(1, { withdrawn: { at, reason: '' } })])).entry)[0].updated).toBe(at.toISOString());
  });

  it('never dates the feed before what it carries, nor "now" when empty', () => {
    expect(atom(buildAtom({ ...meta, updated: new Date('2020-01-01T00:00:00Z') }, [correction(3)])).updated).toBe('2026-05-04T09:03:00.000Z');
    expect(atom(buildAtom({ ...meta, updated: new Date('2027-01-01T00:00:00Z') }, [correction(3)])).updated).toBe('2027-01-01T00:00:00.000Z');
    expect(atom(buildAtom(meta, [])).updated).toBe('1970-01-01T00:00:00.000Z');
  });

  it('carries at most 50 entries', () => {
    expect(list(atom(buildAtom(meta, Array.from({ length: 51 }, (_, i) => correction(i)))).entry)).toHaveLength(50);
  });
});
