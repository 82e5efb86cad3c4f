import { describe, expect, it } from 'vitest';
import { type ChainedVersion, contentHash, hashVersion, newSalt, verifyChain } from './hash';

function chain(texts: string[]): ChainedVersion[] {
  let prev = '';
  return texts.map((body, i) => {
    const v = { number: i + 1, headline: 'H', standfirst: 'S', body, changeKind: 'update', note: '', savedAt: new Date(Date.UTC(2026, 10, i + 1)) };
    const hashed = hashVersion(prev, v);
    prev = hashed.hash;
    return { ...v, ...hashed };
  });
}

describe('verifyChain', () => {
  it('accepts an untouched chain', () => {
    expect(verifyChain(chain(['a', 'b', 'c']))).toEqual([]);
  });

  it('finds altered text', () => {
    const c = chain(['a', 'b', 'c']);
    c[1] = { ...c[1], body: 'B' };
    expect(verifyChain(c)).toEqual([{ number: 2, problem: 'content does not match its hash' }]);
  });

  it('finds a version rehashed without its successors', () => {
    const c = chain(['a', 'b', 'c']);
    const forged = { ...c[1], body: 'B', ...hashVersion(c[0].hash, { ...c[1], body: 'B' }) };
    c[1] = forged;
    expect(verifyChain(c).map((b) => b.number)).toEqual([3]);
  });

  it('finds a missing version', () => {
    const c = chain(['a', 'b', 'c']);
    expect(verifyChain([c[0], c[2]]).length).toBeGreaterThan(0);
  });
});

describe('salted content hashes', () => {
  it('verify with their salt, and a different salt or text breaks them', () => {
    const v = { number: 1, headline: 'H', standfirst: 'S', body: 'B', changeKind: 'first_publication', note: '', savedAt: new Date(Date.UTC(2026, 11, 1)), salt: newSalt() };
    const chained = { ...v, ...hashVersion('', v) };
    expect(verifyChain([chained])).toEqual([]);
    expect(chained.contentHash).not.toBe(contentHash({ ...v, salt: null }));
    expect(verifyChain([{ ...chained, salt: newSalt() }]).map((b) => b.problem)).toContain('content does not match its hash');
    expect(verifyChain([{ ...chained, body: 'C' }]).map((b) => b.problem)).toContain('content does not match its hash');
  });
});
