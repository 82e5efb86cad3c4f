// Aligns two versions' paragraphs: kept, moved, paired (1:1, split, merge), added or removed.
import { type Block, blockTokens } from './blocks';
import { type Bag, bagOf, pairRegion, sharedMatrix } from './pairing';
import { diffIds } from '../text';
import { countWords } from './runs';
import { type Context, type TokenEdit, diffTokens } from './words';

/** One row of the alignment, before it is turned into display blocks. */
export type Item =
  | { kind: 'equal'; o: number; n: number }
  /** Old paragraphs dels became new ones news: one of them may be empty (added or removed). */
  | { kind: 'step'; dels: number[]; news: number[]; region: number }
  /** A moved paragraph at its old (from) or new (to) place; edits when it was also edited. */
  | { kind: 'move'; side: 'from' | 'to'; id: number; o: number; n: number; edits?: TokenEdit[] };

type Entry = { op: 'equal'; o: number; n: number } | { op: 'delete'; o: number } | { op: 'insert'; n: number };

/** Near-moves need real paragraphs (not "Advertisement") and a close likeness. */
const MOVE_MIN_WORDS = 5;
const MOVE_SIMILARITY = 0.7;
const MAX_MOVE_CANDIDATES = 10_000;

function script(olds: Block[], news: Block[], ctx: Context): Entry[] | undefined {
  if (olds.length > ctx.maxBlocks || news.length > ctx.maxBlocks) return undefined;
  const edits = diffIds(
    olds.map((b) => b.id),
    news.map((b) => b.id),
    { maxEditLength: ctx.maxEditLength, deadline: ctx.deadline },
  );
  if (!edits) return undefined;
  const entries: Entry[] = [];
  let o = 0;
  let n = 0;
  for (const { op, count } of edits) {
    for (let k = 0; k < count; k++) {
      if (op === 'equal') entries.push({ op, o: o++, n: n++ });
      else if (op === 'delete') entries.push({ op, o: o++ });
      else entries.push({ op, n: n++ });
    }
  }
  return entries;
}

/**
 * When even the paragraph alignment is over its bound: keep the common start and end, show the
 * rest as removed then added. Linear, so it always answers.
 */
function coarse(olds: Block[], news: Block[]): Item[] {
  let head = 0;
  while (head < olds.length && head < news.length && olds[head].id === news[head].id) head++;
  let tail = 0;
  while (tail < olds.length - head && tail < news.length - head && olds[olds.length - 1 - tail].id === news[news.length - 1 - tail].id) tail++;
  const items: Item[] = [];
  for (let i = 0; i < head; i++) items.push({ kind: 'equal', o: i, n: i });
  for (let o = head; o < olds.length - tail; o++) items.push({ kind: 'step', dels: [o], news: [], region: 0 });
  for (let n = head; n < news.length - tail; n++) items.push({ kind: 'step', dels: [], news: [n], region: 0 });
  for (let k = tail; k > 0; k--) items.push({ kind: 'equal', o: olds.length - k, n: news.length - k });
  return items;
}

function bag(block: Block, ctx: Context, like?: Block): Bag {
  const tokens = blockTokens(block, ctx.interner, like);
  ctx.interner.intern(tokens);
  return bagOf(tokens);
}

export function alignBlocks(olds: Block[], news: Block[], ctx: Context): Item[] {
  const entries = script(olds, news, ctx);
  if (!entries) {
    ctx.approximate = true;
    return coarse(olds, news);
  }
  // Exact moves first: a removed paragraph that reappears word for word elsewhere.
  const removed = new Map<number, number[]>();
  for (const e of entries) {
    if (e.op !== 'delete') continue;
    const list = removed.get(olds[e.o].id);
    if (list) list.push(e.o);
    else removed.set(olds[e.o].id, [e.o]);
  }
  const moveOfOld = new Map<number, number>();
  const moveOfNew = new Map<number, number>();
  const moveTarget = new Map<number, number>();
  for (const e of entries) {
    if (e.op !== 'insert') continue;
    const o = removed.get(news[e.n].id)?.shift();
    if (o === undefined) continue;
    const id = moveOfOld.size + 1;
    moveOfOld.set(o, id);
    moveOfNew.set(e.n, id);
    moveTarget.set(id, e.n);
  }
  const moveSource = new Map([...moveOfOld].map(([o, id]) => [id, o]));

  const items: Item[] = [];
  let region = 0;
  for (let k = 0; k < entries.length; ) {
    const e = entries[k];
    if (e.op === 'equal') {
      items.push({ kind: 'equal', o: e.o, n: e.n });
      k++;
      continue;
    }
    const dels: number[] = [];
    const inss: number[] = [];
    const moved: Item[] = [];
    for (; k < entries.length && entries[k].op !== 'equal'; k++) {
      const r = entries[k];
      if (r.op === 'delete') {
        const id = moveOfOld.get(r.o);
        if (id === undefined) dels.push(r.o);
        else moved.push({ kind: 'move', side: 'from', id, o: r.o, n: moveTarget.get(id) ?? 0 });
      } else if (r.op === 'insert') {
        const id = moveOfNew.get(r.n);
        if (id === undefined) inss.push(r.n);
        else moved.push({ kind: 'move', side: 'to', id, o: moveSource.get(id) ?? 0, n: r.n });
      }
    }
    // Each new paragraph is most likely an edit of the old one at its place in the region.
    const oldBags = dels.map((o) => bag(olds[o], ctx));
    const newBags = inss.map((n, j) => bag(news[n], ctx, dels.length > 0 ? olds[dels[Math.min(j, dels.length - 1)]] : undefined));
    const steps = pairRegion(
      oldBags,
      newBags,
      ctx.threshold,
    ).map((s): Item => ({ kind: 'step', dels: s.dels.map((i) => dels[i]), news: s.news.map((j) => inss[j]), region }));
    items.push(...interleave(steps, moved));
    region++;
  }
  findNearMoves(items, olds, news, ctx);
  return items;
}

/** Puts the moved paragraphs of a region back among its steps, each at its own place. */
function interleave(steps: Item[], moved: Item[]): Item[] {
  const out: Item[] = [];
  const pending = [...moved];
  for (const s of steps) {
    if (s.kind !== 'step') continue;
    const o = s.dels[0];
    const n = s.news[0];
    for (let i = 0; i < pending.length; ) {
      const m = pending[i];
      const before = m.kind === 'move' && (m.side === 'from' ? o !== undefined && m.o < o : n !== undefined && m.n < n);
      if (before) out.push(...pending.splice(i, 1));
      else i++;
    }
    out.push(s);
  }
  out.push(...pending.filter((m) => m.kind === 'move' && m.side === 'from'), ...pending.filter((m) => m.kind === 'move' && m.side === 'to'));
  return out;
}

/**
 * A paragraph removed in one place and added, lightly edited, in another is a move with edits.
 * Only across regions: within one, pairRegion already had its chance.
 */
function findNearMoves(items: Item[], olds: Block[], news: Block[], ctx: Context): void {
  const gone: number[] = [];
  const added: number[] = [];
  items.forEach((it, i) => {
    if (it.kind !== 'step' || it.dels.length + it.news.length !== 1) return;
    const block = it.dels.length === 1 ? olds[it.dels[0]] : news[it.news[0]];
    if (countWords(blockTokens(block, ctx.interner)) >= MOVE_MIN_WORDS) (it.dels.length === 1 ? gone : added).push(i);
  });
  if (gone.length === 0 || added.length === 0 || gone.length * added.length > MAX_MOVE_CANDIDATES) return;
  const step = (i: number) => items[i] as Extract<Item, { kind: 'step' }>;
  const candidates: { g: number; a: number; score: number }[] = [];
  const goneBags = gone.map((g) => bag(olds[step(g).dels[0]], ctx));
  const addedBags = added.map((a) => bag(news[step(a).news[0]], ctx));
  const common = sharedMatrix(goneBags, addedBags);
  gone.forEach((g, x) => {
    added.forEach((a, y) => {
      if (step(g).region === step(a).region) return;
      const score = (2 * common[x * added.length + y]) / (goneBags[x].size + addedBags[y].size);
      if (score >= Math.max(MOVE_SIMILARITY, ctx.threshold)) candidates.push({ g, a, score });
    });
  });
  candidates.sort((x, y) => y.score - x.score);
  const used = new Set<number>();
  let id = items.reduce((max, it) => (it.kind === 'move' ? Math.max(max, it.id) : max), 0);
  // Same words in a different order pass the bag test but not the diff; stop trying after a while.
  let attempts = gone.length + added.length;
  for (const { g, a } of candidates) {
    if (used.has(g) || used.has(a)) continue;
    if (attempts-- <= 0) break;
    const o = step(g).dels[0];
    const n = step(a).news[0];
    const result = diffTokens(blockTokens(olds[o], ctx.interner), blockTokens(news[n], ctx.interner), ctx);
    if (!result.ok) {
      if (result.bounded) ctx.approximate = true;
      continue;
    }
    used.add(g).add(a);
    id += 1;
    items[g] = { kind: 'move', side: 'from', id, o, n, edits: result.edits };
    items[a] = { kind: 'move', side: 'to', id, o, n, edits: result.edits };
  }
}
