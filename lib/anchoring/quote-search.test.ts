import { describe, expect, it } from 'vitest';
import { createAnchor, findByQuote, findSimilarClaims } from './index';

const wrong = '695 council seats and nine councils';

describe('findSimilarClaims: the same error elsewhere', () => {
  it('matches the same words whatever their case, spacing, punctuation or quote style', () => {
    const other = 'Elsewhere the Alliance lost 695 Council seats, and nine  councils, sources said.';
    expect(findSimilarClaims(wrong, other)).toEqual([{ start: other.indexOf('695'), end: other.indexOf('councils, sources') + 8, score: 1 }]);
    const quoted = 'She said ‘we’ll win’ twice.';
    expect(findSimilarClaims("we'll win", quoted)).toHaveLength(1);
  });

  it('takes a text quote selector and reports every occurrence, in order', () => {
    const text = `Monday: ${wrong}. Tuesday: again ${wrong}.`;
    const hits = findSimilarClaims({ exact: wrong, prefix: 'ignored ', suffix: ' ignored' }, text);
    expect(hits.map((h) => text.slice(h.start, h.end))).toEqual([wrong, wrong]);
  });

  it('allows one slip in a common word per five words, and no more', () => {
    expect(findSimilarClaims(wrong, 'They lost 695 counsil seats and nine councils.')).toMatchObject([{ score: expect.any(Number) }]);
    expect(findSimilarClaims(wrong, 'They lost 695 counsil seets and nine councils.')).toEqual([]);
  });

  it('never matches a different number, number word, name or negation', () => {
    expect(findSimilarClaims(wrong, 'They lost 842 council seats and nine councils.')).toEqual([]);
    expect(findSimilarClaims(wrong, 'They lost 695 council seats and none councils.')).toEqual([]);
    expect(findSimilarClaims('3.5 per cent', 'a rise of 35 per cent')).toEqual([]);
    expect(findSimilarClaims('Robin Hart said the council was wrong', 'Robyn Hart said the council was wrong')).toEqual([]);
    expect(findSimilarClaims('the council was never told of it', 'the council was ever told of it')).toEqual([]);
  });

  it('finds a claim that starts or ends inside a word, by its exact characters', () => {
    expect(findSimilarClaims('obin Ha', 'Robin Hart spoke.')).toEqual([{ start: 1, end: 8, score: 1 }]);
  });

  it('finds nothing for a claim with no words', () => {
    expect(findSimilarClaims(' — ', 'Any text — at all.')).toEqual([]);
  });
});

describe('findByQuote: the fallback', () => {
  const story = 'The Harbour Alliance lost 695 council seats and nine councils, its worst night in a decade. Turnout was low.';
  const claim = createAnchor(story, story.indexOf('695'), story.indexOf('695') + wrong.length);

  it('finds the claim whose context still agrees', () => {
    const later = story.replace('its worst night', 'its worst result');
    expect(findByQuote(claim.quote, later)).toEqual({ status: 'found', via: 'quote', start: later.indexOf('695'), end: later.indexOf('695') + wrong.length });
  });

  it('picks the copy whose context agrees over a lookalike', () => {
    const later = `Rivals once lost ${wrong} too. ${story}`;
    expect(findByQuote(claim.quote, later)).toMatchObject({ status: 'found', start: later.lastIndexOf('695') });
  });

  it('is lost when only a lookalike in another sentence is there', () => {
    expect(findByQuote(claim.quote, `In 1998 rivals lost ${wrong} after a scandal, and never recovered.`)).toEqual({ status: 'lost' });
  });

  it('is lost when two copies agree equally well', () => {
    const long = `Counting went on all night. ${story}`;
    const mid = createAnchor(long, long.indexOf('695'), long.indexOf('695') + wrong.length);
    expect(findByQuote(mid.quote, long)).toMatchObject({ status: 'found' });
    expect(findByQuote(mid.quote, `${long}\n\n${long}`)).toEqual({ status: 'lost' });
  });

  it('does not take a text start for the context of a claim that was mid-text', () => {
    const robin = createAnchor('Robin Hart and Robin Vale both spoke.', 15, 20);
    expect(findByQuote(robin.quote, 'Robin Vale both spoke.')).toEqual({ status: 'lost' });
  });
});
