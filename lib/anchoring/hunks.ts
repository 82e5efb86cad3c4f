// What changed between two versions, as character-exact hunks found by a bounded word-level diff.
import { diffArrays } from 'diff';

/** Characters [oa, ob) of the older text became [na, nb) of the newer; text between hunks is identical. */
export interface Hunk {
  oa: number;
  ob: number;
  na: number;
  nb: number;
}

/** Limits on one diff, so no article can stall a request: past them the diff gives up. */
export interface DiffBound {
  /** Most word edits explored. */
  maxEditLength: number;
  /** Milliseconds. */
  timeout: number;
}

export const DEFAULT_BOUND: DiffBound = { maxEditLength: 4_000, timeout: 250 };

export interface Token {
  text: string;
  start: number;
  end: number;
}

// Words and single punctuation marks; whitespace only separates them, so a changed space never
// makes the diff keep spaces and drop real words.
const TOKEN = /[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu;

export function tokenise(text: string): Token[] {
  return Array.from(text.matchAll(TOKEN), (m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
}

/** Hunks from `from` to `to`, or undefined when the bound was hit. */
export function diffHunks(from: string, to: string, bound: DiffBound = DEFAULT_BOUND): Hunk[] | undefined {
  const cached = recall(from, to, bound);
  if (cached) return cached.hunks;
  const hunks = computeHunks(from, to, bound);
  remember({ from, to, bound, hunks });
  return hunks;
}

function computeHunks(from: string, to: string, bound: DiffBound): Hunk[] | undefined {
  const a = tokenise(from);
  const b = tokenise(to);
  const changes = diffArrays(
    a.map((t) => t.text),
    b.map((t) => t.text),
    { maxEditLength: bound.maxEditLength, timeout: bound.timeout },
  );
  if (!changes) return undefined;
  const hunks: Hunk[] = [];
  let i = 0;
  let j = 0;
  let oldEnd = 0;
  let newEnd = 0;
  for (const change of changes) {
    if (change.added) j += change.count;
    else if (change.removed) i += change.count;
    else {
      for (let k = 0; k < change.count; k++, i++, j++) {
        pushGap(hunks, from, to, oldEnd, a[i].start, newEnd, b[j].start);
        oldEnd = a[i].end;
        newEnd = b[j].end;
      }
    }
  }
  pushGap(hunks, from, to, oldEnd, from.length, newEnd, to.length);
  return absorbShortEqualities(hunks, from);
}

/** Records the text between two matched tokens, trimmed to the characters that actually differ. */
function pushGap(hunks: Hunk[], from: string, to: string, oa: number, ob: number, na: number, nb: number) {
  while (oa < ob && na < nb && from[oa] === to[na]) {
    oa++;
    na++;
  }
  while (ob > oa && nb > na && from[ob - 1] === to[nb - 1]) {
    ob--;
    nb--;
  }
  if (oa < ob || na < nb) hunks.push({ oa, ob, na, nb });
}

const size = (h: Hunk) => Math.max(h.ob - h.oa, h.nb - h.na);

/**
 * A lone word the diff kept between two much larger rewrites ("and" matched across two different
 * sentences) is chance, not the same text: it joins the rewrite, much as in diff-match-patch's
 * semantic cleanup. A claim on it is then reported changed rather than found on a coincidence.
 */
function absorbShortEqualities(hunks: Hunk[], from: string): Hunk[] {
  const out: Hunk[] = [];
  for (const h of hunks) {
    const last = out[out.length - 1];
    const kept = last ? from.slice(last.ob, h.oa) : '';
    if (last && tokenise(kept).length <= 1 && 2 * kept.length <= Math.min(size(last), size(h))) {
      out[out.length - 1] = { oa: last.oa, ob: h.ob, na: last.na, nb: h.nb };
    } else {
      out.push(h);
    }
  }
  return out;
}

// A reader's page locates every claim through the same few steps: diff each pair once.
interface Memo {
  from: string;
  to: string;
  bound: DiffBound;
  hunks: Hunk[] | undefined;
}
const memo: Memo[] = [];
const MEMO_SIZE = 16;

function recall(from: string, to: string, bound: DiffBound): Memo | undefined {
  return memo.find((m) => m.from === from && m.to === to && m.bound.maxEditLength === bound.maxEditLength && m.bound.timeout === bound.timeout);
}

function remember(entry: Memo) {
  memo.unshift(entry);
  if (memo.length > MEMO_SIZE) memo.pop();
}
