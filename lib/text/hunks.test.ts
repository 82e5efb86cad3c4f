import { describe, expect, it } from 'vitest';
import { diffHunks, type Hunk } from './hunks';
import { seededRandom as prng } from '../random';

/** Applying the hunks to the older text must give the newer one, character for character. */
function apply(from: string, to: string, hunks: Hunk[]): string {
  let out = '';
  let at = 0;
  for (const h of hunks) {
    out += from.slice(at, h.oa) + to.slice(h.na, h.nb);
    at = h.ob;
  }
  return out + from.slice(at);
}


const VOCAB = 'the council lost 695 seats and nine councils Hart said not £3.5m , . O’Brien'.split(' ');

describe('diffHunks', () => {
  it('reports the characters that changed, trimmed to what differs', () => {
    expect(diffHunks('They lost 695 seats.', 'They lost 842 seats.')).toEqual([{ oa: 10, ob: 13, na: 10, nb: 13 }]);
    expect(diffHunks('same', 'same')).toEqual([]);
  });

  it('aligns paragraphs first: an edit in one paragraph of many is one hunk inside it', () => {
    const paras = Array.from({ length: 200 }, (_, i) => `Paragraph ${i} says the council met on day ${i}.`);
    const from = paras.join('\n\n');
    const to = [...paras.slice(0, 120), paras[120].replace('met', 'gathered'), ...paras.slice(121)].join('\n\n');
    const hunks = diffHunks(from, to);
    expect(hunks).toHaveLength(1);
    expect(from.slice(hunks![0].oa, hunks![0].ob)).toBe('met');
    expect(to.slice(hunks![0].na, hunks![0].nb)).toBe('gathered');
  });

  it('always gives hunks that turn the older text into the newer', () => {
    const rand = prng(42);
    const pick = () => VOCAB[Math.floor(rand() * VOCAB.length)];
    for (let round = 0; round < 60; round++) {
      const paras = Array.from({ length: 1 + Math.floor(rand() * 6) }, () => Array.from({ length: 1 + Math.floor(rand() * 12) }, pick).join(' '));
      const edited = paras
        .map((p) => p.split(' ').flatMap((w) => (rand() < 0.15 ? [] : rand() < 0.15 ? [w, pick()] : [w])).join(' '))
        .filter(() => rand() > 0.1);
      if (rand() < 0.3) edited.splice(Math.floor(rand() * (edited.length + 1)), 0, paras[0]);
      const from = paras.join('\n\n');
      const to = edited.join(rand() < 0.2 ? '\n' : '\n\n');
      const hunks = diffHunks(from, to);
      expect(hunks).toBeDefined();
      expect(apply(from, to, hunks!)).toBe(to);
    }
  });

  it('gives up (undefined) past its bound', () => {
    expect(diffHunks('one two three', 'four five six', { maxEditLength: 0, timeout: 1_000 })).toBeUndefined();
  });
});
