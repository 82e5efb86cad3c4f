// Anchoring a claim to the exact words of one version, and finding it again in later versions:
// first by mapping its offsets through each version-to-version diff, then (only if that cannot
// be done) by searching for its quote with context, under a strict similarity threshold.
import { diffWordsWithSpace } from 'diff';
import type { TextQuoteSelector } from '../types';

export const CONTEXT_CHARS = 32;

export interface ClaimAnchor {
  quote: TextQuoteSelector;
  start: number;
  end: number;
}

export type Located =
  | { status: 'found'; start: number; end: number; via: 'mapped' | 'quote' }
  | { status: 'amended'; version: number; replacement?: { start: number; end: number; text: string } }
  | { status: 'lost' };

export function createAnchor(text: string, start: number, end: number): ClaimAnchor {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new RangeError(`invalid claim range ${start}–${end} in a text of ${text.length} characters`);
  }
  return {
    quote: { exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - CONTEXT_CHARS), start), suffix: text.slice(end, end + CONTEXT_CHARS) },
    start,
    end,
  };
}

export type AnchorQuoteResult = { ok: true; anchor: ClaimAnchor } | { ok: false; error: 'not-found' | 'ambiguous' };

/** Anchors words that occur exactly once in the text. */
export function anchorQuote(text: string, exact: string): AnchorQuoteResult {
  const at = exact ? text.indexOf(exact) : -1;
  if (at < 0) return { ok: false, error: 'not-found' };
  if (text.indexOf(exact, at + 1) >= 0) return { ok: false, error: 'ambiguous' };
  return { ok: true, anchor: createAnchor(text, at, at + exact.length) };
}

// A bound on every diff, so no article can stall a request: past it, mapping gives up.
const DIFF_BOUND = { maxEditLength: 5_000, timeout: 200 };

export type StepResult = { status: 'moved'; start: number; end: number } | { status: 'replaced'; start: number; end: number } | { status: 'unknown' };

/**
 * Maps [start, end) of `from` into `to`. Text inserted exactly at an edge lies outside the span;
 * any deletion or insertion strictly inside it means the claim's words were replaced.
 */
export function mapSpan(start: number, end: number, from: string, to: string): StepResult {
  if (from === to) return { status: 'moved', start, end };
  const changes = diffWordsWithSpace(from, to, DIFF_BOUND);
  if (!changes) return { status: 'unknown' };
  let oldPos = 0;
  let newPos = 0;
  let newStart = -1;
  let newEnd = -1;
  let touched = false;
  // Set when a deletion ran to the span's end: text inserted right there replaces the span's last words.
  let endReplacedAt = -1;
  for (const change of changes) {
    const length = change.value.length;
    if (change.added) {
      if (oldPos > start && oldPos < end) touched = true;
      if (oldPos === start && newStart < 0) newStart = newPos + length;
      if (oldPos === endReplacedAt) newEnd += length;
      newPos += length;
      continue;
    }
    const oldEnd = oldPos + length;
    if (change.removed) {
      if (oldPos < end && oldEnd > start) touched = true;
      if (newStart < 0 && oldEnd > start) newStart = newPos;
      if (newEnd < 0 && oldEnd >= end) {
        newEnd = newPos;
        if (oldPos < end) endReplacedAt = oldEnd;
      }
    } else {
      if (newStart < 0 && oldEnd > start) newStart = newPos + Math.max(0, start - oldPos);
      if (newEnd < 0 && oldEnd >= end) newEnd = newPos + (end - oldPos);
      newPos += length;
    }
    oldPos = oldEnd;
  }
  if (newStart < 0) newStart = newPos;
  if (newEnd < 0) newEnd = newPos;
  if (newEnd < newStart) newEnd = newStart;
  return { status: touched ? 'replaced' : 'moved', start: newStart, end: newEnd };
}

/**
 * Finds a claim in the last version of `chain`; chain[0] is the version the claim was made on.
 * A claim whose words were replaced is `amended` in the version that replaced them; it is never
 * moved to a lookalike elsewhere.
 */
export function locateClaim(anchor: ClaimAnchor, chain: { version: number; text: string }[]): Located {
  if (chain.length === 0) return { status: 'lost' };
  const [first] = chain;
  if (first.text.slice(anchor.start, anchor.end) !== anchor.quote.exact) {
    // Offsets that do not hold in their own version cannot be mapped: search by quote.
    return findByQuote(anchor.quote, chain[chain.length - 1].text);
  }
  let start = anchor.start;
  let end = anchor.end;
  for (let i = 1; i < chain.length; i++) {
    const step = mapSpan(start, end, chain[i - 1].text, chain[i].text);
    if (step.status === 'unknown') return findByQuote(anchor.quote, chain[chain.length - 1].text);
    if (step.status === 'replaced') {
      if (normalise(chain[i].text.slice(step.start, step.end)) === normalise(anchor.quote.exact)) {
        ({ start, end } = step);
        continue;
      }
      const text = chain[i].text.slice(step.start, step.end);
      if (i === chain.length - 1) return { status: 'amended', version: chain[i].version, replacement: { start: step.start, end: step.end, text } };
      const later = locateReplacement(step.start, step.end, chain.slice(i));
      return { status: 'amended', version: chain[i].version, ...(later ? { replacement: later } : {}) };
    }
    ({ start, end } = step);
  }
  return { status: 'found', start, end, via: 'mapped' };
}

/** Follows the words that replaced a claim on to the last version, where they still stand. */
function locateReplacement(start: number, end: number, chain: { version: number; text: string }[]) {
  if (end <= start) return undefined;
  const text = chain[0].text.slice(start, end);
  const found = locateClaim(createAnchor(chain[0].text, start, end), chain);
  return found.status === 'found' ? { start: found.start, end: found.end, text: chain[chain.length - 1].text.slice(found.start, found.end) || text } : undefined;
}

/** Case, runs of whitespace and quote styles do not make different words. */
export function normalise(text: string): string {
  return text
    .replace(/[‘’‚‛′]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/[‐‑‒–—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Similarity of two strings in [0, 1], from their edit distance. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return 1 - previous[b.length] / longest;
}

export const QUOTE_THRESHOLD = 0.9;
export const CONTEXT_THRESHOLD = 0.75;

/**
 * The quote fallback: the exact words (normalised) must be there, and their context must agree,
 * or the claim is lost. A lookalike phrase in another sentence has other context, so it fails.
 */
export function findByQuote(quote: TextQuoteSelector, text: string): Located {
  const candidates = findSimilarClaims(quote.exact, text);
  let best: { start: number; end: number; score: number } | undefined;
  for (const c of candidates) {
    const prefix = text.slice(Math.max(0, c.start - quote.prefix.length), c.start);
    const suffix = text.slice(c.end, c.end + quote.suffix.length);
    const score = (similarity(normalise(prefix), normalise(quote.prefix)) + similarity(normalise(suffix), normalise(quote.suffix))) / 2;
    if (!best || score > best.score) best = { ...c, score };
  }
  if (best && best.score >= CONTEXT_THRESHOLD) return { status: 'found', start: best.start, end: best.end, via: 'quote' };
  return { status: 'lost' };
}

/** Where the same words (allowing small differences of spelling, case and spacing) stand in a text. */
export function findSimilarClaims(exact: string, text: string): { start: number; end: number; score: number }[] {
  const wanted = normalise(exact);
  if (!wanted) return [];
  const results: { start: number; end: number; score: number }[] = [];
  const lower = text.toLowerCase();
  const firstWord = wanted.split(' ')[0];
  for (let at = lower.indexOf(firstWord); at >= 0; at = lower.indexOf(firstWord, at + 1)) {
    // Compare a window of the same length, widened a little for spacing differences.
    for (const extra of [0, 1, 2, -1, -2]) {
      const end = Math.min(text.length, at + exact.length + extra);
      const score = similarity(normalise(text.slice(at, end)), wanted);
      if (score >= QUOTE_THRESHOLD) {
        results.push({ start: at, end, score });
        break;
      }
    }
  }
  return results;
}
