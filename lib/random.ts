// A small seeded PRNG (mulberry32), so generators, benchmarks and tests write the same text every run.
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Letters and digits that are not mistaken for each other when read out on the phone (no I, O, 0, 1). */
const REFERENCE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * A reference a reader or complainant can quote ("R-7KQ2M9XH", "C-…"): eight characters from 32,
 * from the given random bytes (each byte maps evenly: 256 is a multiple of 32).
 */
export function referenceFrom(prefix: string, bytes: Uint8Array): string {
  return `${prefix}-${Array.from(bytes.subarray(0, 8), (b) => REFERENCE_ALPHABET[b % REFERENCE_ALPHABET.length]).join('')}`;
}
