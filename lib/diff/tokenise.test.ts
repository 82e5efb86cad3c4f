import { describe, expect, it } from 'vitest';
import { parseBlocks, safeHref } from './blocks';
import { tokenisePlain } from './tokenise';

const texts = (s: string) => tokenisePlain(s).map((t) => t.text);

describe('tokenisePlain', () => {
  it('keeps numbers, names and contractions whole', () => {
    expect(texts('They lost 1,200.5 seats, not 695 — O’Brien didn\'t say 3.5m.')).toEqual([
      'They', 'lost', '1,200.5', 'seats', ',', 'not', '695', '—', 'O’Brien', "didn't", 'say', '3.5m', '.',
    ]);
  });

  it('splits punctuation and hyphens into their own tokens', () => {
    expect(texts('“well-known” (it said).')).toEqual(['“', 'well', '-', 'known', '”', '(', 'it', 'said', ')', '.']);
  });

  it('keeps accents, combining marks and emoji sequences whole', () => {
    const decomposed = 'nai\u0308ve';
    expect(texts(`café ${decomposed} 👨‍👩‍👧 🇬🇧 👍🏽 1️⃣`)).toEqual(['café', decomposed, '👨‍👩‍👧', '🇬🇧', '👍🏽', '1️⃣']);
  });

  it('records whitespace before each token and its offset', () => {
    const tokens = tokenisePlain('a  b\nc');
    expect(tokens.map((t) => [t.pre, t.text, t.start])).toEqual([
      ['', 'a', 0],
      ['  ', 'b', 3],
      ['\n', 'c', 5],
    ]);
  });

  it('marks which tokens are words', () => {
    expect(tokenisePlain('695 , seats').map((t) => t.word)).toEqual([true, false, true]);
  });

  it('uses dictionary segmentation for scripts without spaces', () => {
    const tokens = texts('東京都に住んでいます');
    expect(tokens.length).toBeGreaterThan(2);
    expect(tokens.join('')).toBe('東京都に住んでいます');
  });
});

describe('parseBlocks', () => {
  it('reads paragraphs, headings, list items and quotes with their formatting', () => {
    const blocks = parseBlocks('## Count\n\nThe *Alliance* lost [695](https://example.org/x) seats.\n\n> A quote\n\n1. first\n2. second');
    expect(blocks.map((b) => b.shape)).toEqual([
      { kind: 'heading', level: 2 },
      { kind: 'paragraph' },
      { kind: 'paragraph', quoted: true },
      { kind: 'list-item', level: 1, marker: '1.' },
      { kind: 'list-item', level: 1, marker: '2.' },
    ]);
    expect(blocks[1].segments).toEqual([
      { text: 'The ', start: 0 },
      { text: 'Alliance', marks: { em: true }, start: 4 },
      { text: ' lost ', start: 12 },
      { text: '695', marks: { href: 'https://example.org/x' }, start: 18 },
      { text: ' seats.', start: 21 },
    ]);
  });

  it('gives equal keys to text that only differs in wrapping and spacing', () => {
    const [a] = parseBlocks('one  two\nthree');
    const [b] = parseBlocks('one two three');
    expect(a.key).toBe(b.key);
  });

  it('includes code blocks, outside the plain text', () => {
    const blocks = parseBlocks('Intro\n\n```\nx = 1\n```\n\nOutro');
    expect(blocks.map((b) => [b.shape.kind, b.plainStart])).toEqual([
      ['paragraph', 0],
      ['code', undefined],
      ['paragraph', 7],
    ]);
  });
});

describe('safeHref', () => {
  it('allows http, https, mailto and relative links only', () => {
    expect(safeHref('https://example.org/a')).toBe('https://example.org/a');
    expect(safeHref('mailto:desk@example.org')).toBe('mailto:desk@example.org');
    expect(safeHref('/articles/x#notice-1')).toBe('/articles/x#notice-1');
    expect(safeHref('javascript:alert(1)')).toBeUndefined();
    expect(safeHref('JAVASCRIPT:alert(1)')).toBeUndefined();
    expect(safeHref('data:text/html,x')).toBeUndefined();
    expect(safeHref('ftp://example.org')).toBeUndefined();
  });

  it('drops unsafe links while parsing, keeping their words', () => {
    const [block] = parseBlocks('[a](ftp://x) [b](https://y.example)');
    expect(block.segments.map((s) => [s.text, s.marks?.href])).toEqual([
      ['a ', undefined],
      ['b', 'https://y.example'],
    ]);
  });
});
