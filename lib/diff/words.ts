// Word-level diff of two token lists, tuned for prose: bounded, and small equal islands folded in.
import { diffIds, type Edit } from '../text';
import type { Interner, WordToken } from './tokenise';

/** Settings and shared state for one diff request. */
export interface Context {
  interner: Interner;
  threshold: number;
  maxEditLength: number;
  deadline: number;
  islandWords: number;
  maxBlocks: number;
  /** Set once any bound was hit and something was shown coarser than it could have been. */
  approximate: boolean;
}

/** One token's fate; ai / bi index the token in the old / new list. */
export type TokenEdit =
  | { op: 'equal'; a: WordToken; b: WordToken; ai: number; bi: number }
  | { op: 'delete'; a: WordToken; ai: number }
  | { op: 'insert'; b: WordToken; bi: number };

export type TokenDiff = { ok: true; edits: TokenEdit[]; similarity: number } | { ok: false; bounded: boolean };

/**
 * Diffs two token lists. Fails when fewer than `threshold` of the tokens are kept: the caller then
 * shows whole paragraphs deleted and inserted. That share bounds the edit length exactly
 * (kept = 2·LCS/(N+M) ≥ t  ⇔  D ≤ (1−t)(N+M)), so the cheap bound loses nothing; only the absolute
 * cap (maxEditLength) or the clock make a result approximate.
 */
export function diffTokens(a: WordToken[], b: WordToken[], ctx: Context): TokenDiff {
  if (a.length + b.length === 0) return { ok: true, edits: [], similarity: 1 };
  const result = diffScript(a, b, ctx);
  return result.ok ? expand(result.script, a, b) : result;
}

/** diffTokens' search alone: the edit script as runs of one op ({op, count}), not token by token. */
export function diffScript(a: WordToken[], b: WordToken[], ctx: Context): { ok: true; script: Edit[] } | { ok: false; bounded: boolean } {
  const total = a.length + b.length;
  if (total === 0) return { ok: true, script: [] };
  const ids = ctx.interner;
  const limit = Math.floor((1 - ctx.threshold) * total);
  const maxEditLength = Math.min(limit, ctx.maxEditLength);
  const script = diffIds(ids.intern(a), ids.intern(b), { maxEditLength, deadline: ctx.deadline });
  if (!script) {
    const bounded = maxEditLength < limit || Date.now() >= ctx.deadline;
    return { ok: false, bounded };
  }
  return { ok: true, script };
}

/** The script token by token, as diffTokens gives it. */
export function expand(script: Edit[], a: WordToken[], b: WordToken[]): { ok: true; edits: TokenEdit[]; similarity: number } {
  const total = a.length + b.length;
  if (total === 0) return { ok: true, edits: [], similarity: 1 };
  const edits: TokenEdit[] = [];
  let ai = 0;
  let bi = 0;
  let kept = 0;
  for (const { op, count } of script) {
    for (let k = 0; k < count; k++) {
      if (op === 'equal') edits.push({ op, a: a[ai], b: b[bi], ai: ai++, bi: bi++ });
      else if (op === 'delete') edits.push({ op, a: a[ai], ai: ai++ });
      else edits.push({ op, b: b[bi], bi: bi++ });
    }
    if (op === 'equal') kept += count;
  }
  return { ok: true, edits, similarity: (2 * kept) / total };
}

/**
 * At most one change, its deletions already before its insertions (most edited paragraphs): there
 * is no island to fold and nothing to reorder.
 */
function nothingToFold(edits: TokenEdit[]): boolean {
  let changes = 0;
  for (let k = 0; k < edits.length; k++) {
    const op = edits[k].op;
    if (op === 'equal') continue;
    if (k === 0 || edits[k - 1].op === 'equal') changes++;
    else if (op === 'delete' && edits[k - 1].op === 'insert') return false;
    if (changes > 1) return false;
  }
  return true;
}

/** nothingToFold for the edits a script expands to (within one run of the script the op repeats). */
function scriptNeedsNoFolding(script: Edit[]): boolean {
  let changes = 0;
  for (let k = 0; k < script.length; k++) {
    const op = script[k].op;
    if (op === 'equal') continue;
    if (k === 0 || script[k - 1].op === 'equal') changes++;
    else if (op === 'delete' && script[k - 1].op === 'insert') return false;
    if (changes > 1) return false;
  }
  return true;
}

type Stretch = { equal: true; edits: TokenEdit[] } | { equal: false; dels: TokenEdit[]; inss: TokenEdit[] };

function chars(edits: TokenEdit[], side: 'a' | 'b'): number {
  let n = 0;
  for (const e of edits) {
    const t = side === 'a' ? (e.op !== 'insert' ? e.a : undefined) : e.op !== 'delete' ? e.b : undefined;
    if (t) n += t.text.length;
  }
  return n;
}

function stretches(edits: TokenEdit[]): Stretch[] {
  const out: Stretch[] = [];
  for (const e of edits) {
    const last = out[out.length - 1];
    if (e.op === 'equal') {
      if (last?.equal) last.edits.push(e);
      else out.push({ equal: true, edits: [e] });
    } else {
      const target = last && !last.equal ? last : { equal: false as const, dels: [], inss: [] };
      if (target !== last) out.push(target);
      (e.op === 'delete' ? target.dels : target.inss).push(e);
    }
  }
  return out;
}

/**
 * Folds a short equal island between two changes into them, so a rewritten clause reads as one
 * deletion and one insertion instead of confetti. Like diff-match-patch's semantic cleanup, an
 * island only goes when it is no longer than the edits on both sides, so "695 council seats and
 * nine" keeps its islands and each number stays a separate, exact change.
 */
export function foldIslands(edits: TokenEdit[], islandWords: number): TokenEdit[] {
  if (nothingToFold(edits)) return edits;
  const parts = stretches(edits);
  let folded = true;
  while (folded) {
    folded = false;
    for (let i = 1; i + 1 < parts.length; i++) {
      const [left, island, right] = [parts[i - 1], parts[i], parts[i + 1]];
      if (!island.equal || left.equal || right.equal) continue;
      const words = island.edits.reduce((n, e) => n + (e.op === 'equal' && e.b.word ? 1 : 0), 0);
      const size = chars(island.edits, 'b');
      const leftSize = Math.max(chars(left.dels, 'a'), chars(left.inss, 'b'));
      const rightSize = Math.max(chars(right.dels, 'a'), chars(right.inss, 'b'));
      if (words > islandWords || size > leftSize || size > rightSize) continue;
      const dels: TokenEdit[] = [...left.dels];
      const inss: TokenEdit[] = [...left.inss];
      for (const e of island.edits) {
        if (e.op !== 'equal') continue;
        dels.push({ op: 'delete', a: e.a, ai: e.ai });
        inss.push({ op: 'insert', b: e.b, bi: e.bi });
      }
      dels.push(...right.dels);
      inss.push(...right.inss);
      parts.splice(i - 1, 3, { equal: false, dels, inss });
      folded = true;
      i -= 1;
    }
  }
  // Within a change, all deleted words read first, then all inserted ones.
  return parts.flatMap((p) => (p.equal ? p.edits : [...p.dels, ...p.inss]));
}

/** A stretch of a script: equal tokens, or a change deleting a[a0, a1) and inserting b[b0, b1). */
type Span = { equal: boolean; a0: number; a1: number; b0: number; b1: number };

function textLength(tokens: WordToken[], from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) n += tokens[k].text.length;
  return n;
}

/**
 * foldIslands on a script, as a script: foldIslands(expand(script)) is what this expands to. A
 * change's deletions and insertions are each one stretch of their side (folding joins neighbours),
 * so a folded change is one deletion then one insertion.
 */
export function foldScript(script: Edit[], a: WordToken[], b: WordToken[], islandWords: number): Edit[] {
  if (scriptNeedsNoFolding(script)) return script;
  const parts: Span[] = [];
  let ai = 0;
  let bi = 0;
  for (const { op, count } of script) {
    if (count <= 0) continue; // makes no edits
    const equal = op === 'equal';
    let last = parts[parts.length - 1];
    if (!last || last.equal !== equal) {
      last = { equal, a0: ai, a1: ai, b0: bi, b1: bi };
      parts.push(last);
    }
    if (op !== 'insert') ai += count;
    if (op !== 'delete') bi += count;
    last.a1 = ai;
    last.b1 = bi;
  }
  let folded = true;
  while (folded) {
    folded = false;
    for (let i = 1; i + 1 < parts.length; i++) {
      const [left, island, right] = [parts[i - 1], parts[i], parts[i + 1]];
      if (!island.equal || left.equal || right.equal) continue;
      let words = 0;
      for (let k = island.b0; k < island.b1; k++) if (b[k].word) words++;
      const size = textLength(b, island.b0, island.b1);
      const leftSize = Math.max(textLength(a, left.a0, left.a1), textLength(b, left.b0, left.b1));
      const rightSize = Math.max(textLength(a, right.a0, right.a1), textLength(b, right.b0, right.b1));
      if (words > islandWords || size > leftSize || size > rightSize) continue;
      parts.splice(i - 1, 3, { equal: false, a0: left.a0, a1: right.a1, b0: left.b0, b1: right.b1 });
      folded = true;
      i -= 1;
    }
  }
  const out: Edit[] = [];
  for (const p of parts) {
    if (p.equal) out.push({ op: 'equal', count: p.b1 - p.b0 });
    else {
      if (p.a1 > p.a0) out.push({ op: 'delete', count: p.a1 - p.a0 });
      if (p.b1 > p.b0) out.push({ op: 'insert', count: p.b1 - p.b0 });
    }
  }
  return out;
}
