import { describe, expect, it } from 'vitest';
import { chainHash, contentHash, hashVersion, newSalt } from './hash';
import { publicChainEntry, verifyPublicChain } from './public-chain';

const texts = [
  { headline: 'Harbour contract questioned', standfirst: 'Questions.', body: 'Councillor Dray was paid.' },
  { headline: 'Harbour contract questioned', standfirst: 'Questions.', body: 'The award was questioned.' },
  { headline: 'Harbour contract questioned', standfirst: 'Questions.', body: 'The award was questioned again.' },
];

function chain(withheld: number[]) {
  let prev = '';
  return texts.map((t, i) => {
    const v = { ...t, number: i + 1, changeKind: i === 1 ? 'legal' : 'update', note: `note ${i + 1}`, savedAt: new Date(Date.UTC(2026, 10, 1 + i, 9)) };
    const hashes = hashVersion(prev, v);
    prev = hashes.hash;
    return { ...v, ...hashes, withheld: withheld.includes(i + 1) ? { at: new Date(Date.UTC(2026, 10, 3)) } : null };
  });
}

describe('the public hash chain (history.json)', () => {
  it('shows a withheld version by its chain hashes only, and still links and verifies', () => {
    const entries = chain([1]).map(publicChainEntry);
    expect(entries[0]).toEqual({ number: 1, savedAt: '2026-11-01T09:00:00.000Z', prevHash: '', hash: entries[1].prevHash, withheld: true, withheldOn: '2026-11-03' });
    expect(JSON.stringify(entries[0])).not.toContain(contentHash(texts[0]));
    expect(verifyPublicChain(entries)).toEqual([]);
    expect(verifyPublicChain(entries, new Map([[2, texts[1]], [3, texts[2]]]))).toEqual([]);
  });

  it('finds a broken link, a rewritten entry, a text that does not match, and a leaked content hash', () => {
    const entries = chain([1]).map(publicChainEntry);
    expect(verifyPublicChain([entries[0], { ...entries[1], prevHash: 'f'.repeat(64) }, entries[2]]).map((b) => b.problem)).toContain('previous hash does not match the version before');
    expect(verifyPublicChain([entries[0], entries[1], { ...entries[2], note: 'rewritten' }])).toEqual([{ number: 3, problem: 'chain hash does not match' }]);
    expect(verifyPublicChain(entries, new Map([[3, { ...texts[2], body: 'Not what was saved.' }]]))).toEqual([{ number: 3, problem: 'content does not match its hash' }]);
    expect(verifyPublicChain([{ ...entries[0], contentHash: contentHash(texts[0]) }, entries[1], entries[2]])).toEqual([{ number: 1, problem: 'a withheld version publishes its content hash, salt or note' }]);
    expect(verifyPublicChain([entries[0], entries[2]])[0].problem).toBe('expected version 2');
  });

  it('accepts a chain that starts after unpublished desk drafts', () => {
    const entries = chain([]).map(publicChainEntry).slice(1);
    expect(verifyPublicChain(entries)).toEqual([]);
  });

  it('keeps a salted withheld version unconfirmable: its chain hash does not follow from a guessed text', () => {
    let prev = '';
    const salted = texts.map((t, i) => {
      const v = { ...t, number: i + 1, changeKind: 'update', note: '', savedAt: new Date(Date.UTC(2026, 10, 1 + i, 9)), salt: newSalt() };
      const hashes = hashVersion(prev, v);
      prev = hashes.hash;
      return { ...v, ...hashes, withheld: i === 0 ? { at: new Date(Date.UTC(2026, 10, 3)) } : null };
    });
    const entries = salted.map(publicChainEntry);
    expect(entries[0]).not.toHaveProperty('salt');
    expect(entries[1].salt).toBe(salted[1].salt);
    // The right text, guessed exactly, with everything else the entry publishes: no match.
    const guess = chainHash(entries[0].prevHash, { number: 1, changeKind: 'update', note: '', savedAt: new Date(entries[0].savedAt) }, contentHash(texts[0]));
    expect(guess).not.toBe(entries[0].hash);
    // Readers can still check every readable version, its text included.
    expect(verifyPublicChain(entries, new Map([[2, texts[1]], [3, texts[2]]]))).toEqual([]);
    expect(verifyPublicChain([entries[0], { ...entries[1], salt: newSalt() }, entries[2]], new Map([[2, texts[1]]]))).toEqual([{ number: 2, problem: 'content does not match its hash' }]);
    expect(verifyPublicChain([{ ...entries[0], salt: salted[0].salt }, entries[1], entries[2]])[0].problem).toBe('a withheld version publishes its content hash, salt or note');
  });
});
