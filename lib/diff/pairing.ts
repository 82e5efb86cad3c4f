// Pairs the deleted and inserted paragraphs of one changed region, including splits and merges.
import type { WordToken } from './tokenise';

/** A paragraph's tokens as a bag (id → count): cheap to compare, and an upper bound on the LCS. */
export interface Bag {
  ids: Int32Array;
  counts: Int32Array;
  size: number;
}

// Interned ids are small integers, so counting in one reused array beats a Map per paragraph.
// Every function below leaves it all zeros again before returning.
let tally = new Int32Array(1024);

function reserve(bags: Bag[]): void {
  let max = 0;
  for (const b of bags) for (const id of b.ids) max = Math.max(max, id);
  if (max >= tally.length) tally = new Int32Array(Math.max(max + 1, tally.length * 2));
}

export function bagOf(tokens: WordToken[]): Bag {
  const first = new Int32Array(tokens.length);
  let distinct = 0;
  for (let k = 0; k < tokens.length; k++) {
    const id = tokens[k].id;
    if (id >= tally.length) {
      const wider = new Int32Array(Math.max(id + 1, tally.length * 2));
      wider.set(tally); // mid-count: keep what is counted so far
      tally = wider;
    }
    if (tally[id]++ === 0) first[distinct++] = id;
  }
  const ids = first.subarray(0, distinct);
  const counts = new Int32Array(distinct);
  for (let k = 0; k < distinct; k++) {
    counts[k] = tally[ids[k]];
    tally[ids[k]] = 0;
  }
  return { ids, counts, size: tokens.length };
}

/** Tokens one bag shares with the union of others (a paragraph against the parts it split into). */
function shared(one: Bag, many: Bag[]): number {
  reserve([one, ...many]);
  for (const b of many) for (let k = 0; k < b.ids.length; k++) tally[b.ids[k]] += b.counts[k];
  let n = 0;
  for (let k = 0; k < one.ids.length; k++) n += Math.min(one.counts[k], tally[one.ids[k]]);
  for (const b of many) for (const id of b.ids) tally[id] = 0;
  return n;
}

/** Dice similarity of a paragraph against one or more: 2·shared / total. */
export function dice(one: Bag, many: Bag[]): number {
  const total = many.reduce((n, b) => n + b.size, one.size);
  return total === 0 ? 1 : (2 * shared(one, many)) / total;
}

/**
 * Shared tokens of every old × new pair: each new bag's counts go into the dense tally, and every
 * old bag reads it. Callers keep old × new small (a region's table, the move candidates).
 */
export function sharedMatrix(olds: Bag[], news: Bag[]): Int32Array {
  const n = news.length;
  const out = new Int32Array(olds.length * n);
  reserve(olds);
  reserve(news);
  const counted = tally; // a local: the loops below read it per token
  for (let j = 0; j < n; j++) {
    const { ids, counts } = news[j];
    for (let k = 0; k < ids.length; k++) counted[ids[k]] = counts[k];
    for (let i = 0; i < olds.length; i++) {
      const oldIds = olds[i].ids;
      const oldCounts = olds[i].counts;
      let common = 0;
      for (let k = 0; k < oldIds.length; k++) {
        const there = counted[oldIds[k]];
        if (there > 0) common += there < oldCounts[k] ? there : oldCounts[k];
      }
      out[i * n + j] = common;
    }
    for (let k = 0; k < ids.length; k++) counted[ids[k]] = 0;
  }
  return out;
}

/** One step through a region: dels old paragraphs become news new ones (1:1, 1:k split, k:1 merge). */
export interface Step {
  dels: number[];
  news: number[];
}

const MAX_PARTS = 3;
/** Beyond this many candidate pairs, pair greedily in order rather than by dynamic programming. */
const MAX_CELLS = 40_000;

/**
 * Chooses, in order, which old paragraphs of a region became which new ones, maximising the tokens
 * they share. A candidate must reach `threshold` Dice similarity: Dice is an upper bound on the
 * share of tokens a word diff can keep, so nothing below it could pass the later check anyway.
 * Returns steps that cover every index once: unpaired ones as 1:0 or 0:1 steps.
 */
export function pairRegion(olds: Bag[], news: Bag[], threshold: number): Step[] {
  const m = olds.length;
  const n = news.length;
  if (m === 0 || n === 0) return unpaired(range(0, m), range(0, n));
  // One paragraph became one (the usual edit): the table below would pair them on the same test.
  if (m === 1 && n === 1) {
    const common = shared(olds[0], news);
    const total = olds[0].size + news[0].size;
    return common > 0 && (2 * common) / total >= threshold ? [{ dels: [0], news: [0] }] : unpaired([0], [0]);
  }
  if (m * n > MAX_CELLS) return pairGreedily(olds, news, threshold);

  const width = n + 1;
  const score = new Float64Array((m + 1) * width);
  const move = new Uint8Array((m + 1) * width); // 0: delete, 1: insert, 2+: pairing (see SHAPES)
  const SHAPES: [number, number][] = [[1, 0], [0, 1], [1, 1]];
  for (let k = 2; k <= MAX_PARTS; k++) SHAPES.push([1, k], [k, 1]);
  const pair11 = sharedMatrix(olds, news);
  for (let i = 0; i <= m; i++) {
    for (let j = 0; j <= n; j++) {
      if (i === 0 && j === 0) continue;
      let best = -1;
      let choice = 0;
      for (let s = 0; s < SHAPES.length; s++) {
        const [di, dj] = SHAPES[s];
        if (di > i || dj > j) continue;
        const before = score[(i - di) * width + (j - dj)];
        let gain = 0;
        if (di > 0 && dj > 0) {
          gain = pairGain(olds, news, i - di, j - dj, di, dj, threshold, pair11, n);
          if (gain <= 0) continue;
        }
        if (before + gain > best) {
          best = before + gain;
          choice = s;
        }
      }
      score[i * width + j] = best;
      move[i * width + j] = choice;
    }
  }
  const steps: Step[] = [];
  for (let i = m, j = n; i > 0 || j > 0; ) {
    const [di, dj] = SHAPES[move[i * width + j]];
    steps.push({ dels: range(i - di, i), news: range(j - dj, j) });
    i -= di;
    j -= dj;
  }
  return tidy(steps.reverse());
}

/** Shared tokens if these paragraphs pair well enough, else 0; splits and merges pay a little. */
function pairGain(olds: Bag[], news: Bag[], i: number, j: number, di: number, dj: number, threshold: number, pair11: Int32Array, n: number): number {
  if (di === 1 && dj === 1) {
    const first = pair11[i * n + j];
    const total = olds[i].size + news[j].size;
    return total > 0 && (2 * first) / total >= threshold ? first : 0;
  }
  // A split is only worth a look when each part mostly sits inside the other side's paragraph.
  const split = di === 1;
  const count = split ? dj : di;
  for (let p = 0; p < count; p++) {
    const inside = split ? pair11[i * n + j + p] : pair11[(i + p) * n + j];
    const size = split ? news[j + p].size : olds[i + p].size;
    if (size === 0 || inside / size < threshold) return 0;
  }
  const one = split ? olds[i] : news[j];
  const parts = split ? news.slice(j, j + dj) : olds.slice(i, i + di);
  const common = shared(one, parts);
  const total = parts.reduce((sum, b) => sum + b.size, one.size);
  return (2 * common) / total >= threshold ? common - 0.5 : 0;
}

function pairGreedily(olds: Bag[], news: Bag[], threshold: number): Step[] {
  const steps: Step[] = [];
  let i = 0;
  let j = 0;
  const similar = (x: number, y: number) => x < olds.length && y < news.length && dice(olds[x], [news[y]]) >= threshold;
  while (i < olds.length && j < news.length) {
    if (similar(i, j)) steps.push({ dels: [i++], news: [j++] });
    else if (similar(i, j + 1)) steps.push({ dels: [], news: [j++] });
    else if (similar(i + 1, j)) steps.push({ dels: [i++], news: [] });
    else steps.push({ dels: [i++], news: [] }, { dels: [], news: [j++] });
  }
  steps.push(...unpaired(range(i, olds.length), range(j, news.length)));
  return tidy(steps);
}

/** Between pairings, show the deleted paragraphs first, then the inserted ones. */
function tidy(steps: Step[]): Step[] {
  const out: Step[] = [];
  let dels: Step[] = [];
  let inss: Step[] = [];
  const flush = () => {
    out.push(...dels, ...inss);
    dels = [];
    inss = [];
  };
  for (const s of steps) {
    if (s.dels.length > 0 && s.news.length > 0) {
      flush();
      out.push(s);
    } else if (s.dels.length > 0) dels.push(s);
    else inss.push(s);
  }
  flush();
  return out;
}

function unpaired(dels: number[], news: number[]): Step[] {
  return [...dels.map((i) => ({ dels: [i], news: [] })), ...news.map((j) => ({ dels: [], news: [j] }))];
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) out.push(i);
  return out;
}
