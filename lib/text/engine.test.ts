// The reader diff, claim anchoring and the stealth-edit check read text through this one engine,
// so they cut it into the same tokens and words.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { diffText } from '../diff';
import { tokenisePlain } from '../diff/tokenise';
import { findSimilarClaims, mapSpan } from '../anchoring';
import { findSubstantiveChanges } from '../stealth-edit';
import { wordCounts } from '../stealth-edit/features';
import * as engine from './tokens';

vi.mock('./tokens', async (importOriginal) => {
  const real = await importOriginal<typeof import('./tokens')>();
  return { ...real, pieces: vi.fn(real.pieces), tokenise: vi.fn(real.tokenise), words: vi.fn(real.words) };
});

const TEXT = [
  'O’Brien said the alliance lost 1,200.5 seats, not 695 — and £3.5m (42%) went to x.com.',
  'A nai\u0308ve plan: well-known "facts" a,b snake_case 👨‍👩‍👧 🇬🇧 don\'t 3,5 and 2026.',
].join('\n\n');

beforeEach(() => vi.clearAllMocks());

describe('one text engine', () => {
  it('the reader diff tokenises exactly as the engine does', () => {
    const engineTokens = engine.tokenise(TEXT).map((t) => [t.text, t.start, t.word]);
    expect(tokenisePlain(TEXT).map((t) => [t.text, t.start, t.word])).toEqual(engineTokens);
  });

  it('the stealth-edit check counts the same words the reader diff shows', () => {
    const fromDiff = new Map<string, number>();
    for (const t of tokenisePlain(TEXT)) {
      if (!t.word && !/^[\p{Sc}%]$/u.test(t.text)) continue;
      const key = t.text.toLowerCase().replace(/’/g, "'");
      fromDiff.set(key, (fromDiff.get(key) ?? 0) + 1);
    }
    expect(wordCounts(TEXT)).toEqual(fromDiff);
  });

  it('claim anchoring finds a claim on each of those words at the diff’s offsets', () => {
    for (const t of tokenisePlain(TEXT).filter((x) => x.word)) {
      const found = findSimilarClaims(t.text, TEXT);
      expect(found.some((f) => f.start === t.start && f.end === t.start + t.text.length)).toBe(true);
    }
  });

  it('each of the three reads its text through the engine’s tokeniser', () => {
    diffText('They lost 695 seats.', 'They lost 842 seats.');
    expect(engine.pieces).toHaveBeenCalled();
    vi.clearAllMocks();

    const from = 'They lost 695 council seats and nine councils.';
    const to = 'Counting finished: they lost 842 council seats and 11 councils.';
    mapSpan(10, 13, from, to);
    findSimilarClaims('695 council seats', from);
    expect(engine.tokenise).toHaveBeenCalled();
    expect(engine.words).toHaveBeenCalled();
    vi.clearAllMocks();

    // Other texts than above: the anchoring step's diff of those is remembered.
    expect(findSubstantiveChanges('Hart said 695.', 'Hart said 842.').map((c) => c.kind)).toEqual(['number']);
    expect(engine.tokenise).toHaveBeenCalled();
    expect(engine.words).toHaveBeenCalled();
  });
});
