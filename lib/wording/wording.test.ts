import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../settings';
import { claimForPrint, columnItemWording, columnPlainText, formatDateTime, formatLongDate, formatShortDate, isoDateInZone, noticeText, orderColumnItems, possessivePublication, quoteHeadline } from './index';

const settings = { ...DEFAULT_SETTINGS, publication: 'The Saltmarsh Courier', columnName: 'For the Record' };
const article = { headline: 'Alliance routed in local elections', section: 'Politics', firstPublishedAt: new Date('2026-05-03T21:00:00Z') };

describe('dates', () => {
  it('writes UK house style in the newsroom zone', () => {
    expect(formatLongDate(new Date('2011-05-15T12:00:00Z'), settings)).toBe('Sunday 15 May 2011');
    expect(formatShortDate(new Date('2011-05-15T23:30:00Z'), settings)).toBe('16 May 2011');
    expect(formatDateTime(new Date('2011-05-15T13:05:00Z'), settings)).toBe('15 May 2011, 14:05 BST');
    expect(isoDateInZone(new Date('2011-05-15T23:30:00Z'), 'Europe/London')).toBe('2011-05-16');
  });
});

describe('notices', () => {
  const base = { kind: 'correction' as const, mode: 'amend' as const, wording: 'They actually lost 842 council seats and 11 councils', publishedAt: new Date('2026-05-04T09:00:00Z') };

  it('says when an article was amended', () => {
    expect(noticeText({ ...base, amendedAt: new Date('2026-05-04T09:00:00Z') }, settings)).toBe('This article was amended on 4 May 2026. They actually lost 842 council seats and 11 councils.');
  });

  it('names the column once printed', () => {
    expect(noticeText({ ...base, printedIn: { date: '2026-05-10' } }, settings)).toBe(
      'The following correction was printed in the Saltmarsh Courier’s For the Record column, Sunday 10 May 2026. They actually lost 842 council seats and 11 councils.',
    );
  });

  it('keeps a withdrawn correction visible with its reason', () => {
    const text = noticeText({ ...base, mode: 'notice', withdrawn: { at: new Date('2026-05-05T09:00:00Z'), reason: 'The first count was right' } }, settings);
    expect(text).toBe('Correction, 4 May 2026: They actually lost 842 council seats and 11 councils. This correction was withdrawn on 5 May 2026: The first count was right.');
  });

  it('handles publication names with and without "The"', () => {
    expect(possessivePublication('The Saltmarsh Courier')).toBe('the Saltmarsh Courier’s');
    expect(possessivePublication('Harbour News')).toBe('Harbour News’s');
  });
});

describe('column items', () => {
  it('prints the example: what the article said and what is right', () => {
    const text = columnItemWording({ kind: 'correction', wording: 'They actually lost 842 council seats and 11 councils.', claims: [{ exact: '695 council seats and nine councils', replacement: '842 council seats and 11 councils' }], article }, settings);
    expect(text).toBe('“Alliance routed in local elections” (Politics, 3 May 2026) said 695 council seats and nine councils. They actually lost 842 council seats and 11 councils.');
  });

  it('has a shape for a misspelled name', () => {
    const text = columnItemWording({ kind: 'correction', wording: 'Her name is Ólafsdóttir.', claims: [{ exact: 'Olafsdottir', replacement: 'Ólafsdóttir' }], article }, settings);
    expect(text).toBe('We misspelled Ólafsdóttir as Olafsdottir in “Alliance routed in local elections” (Politics, 3 May 2026).');
  });

  it('has a shape for each other kind', () => {
    const make = (kind: 'clarification' | 'editors_note' | 'update' | 'retraction') => columnItemWording({ kind, wording: 'the vote was close', claims: [{ exact: 'a landslide' }], article }, settings);
    expect(make('clarification')).toBe('To clarify: “Alliance routed in local elections” (Politics, 3 May 2026) said a landslide. The vote was close.');
    expect(make('editors_note')).toBe('Editor’s note: The vote was close, about “Alliance routed in local elections” (Politics, 3 May 2026).');
    expect(make('update')).toBe('An update to “Alliance routed in local elections” (Politics, 3 May 2026): The vote was close.');
    expect(make('retraction')).toBe('We have retracted “Alliance routed in local elections” (Politics, 3 May 2026). The vote was close.');
  });

  it('nests quotes in a headline, never doubles a full stop, and shortens a very long claim', () => {
    expect(quoteHeadline('Mayor says “no” to pier')).toBe('“Mayor says ‘no’ to pier”');
    expect(quoteHeadline('Mayor says "no" to pier')).toBe('“Mayor says ‘no’ to pier”');
    const text = columnItemWording({ kind: 'correction', wording: 'It was 842.', claims: [{ exact: 'it was 695.' }], article }, settings);
    expect(text).not.toContain('..');
    expect(text).toContain('said it was 695. It was 842.');
    const long = claimForPrint('word '.repeat(80));
    expect(long.length).toBeLessThanOrEqual(201);
    expect(long.endsWith('…')).toBe(true);
    expect(long).not.toMatch(/\s…$/);
  });

  it('orders by section, then publication time', () => {
    const items = [
      { section: 'Sport', publishedAt: new Date(1), id: 1 },
      { section: 'Politics', publishedAt: new Date(3), id: 2 },
      { section: 'Politics', publishedAt: new Date(2), id: 3 },
    ];
    expect(orderColumnItems(items).map((i) => i.id)).toEqual([3, 2, 1]);
  });

  it('writes the edition as plain text with the trailer and footer', () => {
    const text = columnPlainText({ date: '2026-05-10', intro: 'Corrections this week.', items: ['One.', 'Two.'], alsoAmended: ['Pier "saved"'], footer: 'Write to us.' }, settings);
    expect(text).toBe('FOR THE RECORD\nSunday 10 May 2026\n\nCorrections this week.\n\nOne.\n\nTwo.\n\nOther recently amended articles include: “Pier ‘saved’”.\n\nWrite to us.\n');
  });
});
