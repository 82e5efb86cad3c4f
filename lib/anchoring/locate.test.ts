import { describe, expect, it } from 'vitest';
import { anchorQuote, type ClaimAnchor, createAnchor, type Located, locateClaim } from './index';

const v1 = 'The Harbour Alliance lost 695 council seats and nine councils, its worst night in a decade. Turnout was low.';
const wrong = '695 council seats and nine councils';

function anchorOf(text: string, exact: string): ClaimAnchor {
  const result = anchorQuote(text, exact);
  if (!result.ok) throw new Error(result.error);
  return result.anchor;
}

function chain(...texts: string[]) {
  return texts.map((text, i) => ({ version: i + 1, text }));
}

/** The words a found claim now covers in the last text. */
function foundText(result: Located, text: string): string | undefined {
  return result.status === 'found' ? text.slice(result.start, result.end) : undefined;
}

describe('locateClaim: mapping through versions', () => {
  const claim = anchorOf(v1, wrong);

  it('follows edits before and after the claim', () => {
    const v2 = v1.replace('The Harbour Alliance', 'Overnight, the Harbour Alliance').replace('Turnout was low.', 'Turnout was 31 per cent.');
    const result = locateClaim(claim, chain(v1, v2));
    expect(result).toMatchObject({ status: 'found', via: 'mapped', start: v2.indexOf('695') });
    expect(foundText(result, v2)).toBe(wrong);
  });

  it('reports an edit inside the claim as amended in that version, with the words that replaced it', () => {
    const v2 = v1.replace(wrong, '842 council seats and 11 councils');
    expect(locateClaim(claim, chain(v1, v2))).toEqual({
      status: 'amended',
      version: 2,
      replacement: { start: v2.indexOf('842'), end: v2.indexOf('842') + 33, text: '842 council seats and 11 councils' },
    });
  });

  it('follows an edit in v2 and an unrelated edit above the claim in v3 to the right offsets', () => {
    const v2 = v1.replace('Turnout was low.', 'Turnout was low, officials said.');
    const v3 = `Results are still coming in.\n\n${v2.replace('The Harbour', 'Late on Thursday the Harbour')}`;
    const result = locateClaim(claim, chain(v1, v2, v3));
    expect(result).toEqual({ status: 'found', via: 'mapped', start: v3.indexOf('695'), end: v3.indexOf('695') + wrong.length });
  });

  it('names the version that amended the claim, and follows the replacement to the target', () => {
    const v2 = v1.replace('nine councils', 'eleven councils');
    const v3 = `A new first paragraph.\n\n${v2}`;
    const v4 = v3.replace('A new', 'An updated');
    const result = locateClaim(claim, chain(v1, v2, v3, v4));
    expect(result).toMatchObject({ status: 'amended', version: 2, replacement: { text: '695 council seats and eleven councils' } });
    if (result.status === 'amended') expect(v4.slice(result.replacement?.start, result.replacement?.end)).toBe('695 council seats and eleven councils');
  });

  it('still says amended in v2 when v3 changes the replacement again or restores the old words', () => {
    const v2 = v1.replace('nine councils', 'eleven councils');
    expect(locateClaim(claim, chain(v1, v2, v2.replace('eleven', 'twelve')))).toEqual({ status: 'amended', version: 2 });
    expect(locateClaim(claim, chain(v1, v2, v1))).toEqual({ status: 'amended', version: 2 });
  });

  it('reports a deleted claim as amended in the version that removed it, with no replacement', () => {
    const text = 'Turnout was low. The Alliance lost 695 seats. Counting goes on.';
    const seats = anchorOf(text, 'The Alliance lost 695 seats.');
    expect(locateClaim(seats, chain(text, text, 'Turnout was low. Counting goes on.'))).toEqual({ status: 'amended', version: 3 });
  });

  it('never moves a corrected "Robin" to the other Robin in the same sentence', () => {
    const text = 'Robin Hart and Robin Vale both spoke.';
    const first = createAnchor(text, 0, 5);
    const v2 = 'Robyn Hart and Robin Vale both spoke.';
    expect(locateClaim(first, chain(text, v2))).toEqual({ status: 'amended', version: 2, replacement: { start: 0, end: 5, text: 'Robyn' } });
    // The other Robin, untouched, stays where it was.
    const second = createAnchor(text, 15, 20);
    expect(locateClaim(second, chain(text, v2))).toEqual({ status: 'found', via: 'mapped', start: 15, end: 20 });
  });

  it('keeps to the right one of two identical phrases', () => {
    const text = 'The vote was close. The count went on. The vote was close again.';
    const second = createAnchor(text, text.lastIndexOf('The vote was close'), text.lastIndexOf('The vote was close') + 18);
    const v2 = `Late news. ${text.replace('The vote was close.', 'The vote was tight.')}`;
    expect(locateClaim(second, chain(text, v2))).toMatchObject({ status: 'found', start: v2.lastIndexOf('The vote was close') });
    const first = createAnchor(text, 0, 18);
    expect(locateClaim(first, chain(text, v2))).toMatchObject({ status: 'amended', version: 2, replacement: { text: 'The vote was tight' } });
  });

  it('finds the claim respaced or with its quotes straightened, on the new span', () => {
    const text = 'The leader said “we lost  badly” on Friday.';
    const quote = anchorOf(text, '“we lost  badly”');
    const v2 = 'The leader said "we lost badly" on Friday.';
    const result = locateClaim(quote, chain(text, v2));
    expect(result).toMatchObject({ status: 'found', via: 'mapped' });
    expect(foundText(result, v2)).toBe('"we lost badly"');
  });

  it('follows a moved paragraph by mapping, not by searching', () => {
    const paras = ['First paragraph about the harbour.', 'Second paragraph says 695 seats were lost.', 'Third paragraph on turnout.'];
    const before = paras.join('\n\n');
    const after = [paras[1], paras[2], paras[0]].join('\n\n');
    const result = locateClaim(anchorOf(before, 'about the harbour'), chain(before, after));
    expect(result).toMatchObject({ status: 'found', via: 'mapped' });
    expect(foundText(result, after)).toBe('about the harbour');
  });

  it('reports the replacement when the last word of the claim is the one replaced', () => {
    const text = 'The engineer, Anna Ólafsdottir, signed it off.';
    const name = anchorOf(text, 'Ólafsdottir');
    const v2 = text.replace('Ólafsdottir', 'Ólafsdóttir');
    expect(locateClaim(name, chain(text, v2))).toEqual({ status: 'amended', version: 2, replacement: { start: name.start, end: name.start + 11, text: 'Ólafsdóttir' } });
    const before = 'It has been open since it opened in 1962 on the quay.';
    const result = locateClaim(anchorOf(before, 'since it opened in 1962'), chain(before, before.replace('1962', '1958')));
    expect(result).toMatchObject({ status: 'amended', replacement: { text: 'since it opened in 1958' } });
  });
});

describe('locateClaim: the quote fallback', () => {
  const claim = anchorOf(v1, wrong);

  it('is lost with no versions at all', () => {
    expect(locateClaim(claim, [])).toEqual({ status: 'lost' });
  });

  it('searches by quote when there is no chain, only the target', () => {
    const target = v1.replace('The Harbour Alliance', 'Overnight the Alliance');
    const result = locateClaim(claim, [{ version: 4, text: target }]);
    expect(result).toMatchObject({ status: 'found', via: 'quote' });
    expect(foundText(result, target)).toBe(wrong);
  });

  it('is lost, not found, when only a lookalike with other context is there', () => {
    const elsewhere = 'In another town entirely, rivals lost 695 council seats and nine councils in 1998 after a scandal.';
    expect(locateClaim(claim, [{ version: 4, text: elsewhere }])).toEqual({ status: 'lost' });
    const robin = createAnchor('Robin Hart and Robin Vale both spoke.', 0, 5);
    expect(locateClaim(robin, [{ version: 2, text: 'Robyn Hart and Robin Vale both spoke.' }])).toEqual({ status: 'lost' });
  });

  it('is used for a step whose diff hits its bound, with the context of the version before', () => {
    const v2 = v1.replace('Turnout was low.', 'Turnout was lower than in 2019.');
    const v3 = v2.replace('its worst night', 'its worst result');
    const result = locateClaim(claim, chain(v1, v2, v3), { maxEditLength: 0 });
    expect(result).toMatchObject({ status: 'found', via: 'quote', start: v3.indexOf('695') });
  });

  it('is lost when a step cannot be mapped and the words are gone', () => {
    const v2 = v1.replace(wrong, '842 council seats and 11 councils');
    expect(locateClaim(claim, chain(v1, v2), { maxEditLength: 0 })).toEqual({ status: 'lost' });
  });

  it('repairs offsets that do not hold in the claim’s own version, then maps on', () => {
    const stale = { ...claim, start: 0, end: wrong.length };
    const v2 = v1.replace(wrong, '842 council seats and 11 councils');
    expect(locateClaim(stale, chain(v1, v1))).toMatchObject({ status: 'found', via: 'quote', start: v1.indexOf('695') });
    expect(locateClaim(stale, chain(v1, v2))).toMatchObject({ status: 'amended', version: 2 });
  });
});
