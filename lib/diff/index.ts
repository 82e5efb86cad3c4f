// Word-level diffs of article versions for readers: headline, standfirst and Markdown body.
import { alignBlocks } from './align';
import { InlineMemo, parseBlocks } from './blocks';
import { buildBlocks } from './build';
import { type ChangedRanges, RangeCollector } from './ranges';
import { addSummary, countWords, emptySummary, scriptToRuns, tokenRuns } from './runs';
import { Interner, tokenisePlain } from './tokenise';
import type { BodyDiff, DiffOptions, TextDiff, VersionDiff, VersionText } from './types';
import { type Context, diffScript, foldScript } from './words';

export type * from './types';
export type { ChangedRanges } from './ranges';
export { summariseDiff } from './summary';
export { safeHref } from './blocks';

function contextFor(opts: DiffOptions = {}): Context {
  return {
    interner: new Interner(),
    threshold: Math.min(1, Math.max(0, opts.changeThreshold ?? 0.5)),
    maxEditLength: Math.max(1, opts.maxEditLength ?? 2000),
    deadline: Date.now() + (opts.timeoutMs ?? 1000),
    islandWords: opts.islandWords ?? 2,
    maxBlocks: opts.maxBlocks ?? 5000,
    approximate: false,
  };
}

function plainDiff(a: string, b: string, ctx: Context): TextDiff {
  const summary = emptySummary();
  const [before, after] = [tokenisePlain(a), tokenisePlain(b)];
  const result = diffScript(before, after, ctx);
  if (result.ok) {
    const script = foldScript(result.script, before, after, ctx.islandWords);
    return { runs: scriptToRuns(script, before, after, a, b, summary), summary, approximate: false };
  }
  // Too different to be worth a word diff: the old text out, the new text in.
  if (result.bounded) ctx.approximate = true;
  summary.changes = 1;
  summary.wordsDeleted = countWords(before);
  summary.wordsInserted = countWords(after);
  return { runs: [...tokenRuns(before, 'delete'), ...tokenRuns(after, 'insert')], summary, approximate: result.bounded };
}

/** Diffs two plain-text fields (a headline, a standfirst) word by word. */
export function diffText(a: string, b: string, opts?: DiffOptions): TextDiff {
  return plainDiff(a, b, contextFor(opts));
}

function bodyDiff(a: string, b: string, ctx: Context, ranges?: RangeCollector): BodyDiff {
  const memo = new InlineMemo();
  const [olds, news] = [parseBlocks(a, memo), parseBlocks(b, memo)];
  const { blocks, summary } = buildBlocks(alignBlocks(olds, news, ctx), olds, news, ctx, ranges);
  return { blocks, summary, approximate: ctx.approximate };
}

/** Diffs two Markdown bodies: paragraphs aligned first (moves, splits, merges), then words. */
export function diffBody(a: string, b: string, opts?: DiffOptions): BodyDiff {
  return bodyDiff(a, b, contextFor(opts));
}

/** Diffs two versions of an article. Always bounded: see DiffOptions and `approximate`. */
export function diffVersions(a: VersionText, b: VersionText, opts?: DiffOptions): VersionDiff {
  const ctx = contextFor(opts);
  const headline = plainDiff(a.headline, b.headline, ctx);
  const standfirst = plainDiff(a.standfirst, b.standfirst, ctx);
  const body = bodyDiff(a.body, b.body, ctx);
  const summary = emptySummary();
  for (const part of [headline, standfirst, body]) addSummary(summary, part.summary);
  return { fields: { headline: headline.runs, standfirst: standfirst.runs, body: body.blocks }, summary, approximate: ctx.approximate };
}

/**
 * The changed words of two bodies as ranges in each version's plain text (lib/markdown's
 * toPlainText): where claims are anchored.
 */
export function changedRanges(a: string, b: string, opts?: DiffOptions): ChangedRanges & { approximate: boolean } {
  const ctx = contextFor(opts);
  const ranges = new RangeCollector();
  const { approximate } = bodyDiff(a, b, ctx, ranges);
  return { ...ranges.result(), approximate };
}
