import { describe, expect, it } from 'vitest';
import { snapToWords } from './snap';

const text = 'The Harbour Alliance, losing nine councils and 695 council seats, blamed O’Brien’s £4.20 levy.';
const snapped = (from: string, to: string) => {
  const s = snapToWords(text, text.indexOf(from), text.indexOf(to) + to.length);
  return text.slice(s.start, s.end);
};

describe('snapToWords', () => {
  it('a sloppy drag takes the words it cut whole', () => {
    expect(snapped('sing nine', 'council sea')).toBe('losing nine councils and 695 council seats');
  });

  it('a careful selection is left as it is', () => {
    const s = snapToWords(text, text.indexOf('nine'), text.indexOf('nine') + 4);
    expect(text.slice(s.start, s.end)).toBe('nine');
  });

  it('drops spaces at the ends and keeps punctuation taken in on purpose', () => {
    expect(snapped(' nine', 'nine ')).toBe('nine');
    expect(snapped('695', 'seats,')).toBe('695 council seats,');
  });

  it('keeps names, figures and money whole', () => {
    expect(snapped('Brien', 'Brien')).toBe('O’Brien’s');
    expect(snapped('.20', '.20')).toBe('4.20');
    expect(snapped('£4', '£4')).toBe('£4.20');
  });

  it('a span inside one word is that word; a span of spaces or out of range stays empty', () => {
    const inWord = snapToWords(text, text.indexOf('arbou'), text.indexOf('arbou') + 2);
    expect(text.slice(inWord.start, inWord.end)).toBe('Harbour');
    const gap = text.indexOf(' nine');
    expect(snapToWords(text, gap, gap + 1)).toEqual({ start: gap + 1, end: gap + 1 });
    expect(snapToWords(text, -5, 3)).toEqual({ start: 0, end: 3 });
    expect(snapToWords(text, text.length - 2, text.length + 10)).toEqual({ start: text.indexOf('levy'), end: text.length });
  });

  it('reversed ends are read in order', () => {
    const s = snapToWords(text, text.indexOf('uncils') + 2, text.indexOf('sing'));
    expect(text.slice(s.start, s.end)).toBe('losing nine councils');
  });
});
