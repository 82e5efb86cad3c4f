// Properties of the reader diff on random texts: both versions can be read back out of it, word for
// word, whatever was edited, moved, split or merged, and its word diff is as small as jsdiff's.
import { diffArrays } from 'diff';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffBody, diffText } from './index';
import { Interner, tokenisePlain } from './tokenise';
import type { DiffBlock, DiffRun } from './types';
import { type Context, diffTokens } from './words';

// Plain words and punctuation only, so no paragraph reads as Markdown (a list, a heading).
const VOCAB = ['the', 'council', 'lost', 'seats', 'and', 'nine', 'councils', 'Hart', 'said', 'not', '695', '842', ',', '.', 'O’Brien'];
const word = fc.constantFrom(...VOCAB);
const space = fc.constantFrom(' ', ' ', ' ', '  ', '\n');
const sentence = fc.array(fc.tuple(word, space), { minLength: 1, maxLength: 14 }).map((ws) => ws.map(([w, s], i) => (i === 0 ? w : s + w)).join(''));
const paragraph = fc.array(word, { minLength: 1, maxLength: 14 }).map((ws) => `Now ${ws.join(' ')}`);

/** A version and an edit of it: words replaced, dropped or added, paragraphs dropped, added or moved. */
const versions = fc.array(paragraph, { minLength: 1, maxLength: 8 }).chain((paras) =>
  fc.tuple(
    fc.constant(paras),
    fc.array(fc.tuple(fc.integer({ min: 0, max: 9 }), word, paragraph), { minLength: paras.length, maxLength: paras.length }),
    fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 3 }),
  ).map(([old, how, moves]) => {
    const next: string[] = [];
    old.forEach((p, k) => {
      const [what, w, fresh] = how[k];
      if (what === 0) return; // removed
      if (what === 1) next.push(fresh, p); // a new paragraph before it
      else if (what <= 4) next.push(p.split(' ').map((x, i) => (i === what ? w : x)).join(' ')); // a word replaced
      else if (what === 5) next.push(`${p} ${w}`);
      else next.push(p);
    });
    for (const [from, to] of moves) {
      if (next.length < 2) break;
      const [moved] = next.splice(from % next.length, 1);
      next.splice(to % (next.length + 1), 0, moved);
    }
    return [old, next] as [string[], string[]];
  }),
);

/** The clock's bound off: a busy test machine must not make the diff approximate. */
const UNHURRIED = { timeoutMs: 600_000 };
const tokens = (text: string) => tokenisePlain(text).map((t) => t.text);
const join = (runs: DiffRun[], skip: DiffRun['op']) => runs.filter((r) => r.op !== skip).map((r) => r.text).join(' ');

/** Each version's paragraphs, read back from the diff's blocks (a split or merge spans several). */
function readBack(blocks: DiffBlock[], side: 'old' | 'new'): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const b of blocks) {
    const index = side === 'old' ? b.oldIndex : b.newIndex;
    if (index === undefined) continue;
    if (side === 'old' && (b.op === 'insert' || b.move?.side === 'to')) continue;
    if (side === 'new' && (b.op === 'delete' || b.move?.side === 'from')) continue;
    out.set(index, [...(out.get(index) ?? []), ...tokens(join(b.runs, side === 'old' ? 'insert' : 'delete'))]);
  }
  return out;
}

describe('diffBody, on random edits', () => {
  it('holds both versions: each paragraph of each reads back word for word', () => {
    fc.assert(
      fc.property(versions, ([old, next]) => {
        const d = diffBody(old.join('\n\n'), next.join('\n\n'), UNHURRIED);
        expect(d.approximate).toBe(false);
        const olds = readBack(d.blocks, 'old');
        const news = readBack(d.blocks, 'new');
        expect([...olds.keys()].sort((x, y) => x - y)).toEqual(old.map((_, i) => i));
        expect([...news.keys()].sort((x, y) => x - y)).toEqual(next.map((_, i) => i));
        old.forEach((p, i) => expect(olds.get(i)).toEqual(tokens(p)));
        next.forEach((p, i) => expect(news.get(i)).toEqual(tokens(p)));
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  it('says nothing changed only when nothing did', () => {
    fc.assert(
      fc.property(versions, ([old, next]) => {
        const d = diffBody(old.join('\n\n'), next.join('\n\n'), UNHURRIED);
        const same = old.join('\n') === next.join('\n');
        expect(d.summary.changes === 0).toBe(same);
        expect(d.blocks.every((b) => b.op === 'equal')).toBe(same);
      }),
      { numRuns: 200 },
    );
  }, 120_000);
});

describe('diffText, on random sentences', () => {
  it('applying the diff to the older text gives the newer one (spacing as the newer has it)', () => {
    fc.assert(
      fc.property(sentence, sentence, (a, b) => {
        const { runs } = diffText(a, b, UNHURRIED);
        expect(runs.filter((r) => r.op !== 'delete').map((r) => r.text).join('')).toBe(b.trimEnd());
        expect(tokens(runs.filter((r) => r.op !== 'insert').map((r) => r.text).join(''))).toEqual(tokens(a));
      }),
      { numRuns: 300 },
    );
  });
});

describe('the word diff', () => {
  const context = (): Context => ({ interner: new Interner(), threshold: 0, maxEditLength: 10_000, deadline: Date.now() + 60_000, islandWords: 2, maxBlocks: 5_000, approximate: false });

  it('changes no more tokens than jsdiff’s diffArrays on the same tokens', () => {
    fc.assert(
      fc.property(sentence, sentence, (a, b) => {
        const [x, y] = [tokenisePlain(a), tokenisePlain(b)];
        const ours = diffTokens(x, y, context());
        expect(ours.ok).toBe(true);
        if (!ours.ok) return;
        const changedOurs = ours.edits.filter((e) => e.op !== 'equal').length;
        const changedTheirs = diffArrays(x.map((t) => t.text), y.map((t) => t.text))
          .filter((c) => c.added || c.removed)
          .reduce((n, c) => n + c.count, 0);
        expect(changedOurs).toBeLessThanOrEqual(changedTheirs);
      }),
      { numRuns: 300 },
    );
  });
});
