// Turns the paragraph alignment into display blocks with word-level runs, and counts the changes.
import type { Item } from './align';
import { type Block, blockTokens, sameShape } from './blocks';
import type { RangeCollector } from './ranges';
import { blockText, countWords, editsToRuns, emptySummary, scriptToRuns, segmentRuns, tallyEdits } from './runs';
import type { Interner, WordToken } from './tokenise';
import type { DiffBlock, DiffRun, DiffSummary } from './types';
import { type Context, type TokenEdit, diffScript, expand, foldIslands, foldScript } from './words';

interface Build {
  olds: Block[];
  news: Block[];
  ctx: Context;
  ranges?: RangeCollector;
  blocks: DiffBlock[];
  summary: DiffSummary;
}

/** Tokens of consecutive blocks as one list, with the block each token came from. */
function joined(blocks: Block[], interner: Interner): { tokens: WordToken[]; part: ArrayLike<number> } {
  // Mostly one paragraph became one: its own tokens, all from part 0.
  if (blocks.length === 1) {
    const tokens = blockTokens(blocks[0], interner);
    return { tokens, part: new Uint8Array(tokens.length) };
  }
  const tokens: WordToken[] = [];
  const part: number[] = [];
  blocks.forEach((block, p) => {
    blockTokens(block, interner).forEach((t, i) => {
      // The paragraph break stood where a space now stands (or the other way round): no spacing change.
      tokens.push(p > 0 && i === 0 ? { ...t, pre: ' ' } : t);
      part.push(p);
    });
  });
  return { tokens, part };
}

function removed(b: Build, o: number): void {
  const block = b.olds[o];
  b.blocks.push({ op: 'delete', shape: block.shape, oldIndex: o, runs: segmentRuns(block.segments, 'delete') });
  b.summary.wordsDeleted += countWords(blockTokens(block, b.ctx.interner));
  b.ranges?.block('old', block);
}

function added(b: Build, n: number): void {
  const block = b.news[n];
  b.blocks.push({ op: 'insert', shape: block.shape, newIndex: n, runs: segmentRuns(block.segments, 'insert') });
  b.summary.wordsInserted += countWords(blockTokens(block, b.ctx.interner));
  b.ranges?.block('new', block);
}

function collect(b: Build, edits: TokenEdit[], oldOf: (ai: number) => Block, newOf: (bi: number) => Block): void {
  if (!b.ranges) return;
  for (const e of edits) {
    if (e.op === 'delete') b.ranges.token('old', oldOf(e.ai), e.a);
    else if (e.op === 'insert') b.ranges.token('new', newOf(e.bi), e.b);
  }
}

function trimStart(runs: DiffRun[]): DiffRun[] {
  if (runs.length > 0) runs[0] = { ...runs[0], text: runs[0].text.trimStart() };
  return runs.filter((r) => r.text !== '');
}

/** Old paragraphs dels became news: diff their words, or show them removed and added. */
function paired(b: Build, dels: number[], news: number[]): void {
  const a = joined(dels.map((o) => b.olds[o]), b.ctx.interner);
  const z = joined(news.map((n) => b.news[n]), b.ctx.interner);
  const result = diffScript(a.tokens, z.tokens, b.ctx);
  if (!result.ok) {
    // MediaWiki style: a pair that changed too much (or too much to work out) is a removal and an addition.
    if (result.bounded) b.ctx.approximate = true;
    dels.forEach((o) => removed(b, o));
    news.forEach((n) => added(b, n));
    return;
  }
  // The usual edit (one paragraph became one): runs straight from the script.
  if (dels.length === 1 && news.length === 1 && !b.ranges) {
    const [o, n] = [dels[0], news[0]];
    const [before, after] = [b.olds[o], b.news[n]];
    const script = foldScript(result.script, a.tokens, z.tokens, b.ctx.islandWords);
    const runs = scriptToRuns(script, a.tokens, z.tokens, blockText(before.segments), blockText(after.segments), b.summary);
    const reshaped = !sameShape(before.shape, after.shape);
    const edited = runs.some((r) => r.op !== 'equal');
    if (reshaped && !edited) b.summary.changes += 1;
    const block: DiffBlock = { op: reshaped || edited ? 'change' : 'equal', shape: after.shape, oldIndex: o, newIndex: n, runs };
    if (reshaped) block.oldShape = before.shape;
    b.blocks.push(block);
    return;
  }
  const edits = foldIslands(expand(result.script, a.tokens, z.tokens).edits, b.ctx.islandWords);
  tallyEdits(edits, b.summary);
  collect(b, edits, (ai) => b.olds[dels[a.part[ai]]], (bi) => b.news[news[z.part[bi]]]);
  // Cut the edits back into paragraphs along whichever side has several (split or merge).
  const split = news.length > 1;
  const parts = Math.max(dels.length, news.length);
  const cuts: TokenEdit[][] = parts === 1 ? [edits] : Array.from({ length: parts }, () => []);
  let p = 0;
  if (parts > 1) {
    for (const e of edits) {
      if (split && e.op !== 'delete') p = z.part[e.bi];
      if (!split && e.op !== 'insert') p = a.part[e.ai];
      cuts[p].push(e);
    }
  }
  if (parts > 1) b.summary.changes += parts - 1; // each paragraph break added or taken out
  cuts.forEach((cut, k) => {
    const o = dels[split ? 0 : k];
    const n = news[split ? k : 0];
    const [oldShape, shape] = [b.olds[o].shape, b.news[n].shape];
    const runs = k > 0 ? trimStart(editsToRuns(cut)) : editsToRuns(cut);
    const reshaped = !sameShape(oldShape, shape);
    const changed = parts > 1 || reshaped || runs.some((r) => r.op !== 'equal');
    if (reshaped && parts === 1 && !runs.some((r) => r.op !== 'equal')) b.summary.changes += 1;
    const block: DiffBlock = { op: changed ? 'change' : 'equal', shape, oldIndex: o, newIndex: n, runs };
    if (reshaped) block.oldShape = oldShape;
    if (k > 0) block.join = split ? 'split' : 'merge';
    b.blocks.push(block);
  });
}

function moved(b: Build, item: Extract<Item, { kind: 'move' }>): void {
  const runs = item.edits ? editsToRuns(foldIslands(item.edits, b.ctx.islandWords)) : segmentRuns(b.news[item.n].segments, 'equal');
  const shape = item.side === 'to' ? b.news[item.n].shape : b.olds[item.o].shape;
  b.blocks.push({ op: 'move', shape, oldIndex: item.o, newIndex: item.n, runs, move: { id: item.id, side: item.side, direction: 'down' } });
  if (item.side !== 'to') return;
  b.summary.changes += 1;
  b.summary.paragraphsMoved += 1;
  if (item.edits) {
    const edits = foldIslands(item.edits, b.ctx.islandWords);
    tallyEdits(edits, b.summary);
    collect(b, edits, () => b.olds[item.o], () => b.news[item.n]);
  }
}

/** A paragraph added or removed whole. */
function whole(x: DiffBlock | undefined): boolean {
  return x?.op === 'insert' || x?.op === 'delete';
}

export function buildBlocks(items: Item[], olds: Block[], news: Block[], ctx: Context, ranges?: RangeCollector): { blocks: DiffBlock[]; summary: DiffSummary } {
  const b: Build = { olds, news, ctx, ranges, blocks: [], summary: emptySummary() };
  for (const item of items) {
    if (item.kind === 'equal') {
      const block = news[item.n];
      b.blocks.push({ op: 'equal', shape: block.shape, oldIndex: item.o, newIndex: item.n, runs: segmentRuns(block.segments, 'equal') });
    } else if (item.kind === 'move') moved(b, item);
    else if (item.dels.length === 0) item.news.forEach((n) => added(b, n));
    else if (item.news.length === 0) item.dels.forEach((o) => removed(b, o));
    else if (Date.now() >= ctx.deadline) {
      ctx.approximate = true;
      item.dels.forEach((o) => removed(b, o));
      item.news.forEach((n) => added(b, n));
    } else paired(b, item.dels, item.news);
  }
  // A run of whole paragraphs added or removed together is one change.
  b.blocks.forEach((block, i) => {
    if (whole(block) && !whole(b.blocks[i - 1])) b.summary.changes += 1;
  });
  // Which way each move went, from the reader's point of view.
  const at = new Map<string, number>();
  b.blocks.forEach((block, i) => block.move && at.set(`${block.move.id}${block.move.side}`, i));
  for (const block of b.blocks) {
    if (!block.move) continue;
    const [from, to] = [at.get(`${block.move.id}from`) ?? 0, at.get(`${block.move.id}to`) ?? 0];
    block.move.direction = to > from ? 'down' : 'up';
  }
  return { blocks: b.blocks, summary: b.summary };
}
