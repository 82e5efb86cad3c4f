// The reader diff reads most paragraphs without markdown-it's inline parser: plain text, and text
// whose only markup is simple emphasis and links. Those readings must be the parser's exactly.
import { describe, expect, it } from 'vitest';
import { isPlainInline, parseInline } from '../text';
import { seededRandom } from '../random';
import { inlineSegments, simpleSegments } from './blocks';

const reference = (content: string) => inlineSegments(parseInline(content, {}));

/** Random inline content: words, spacing, punctuation, near-miss and well-formed emphasis and links. */
function contents(seed: number, count: number): string[] {
  const r = seededRandom(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const words = ['a', 'Ab', 'word', '12', '1,234', 'x.com', "don't", 'a-b', 'é', 'Ω', 'a]b', 'a)b', '(a', '—', '.', ',', ';', '?', '!', ':', '"q"', 'w,', 'w.', '.w', ',w', '1.', '#', '%', '+=', '@', '^{}', '>'];
  const spaces = [' ', ' ', ' ', '', '  ', '\t'];
  const addresses = ['https://example.org/1', 'http://x.y/z', 'https://a.b/c-d_e~f.g', 'https://EXAMPLE.org/A', 'https://xn--bcher-kva.example/', 'https://a.b', 'http://', 'https://a b', 'https://a.b/(x)', 'javascript:alert(1)', 'ftp://a.b', 'https://a.b/%20', 'https://ex.am/ple?x=1'];
  const marker = () => pick(['*', '*', '**', '_', '']);
  const atom = () => {
    const u = r();
    if (u < 0.35) return pick(words);
    if (u < 0.6) return `${marker()}${pick(words)}${pick(['', ' ', pick(words)])}${pick(words)}${marker()}`;
    if (u < 0.85) return `${pick(['', '!'])}[${pick(['', '*'])}${pick(words)}${pick(['', ` ${pick(words)}`])}${pick(['', '*'])}]${pick(['(', '(', ' ('])}${pick(addresses)}${pick([')', ')', ' )', ' "t")', ''])}`;
    return pick(['*', '[', ']', '(', ')', '`', '\\', '&amp;', '<', '~', '_', '\n', '!']);
  };
  const out: string[] = [];
  while (out.length < count) {
    const n = 1 + Math.floor(r() * 8);
    let s = '';
    for (let k = 0; k < n; k++) s += (k ? pick(spaces) : '') + atom();
    if (s.trim()) out.push(s.trim());
  }
  return out;
}

describe('reading inline content without the inline parser', () => {
  it('plain content is one text run, as the parser reads it', () => {
    let plain = 0;
    for (const c of contents(1, 20_000)) {
      if (!isPlainInline(c)) continue;
      plain++;
      expect(reference(c)).toEqual([{ text: c, marks: undefined, start: 0 }]);
    }
    expect(plain).toBeGreaterThan(1_000);
  });

  it('simple emphasis and links read as the parser reads them', () => {
    let read = 0;
    for (const c of contents(2, 40_000)) {
      const fast = simpleSegments(c, {});
      if (!fast) continue;
      read++;
      expect(JSON.stringify(fast)).toBe(JSON.stringify(reference(c)));
    }
    expect(read).toBeGreaterThan(2_000);
  });

  it('reads the forms articles carry, and leaves the rest to the parser', () => {
    expect(simpleSegments('The *Alliance* lost [695](https://example.org/x) seats.', {})).toEqual([
      { text: 'The ', marks: undefined, start: 0 },
      { text: 'Alliance', marks: { em: true }, start: 4 },
      { text: ' lost ', marks: undefined, start: 12 },
      { text: '695', marks: { href: 'https://example.org/x' }, start: 18 },
      { text: ' seats.', marks: undefined, start: 21 },
    ]);
    expect(simpleSegments('[*695,*](https://example.org/x).', {})?.map((s) => s.marks)).toEqual([{ em: true, href: 'https://example.org/x' }, undefined]);
    for (const c of ['**strong**', 'a*b*', '*a *', '_a_', '`code`', '[a](javascript:x)', '[a](https://x.y "title")', '[a][ref]', 'a\nb', '&amp;', '[*a]b*](https://x.y)']) {
      expect(simpleSegments(c, {})).toBeUndefined();
    }
    // A body with link reference definitions: "[…]" may be a reference, so the parser reads it.
    expect(simpleSegments('[a](https://x.y)', { references: {} })).toBeUndefined();
  });
});
