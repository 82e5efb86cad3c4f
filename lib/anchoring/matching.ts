// What counts as the same words when anchoring, and how alike two strings are.

/**
 * Folds typographic variants one character for one (curly quotes, dashes, no-break spaces), so
 * offsets into the folded text are offsets into the original.
 */
export function fold(text: string): string {
  return text
    .replace(/[‘’‚‛′]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/[‐‑‒–—―−]/g, '-')
    .replace(/[\u00a0\u2007\u202f\u2009\u200a]/g, ' ');
}

/**
 * The claim's words as a reader sees them: a doubled space, a straightened quote or an ellipsis
 * typed as three dots do not make different words. Case and other punctuation still do.
 */
export function typographic(text: string): string {
  return fold(text).replace(/…/g, '...').replace(/\s+/g, ' ').trim();
}

/** Context compared loosely: case and spacing do not matter. */
function looseContext(text: string): string {
  return typographic(text).toLowerCase();
}

/** Levenshtein distance, abandoned (returns limit + 1) once it must exceed `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, current[j]);
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length];
}

/** Similarity in [0, 1] from the edit distance, relative to the longer string. */
export function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - editDistance(a, b) / longest;
}

/** How well two contexts (words before and after) agree, in [0, 1]. */
export function contextSimilarity(prefixA: string, suffixA: string, prefixB: string, suffixB: string): number {
  return similarity(`${looseContext(prefixA)}\u0000${looseContext(suffixA)}`, `${looseContext(prefixB)}\u0000${looseContext(suffixB)}`);
}
