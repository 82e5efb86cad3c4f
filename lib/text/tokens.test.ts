import { describe, expect, it } from 'vitest';
import { isWordChar, pieces, tokenise, words } from './tokens';

const texts = (s: string) => tokenise(s).map((t) => t.text);

describe('tokenise', () => {
  it('keeps numbers whole, with their separators, units and currency apart', () => {
    expect(texts('£3.5m, 1,200.5 and 3,5 — 42% of 2026.')).toEqual(['£', '3.5m', ',', '1,200.5', 'and', '3,5', '—', '42', '%', 'of', '2026', '.']);
  });

  it('keeps names and contractions whole, and splits hyphens and other punctuation', () => {
    expect(texts('O’Brien didn\'t say "well-known" (x.com).')).toEqual(['O’Brien', "didn't", 'say', '"', 'well', '-', 'known', '"', '(', 'x.com', ')', '.']);
  });

  it('keeps combining marks and emoji sequences in their token', () => {
    const decomposed = 'nai\u0308ve';
    expect(texts(`${decomposed} 👨‍👩‍👧 🇬🇧 👍🏽`)).toEqual([decomposed, '👨‍👩‍👧', '🇬🇧', '👍🏽']);
  });

  it('gives each token its offsets, from a starting offset if given', () => {
    expect(tokenise('a  bc\nd', 10).map((t) => [t.text, t.start, t.end])).toEqual([
      ['a', 10, 11],
      ['bc', 13, 15],
      ['d', 16, 17],
    ]);
  });

  it('marks word tokens: a letter or a digit', () => {
    expect(tokenise('695 , seats %').map((t) => t.word)).toEqual([true, false, true, false]);
  });

  it('cuts text into pieces that join back to it, whitespace included, in any script', () => {
    for (const text of ['They lost 1,200 seats.\n\nNot 695.', '東京都に住んでいます。 Tokyo', '  leading and trailing  ']) {
      expect(pieces(text).join('')).toBe(text);
    }
  });
});

describe('words', () => {
  it('are the word tokens plus currency signs and %, keyed in lower case with straight apostrophes', () => {
    expect(words('The £3.5m O’Brien deal, 42%!').map((w) => [w.key, w.raw, w.start])).toEqual([
      ['the', 'The', 0],
      ['£', '£', 4],
      ['3.5m', '3.5m', 5],
      ["o'brien", 'O’Brien', 10],
      ['deal', 'deal', 18],
      ['42', '42', 24],
      ['%', '%', 26],
    ]);
  });
});

describe('isWordChar', () => {
  it('is a letter or a digit', () => {
    expect(['a', 'É', '7', ' ', '-', "'", undefined].map(isWordChar)).toEqual([true, true, true, false, false, false, false]);
  });
});
