import { describe, expect, it } from 'vitest';
import { blockAround, paragraphs } from './paragraphs';

describe('paragraphs', () => {
  it('are the non-blank lines, with their offsets', () => {
    expect(paragraphs('One.\n\nTwo.\n   \nThree.')).toEqual([
      { start: 0, end: 4, text: 'One.' },
      { start: 6, end: 10, text: 'Two.' },
      { start: 15, end: 21, text: 'Three.' },
    ]);
  });

  it('blockAround spans the paragraphs holding a range', () => {
    const text = 'One.\n\nTwo words.\n\nThree.';
    expect(blockAround(text, 7, 9)).toEqual({ start: 6, end: 16, text: 'Two words.' });
    expect(blockAround(text, 2, 8)).toEqual({ start: 0, end: 16, text: 'One.\n\nTwo words.' });
  });
});
