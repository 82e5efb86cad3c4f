import { describe, expect, it } from 'vitest';
import { anchorQuote, CONTEXT_CHARS, createAnchor } from './index';

const story = 'The Harbour Alliance lost 695 council seats and nine councils, its worst night in a decade. Turnout was low.';

describe('createAnchor', () => {
  it('keeps the exact words and 32 characters either side', () => {
    const start = story.indexOf('695');
    const anchor = createAnchor(story, start, start + '695 council seats and nine councils'.length);
    expect(anchor.quote).toEqual({
      exact: '695 council seats and nine councils',
      prefix: 'The Harbour Alliance lost ',
      suffix: ', its worst night in a decade. T',
    });
    expect(anchor.quote.suffix).toHaveLength(CONTEXT_CHARS);
    expect(anchor).toMatchObject({ start, end: start + 35 });
  });

  it('trims the context at the edges of the text', () => {
    expect(createAnchor(story, 0, 3).quote.prefix).toBe('');
    expect(createAnchor(story, story.length - 4, story.length).quote.suffix).toBe('');
  });

  it('never cuts an emoji in half at the edge of the context', () => {
    const text = `🙂${'x'.repeat(30)} claim here`;
    const start = text.indexOf('claim');
    expect(start - CONTEXT_CHARS).toBe(1); // the emoji's second half
    expect(createAnchor(text, start, start + 5).quote.prefix).toBe(text.slice(0, start));
  });

  it('refuses an empty, reversed, fractional or out-of-range span', () => {
    expect(() => createAnchor(story, 5, 5)).toThrow(RangeError);
    expect(() => createAnchor(story, 6, 5)).toThrow(RangeError);
    expect(() => createAnchor(story, 0.5, 5)).toThrow(RangeError);
    expect(() => createAnchor(story, -1, 5)).toThrow(RangeError);
    expect(() => createAnchor(story, 0, story.length + 1)).toThrow(RangeError);
  });
});

describe('anchorQuote', () => {
  it('anchors words that occur once', () => {
    const result = anchorQuote(story, 'nine councils');
    expect(result.ok && story.slice(result.anchor.start, result.anchor.end)).toBe('nine councils');
  });

  it('says not found or ambiguous, counting overlapping occurrences', () => {
    expect(anchorQuote(story, 'ten councils')).toEqual({ ok: false, error: 'not-found' });
    expect(anchorQuote(story, '')).toEqual({ ok: false, error: 'not-found' });
    expect(anchorQuote(story, 'council')).toEqual({ ok: false, error: 'ambiguous' });
    expect(anchorQuote('a aaa', 'aa')).toEqual({ ok: false, error: 'ambiguous' });
  });
});
