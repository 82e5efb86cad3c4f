import { describe, expect, it } from 'vitest';
import { contentHash, hashVersion } from './hash';
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
    expect(verifyPublicChain([{ ...entries[0], contentHash: contentHash(texts[0]) }, entries[1], entries[2]])).toEqual([{ number: 1, problem: 'a withheld version publishes its content hash or note' }]);
    expect(verifyPublicChain([entries[0], entries[2]])[0].problem).toBe('expected version 2');
  });

  it('accepts a chain that starts after unpublished desk drafts', () => {
    const entries = chain([]).map(publicChainEntry).slice(1);
    expect(verifyPublicChain(entries)).toEqual([]);
  });
});
