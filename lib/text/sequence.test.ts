// Properties of the one sequence diff: its script turns a into b, it is minimal (an LCS oracle),
// it matches the tokens jsdiff matches, and it gives up exactly past its bound.
import { diffArrays } from 'diff';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffIds, type Edit } from './sequence';

function apply(a: number[], b: number[], script: Edit[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  for (const { op, count } of script) {
    if (op === 'equal') {
      for (let k = 0; k < count; k++) expect(a[i + k]).toBe(b[j + k]);
      out.push(...a.slice(i, i + count));
      i += count;
      j += count;
    } else if (op === 'delete') i += count;
    else {
      out.push(...b.slice(j, j + count));
      j += count;
    }
  }
  expect(i).toBe(a.length);
  return out;
}

/** Length of the longest common subsequence, by the textbook table. */
function lcs(a: number[], b: number[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j];
      row[j] = a[i - 1] === b[j - 1] ? diagonal + 1 : Math.max(row[j], row[j - 1]);
      diagonal = up;
    }
  }
  return row[b.length];
}

const edits = (script: Edit[]) => script.reduce((n, e) => n + (e.op === 'equal' ? 0 : e.count), 0);
const FAR = () => Date.now() + 60_000;

/** Small alphabets make many equal tokens, where a careless diff goes wrong. */
const sequences = fc.integer({ min: 1, max: 8 }).chain((alphabet) =>
  fc.tuple(fc.array(fc.integer({ min: 0, max: alphabet }), { maxLength: 40 }), fc.array(fc.integer({ min: 0, max: alphabet }), { maxLength: 40 })),
);
/** b as an edit of a, as most real diffs are. */
const edited = fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 60 }).chain((a) =>
  fc.tuple(fc.constant(a), fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 20 })), { minLength: a.length, maxLength: a.length })).map(([xs, how]) => {
    const b = xs.flatMap((x, k) => (how[k][0] === 0 ? [] : how[k][0] === 1 ? [how[k][1]] : how[k][0] === 2 ? [x, how[k][1]] : [x]));
    return [xs, b] as [number[], number[]];
  }),
);

describe('diffIds', () => {
  it('gives a script that turns a into b, with the fewest edits there are', () => {
    for (const arb of [sequences, edited]) {
      fc.assert(
        fc.property(arb, ([a, b]) => {
          const script = diffIds(a, b, { maxEditLength: 1_000, deadline: FAR() });
          expect(script).toBeDefined();
          expect(apply(a, b, script!)).toEqual(b);
          expect(edits(script!)).toBe(a.length + b.length - 2 * lcs(a, b));
        }),
        { numRuns: 300 },
      );
    }
  });

  it('keeps the same tokens as jsdiff’s diffArrays on the trimmed middle (the same search, the same choices)', () => {
    fc.assert(
      fc.property(sequences, ([a, b]) => {
        const ours = diffIds(a, b, { maxEditLength: 1_000, deadline: FAR() })!;
        let head = 0;
        while (head < Math.min(a.length, b.length) && a[head] === b[head]) head++;
        let tail = 0;
        while (tail < Math.min(a.length, b.length) - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
        const middle = diffArrays(a.slice(head, a.length - tail), b.slice(head, b.length - tail));
        const theirs = [{ count: head }, ...middle, { count: tail }];
        const kept = (script: { op: string; count: number }[]) => {
          const pairs: string[] = [];
          let i = 0;
          let j = 0;
          for (const { op, count } of script) {
            if (op === 'equal') for (let k = 0; k < count; k++) pairs.push(`${i++}:${j++}`);
            else if (op === 'delete') i += count;
            else j += count;
          }
          return pairs;
        };
        expect(kept(ours)).toEqual(kept(theirs.map((c) => ({ op: 'added' in c && c.added ? 'insert' : 'removed' in c && c.removed ? 'delete' : 'equal', count: c.count }))));
      }),
      { numRuns: 500 },
    );
  });

  it('gives up exactly when the shortest script is longer than the bound', () => {
    fc.assert(
      fc.property(sequences, fc.integer({ min: 0, max: 40 }), ([a, b], bound) => {
        const shortest = a.length + b.length - 2 * lcs(a, b);
        const script = diffIds(a, b, { maxEditLength: bound, deadline: FAR() });
        if (shortest > bound) expect(script).toBeUndefined();
        else expect(edits(script!)).toBe(shortest);
      }),
      { numRuns: 500 },
    );
  });

  it('gives up when the clock has run out', () => {
    expect(diffIds([1, 2, 3], [4, 5, 6], { maxEditLength: 100, deadline: Date.now() - 1 })).toBeUndefined();
  });

  it('handles long inputs past its traced search the same way', () => {
    // Two unrelated runs of 800 sharing one token: 1,598 edits, beyond the traced search's cap.
    const a = Array.from({ length: 800 }, (_, i) => (i * 7) % 13);
    const b = Array.from({ length: 800 }, (_, i) => 20 + ((i * 5) % 11));
    b[400] = a[400];
    const script = diffIds(a, b, { maxEditLength: 1_600, deadline: FAR() })!;
    expect(apply(a, b, script)).toEqual(b);
    expect(edits(script)).toBe(1_598);
    expect(diffIds(a, b, { maxEditLength: 1_597, deadline: FAR() })).toBeUndefined();
  }, 60_000);
});
