import { describe, expect, it } from 'vitest';
import { citedVersions, claimForReaders, formatCites, isPublicArticle, isReadableVersion, itemForReaders, saidForReaders, WITHHELD_ITEM, WITHHELD_WORDS } from './public';

const published = { status: 'published', firstPublicVersion: 2 };

describe('the public view of the record', () => {
  it('hides drafts and never-published articles', () => {
    expect(isPublicArticle({ status: 'draft', firstPublicVersion: null })).toBe(false);
    expect(isPublicArticle({ status: 'withdrawn', firstPublicVersion: null })).toBe(false);
    expect(isPublicArticle({ status: 'withdrawn', firstPublicVersion: 1 })).toBe(true);
  });

  it('reads no desk draft before first publication and no withheld version', () => {
    expect(isReadableVersion({ number: 1, withheld: false }, published)).toBe(false);
    expect(isReadableVersion({ number: 2, withheld: false }, published)).toBe(true);
    expect(isReadableVersion({ number: 2, withheld: true }, published)).toBe(false);
    expect(isReadableVersion({ number: 2, withheld: false }, { status: 'draft', firstPublicVersion: 2 })).toBe(false);
  });

  it('blanks every word of a claim on an unreadable version', () => {
    const claim = { id: 1, exact: 'secret words', prefix: 'before ', suffix: ' after', replacement: 'new words', start: 4, end: 16 };
    expect(claimForReaders(claim, true)).toBe(claim);
    const blank = claimForReaders(claim, false);
    expect(JSON.stringify(blank)).not.toMatch(/secret|before|after|new words/);
    expect(blank.exact).toBe(WITHHELD_WORDS);
  });

  it('withholds an item that quotes a version since withheld, at read time', () => {
    const readable = (id: number) => id !== 7;
    expect(itemForReaders('The words', [3, 4], readable)).toEqual({ wording: 'The words', withheld: false });
    expect(itemForReaders('The secret words', [3, 7], readable)).toEqual({ wording: WITHHELD_ITEM, withheld: true });
  });

  it('takes a legacy item to quote its base version and every claim', () => {
    expect(citedVersions(null, { baseVersionId: 5, claimVersionIds: [6] })).toEqual([5, 6]);
    expect(citedVersions(formatCites([9, 8, 9]), { baseVersionId: 5, claimVersionIds: [6] })).toEqual([8, 9]);
    expect(citedVersions('not json', { baseVersionId: 5, claimVersionIds: [] })).toEqual([5]);
  });
});

describe('saidForReaders', () => {
  it('keeps the desk’s account of what the article said only while every claim it describes may be read', () => {
    expect(saidForReaders('that the bridge would close', [{ withheld: false }])).toBe('that the bridge would close');
    expect(saidForReaders('that the bridge would close', [{ withheld: false }, { withheld: true }])).toBeNull();
    expect(saidForReaders(undefined, [])).toBeNull();
  });
});
