import { describe, expect, it } from 'vitest';
import { columnPlainText } from '../wording/column-text';
import { buildAtom, buildRss } from './build';
import { correctionEntry, editionItems, feedEntries, feedLastModified } from './items';
import { type AtomDoc, correction, htmlToText, list, meta, parseXml, SITE, text } from './test-fixtures';

const settings = { columnName: 'For the Record', timeZone: 'Europe/London', locale: 'en-GB', contactLine: 'Write to us.', publication: 'The Kestrel Bay Chronicle', siteUrl: SITE, readersEditorEmail: null };

describe('column editions as feed items', () => {
  const edition = {
    date: '2011-05-15',
    link: `${SITE}/for-the-record/2011-05-15`,
    publishedAt: new Date('2011-05-15T08:00:00Z'),
    text: columnPlainText({ date: '2011-05-15', intro: 'This week: Tom & Jerry.', items: ['One <item>.', 'Two.'], alsoAmended: [] }, settings),
  };

  it('titles each edition with the column and long date, content the edition’s text', () => {
    const [entry] = editionItems([edition], settings);
    expect(entry.title).toBe('For the Record, Sunday 15 May 2011');
    expect(entry.id).toBe(edition.link);
    expect(entry.publishedAt).toEqual(edition.publishedAt);
    expect(entry.html).toContain('<p>This week: Tom &amp; Jerry.</p>');
    expect(entry.html).toContain('<p>FOR THE RECORD<br>Sunday 15 May 2011</p>');
  });

  it('goes through the same builders as corrections', () => {
    const feed = parseXml(buildAtom({ ...meta, title: 'For the Record — The Kestrel Bay Chronicle' }, editionItems([edition], settings))).feed as AtomDoc;
    const e = list(feed.entry)[0];
    expect(text(e.title)).toBe('For the Record, Sunday 15 May 2011');
    expect(htmlToText(text(e.content))).toContain('One <item>. Two. Write to us.');
    expect(list(parseXml(buildRss(meta, editionItems([edition], settings))).rss?.channel.item)).toHaveLength(1);
  });
});

describe('feed entries', () => {
  it('turns the desk’s correction shape into the same entry', () => {
    const entry = correctionEntry({
      guid: 'urn:kestrel:correction:7',
      headline: 'Council results',
      kindLabel: 'Correction',
      wording: 'It was 842.',
      wrongWords: ['695', 'nine'],
      link: `${SITE}/articles/council#notice-7`,
      section: 'Politics',
      publishedAt: new Date('2026-05-04T09:00:00Z'),
    });
    expect(entry.title).toBe('Correction: Council results');
    expect(entry.html).toBe('<p>It was 842.</p>\n<p>The article said: “695”; “nine”</p>');
    expect(entry.updatedAt).toEqual(entry.publishedAt);
  });

  it('writes the withdrawal date in the newsroom’s zone', () => {
    const at = new Date('2026-05-06T23:30:00Z');
    const [london] = feedEntries([correction(1, { withdrawn: { at, reason: 'x' } })]);
    const [ny] = feedEntries([correction(1, { withdrawn: { at, reason: 'x' } })], { timeZone: 'America/New_York', locale: 'en-GB' });
    expect(london.html).toContain('Withdrawn on 7 May 2026:');
    expect(ny.html).toContain('Withdrawn on 6 May 2026:');
  });

  it('leaves out empty wrong words', () => {
    expect(feedEntries([correction(1, { wrongWords: [' ', ''] })])[0].html).not.toContain('The article said');
  });

  it('refuses an id or link that is not an absolute URI, rather than write a feed readers cannot key', () => {
    expect(() => feedEntries([correction(1, { id: 'correction-1' })])).toThrow(/absolute URI/);
    expect(() => feedEntries([correction(1, { link: '/articles/x' })])).toThrow(/absolute URI/);
    expect(feedEntries([correction(1, { id: 'tag:kestrel.example,2026:correction/1' })])[0].id).toBe('tag:kestrel.example,2026:correction/1');
  });

  it('knows when the feed last changed: the newest publication or withdrawal it carries', () => {
    const at = new Date('2026-05-09T10:00:00Z');
    expect(feedLastModified([correction(1), correction(2)])).toEqual(correction(2).publishedAt);
    expect(feedLastModified([correction(1, { withdrawn: { at, reason: 'x' } }), correction(2)])).toEqual(at);
    expect(feedLastModified([])).toEqual(new Date(0));
  });
});
