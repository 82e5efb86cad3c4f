import { describe, expect, it } from 'vitest';
import { anchorQuote, createAnchor, findByQuote, findSimilarClaims, locateClaim, mapSpan } from './index';

const v1 = 'The Harbour Alliance lost 695 council seats and nine councils, its worst night in a decade. Turnout was low.';

function anchorOf(text: string, exact: string) {
  const result = anchorQuote(text, exact);
  if (!result.ok) throw new Error(result.error);
  return result.anchor;
}

function chain(...texts: string[]) {
  return texts.map((text, i) => ({ version: i + 1, text }));
}

describe('createAnchor', () => {
  it('keeps the exact words and about 32 characters either side', () => {
    const a = anchorOf(v1, '695 council seats and nine councils');
    expect(a.quote.prefix).toBe('The Harbour Alliance lost ');
    expect(a.quote.suffix).toBe(', its worst night in a decade. T');
    expect(v1.slice(a.start, a.end)).toBe('695 council seats and nine councils');
  });

  it('refuses an empty or out-of-range span, and ambiguous quotes', () => {
    expect(() => createAnchor(v1, 5, 5)).toThrow(RangeError);
    expect(() => createAnchor(v1, 0, 999)).toThrow(RangeError);
    expect(anchorQuote('a b a', 'a')).toEqual({ ok: false, error: 'ambiguous' });
    expect(anchorQuote('a b', 'c')).toEqual({ ok: false, error: 'not-found' });
  });
});

describe('locateClaim', () => {
  const claim = anchorOf(v1, '695 council seats and nine councils');

  it('follows an edit before the claim', () => {
    const v2 = 'Overnight, the Harbour Alliance lost 695 council seats and nine councils, its worst night in a decade. Turnout was low.';
    const found = locateClaim(claim, chain(v1, v2));
    expect(found).toMatchObject({ status: 'found', via: 'mapped' });
    if (found.status === 'found') expect(v2.slice(found.start, found.end)).toBe('695 council seats and nine councils');
  });

  it('follows an edit after the claim, and one right at its edge', () => {
    const v2 = v1.replace('Turnout was low.', 'Turnout was 31 per cent.').replace('lost 695', 'lost 695');
    const v3 = v2.replace(', its worst', ' overnight, its worst');
    const found = locateClaim(claim, chain(v1, v2, v3));
    expect(found.status).toBe('found');
    if (found.status === 'found') expect(v3.slice(found.start, found.end)).toBe('695 council seats and nine councils');
  });

  it('reports an edit inside the claim as amended, with the version and the new words', () => {
    const v2 = v1.replace('695 council seats and nine councils', '842 council seats and 11 councils');
    const v3 = `A new first paragraph.\n\n${v2}`;
    const result = locateClaim(claim, chain(v1, v2, v3));
    expect(result).toMatchObject({ status: 'amended', version: 2 });
    if (result.status === 'amended') {
      expect(result.replacement?.text).toBe('842 council seats and 11 councils');
      expect(v3.slice(result.replacement?.start, result.replacement?.end)).toBe('842 council seats and 11 councils');
    }
  });

  it('reports the replacement words when the last word of the claim is the one replaced', () => {
    const text = 'The engineer, Anna Ólafsdottir, signed it off.';
    const name = createAnchor(text, text.indexOf('Ólafsdottir'), text.indexOf('Ólafsdottir') + 'Ólafsdottir'.length);
    const v2 = text.replace('Ólafsdottir', 'Ólafsdóttir');
    expect(locateClaim(name, chain(text, v2))).toEqual({ status: 'amended', version: 2, replacement: { start: text.indexOf('Ólafsdottir'), end: text.indexOf('Ólafsdottir') + 11, text: 'Ólafsdóttir' } });
    const phrase = anchorOf('It has been open since it opened in 1962 on the quay.', 'since it opened in 1962');
    const after = 'It has been open since it opened in 1958 on the quay.';
    const result = locateClaim(phrase, chain('It has been open since it opened in 1962 on the quay.', after));
    expect(result).toMatchObject({ status: 'amended', replacement: { text: 'since it opened in 1958' } });
  });

  it('never jumps to a lookalike: a corrected "Robin" does not move to the other Robin', () => {
    const text = 'Robin Hart and Robin Vale both spoke.';
    const robin = createAnchor(text, 0, 5);
    const v2 = 'Robyn Hart and Robin Vale both spoke.';
    expect(locateClaim(robin, chain(text, v2))).toMatchObject({ status: 'amended', version: 2 });
  });

  it('finds the second of two identical phrases, not the first', () => {
    const text = 'The vote was close. The count went on. The vote was close again.';
    const second = createAnchor(text, text.lastIndexOf('The vote was close'), text.lastIndexOf('The vote was close') + 18);
    const v2 = `Late news. ${text}`;
    const found = locateClaim(second, chain(text, v2));
    expect(found).toMatchObject({ status: 'found', start: v2.lastIndexOf('The vote was close') });
  });

  it('treats whitespace and quote-style changes inside the claim as the same words', () => {
    const text = 'She said “we lost”  badly.';
    const a = createAnchor(text, text.indexOf('“we lost”  badly'), text.indexOf('.'));
    const v2 = 'She said "we lost" badly.';
    const found = locateClaim(a, chain(text, v2));
    expect(found.status).toBe('found');
    if (found.status === 'found') expect(v2.slice(found.start, found.end)).toBe('"we lost" badly');
  });

  it('follows a moved paragraph', () => {
    const p1 = 'First paragraph about the harbour.';
    const p2 = 'Second paragraph says 695 seats were lost.';
    const p3 = 'Third paragraph on turnout.';
    const before = [p1, p2, p3].join('\n\n');
    const after = [p2, p1, p3].join('\n\n');
    const found = locateClaim(anchorOf(before, '695 seats'), chain(before, after));
    expect(found.status).toBe('found');
    if (found.status === 'found') expect(after.slice(found.start, found.end)).toBe('695 seats');
  });

  it('reports a deleted claim as amended in the version that removed it', () => {
    const v2 = 'Turnout was low.';
    expect(locateClaim(claim, chain(v1, v2))).toMatchObject({ status: 'amended', version: 2 });
  });

  it('falls back to the quote when offsets do not hold, and is strict about context', () => {
    const stale = { ...claim, start: 0, end: 10 };
    const v2 = `Overnight: ${v1}`;
    expect(locateClaim(stale, chain(v1, v2))).toMatchObject({ status: 'found', via: 'quote' });
    const elsewhere = 'In another town entirely, rivals lost 695 council seats and nine councils in 1998 after a scandal.';
    expect(findByQuote(claim.quote, elsewhere)).toEqual({ status: 'lost' });
  });
});

describe('mapSpan and findSimilarClaims', () => {
  it('maps unchanged text exactly', () => {
    expect(mapSpan(4, 8, 'abc defg hij', 'abc defg hij')).toEqual({ status: 'moved', start: 4, end: 8 });
  });

  it('finds the same wrong claim with small differences, and not different claims', () => {
    const other = 'Elsewhere the Alliance lost 695 Council seats and nine  councils, sources said.';
    expect(findSimilarClaims('695 council seats and nine councils', other)).toHaveLength(1);
    expect(findSimilarClaims('695 council seats and nine councils', 'They lost 842 council seats and 11 councils.')).toHaveLength(0);
  });
});
