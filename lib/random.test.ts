import { describe, expect, it } from 'vitest';
import { referenceFrom, seededRandom } from './random';

describe('seededRandom', () => {
  it('gives the same numbers for the same seed, in [0, 1)', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const values = Array.from({ length: 100 }, () => a());
    expect(values).toEqual(Array.from({ length: 100 }, () => b()));
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(seededRandom(43)()).not.toBe(values[0]);
  });
});

describe('referenceFrom', () => {
  it('writes eight characters a caller can read out, each byte value evenly', () => {
    expect(referenceFrom('R', new Uint8Array([0, 1, 31, 32, 33, 255, 128, 200]))).toBe('R-AB9AB9AJ');
    const seen = new Set<string>();
    for (let b = 0; b < 256; b++) seen.add(referenceFrom('C', new Uint8Array(8).fill(b)).slice(2, 3));
    expect(seen.size).toBe(32);
    expect([...seen].join('')).not.toMatch(/[IO01]/);
  });
});
