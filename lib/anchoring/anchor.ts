// Anchoring a claim to the exact words of one version's plain text: a quote with context, plus offsets.
import type { TextQuoteSelector } from '../types';

/** Characters of context kept either side of a claim. */
export const CONTEXT_CHARS = 32;

export interface ClaimAnchor {
  quote: TextQuoteSelector;
  /** Offsets into the plain text of the version the claim was made on. */
  start: number;
  end: number;
}

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** Context sliced so that it never starts or ends half way through an emoji or other surrogate pair. */
function contextAround(text: string, start: number, end: number): { prefix: string; suffix: string } {
  let from = Math.max(0, start - CONTEXT_CHARS);
  if (from > 0 && isLowSurrogate(text.charCodeAt(from))) from--;
  let to = Math.min(text.length, end + CONTEXT_CHARS);
  if (to < text.length && isLowSurrogate(text.charCodeAt(to))) to++;
  return { prefix: text.slice(from, start), suffix: text.slice(end, to) };
}

/** Anchors text[start, end). Throws a RangeError for an empty or out-of-range span. */
export function createAnchor(text: string, start: number, end: number): ClaimAnchor {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new RangeError(`invalid claim range ${start}–${end} in a text of ${text.length} characters`);
  }
  return { quote: { exact: text.slice(start, end), ...contextAround(text, start, end) }, start, end };
}

export type AnchorQuoteResult = { ok: true; anchor: ClaimAnchor } | { ok: false; error: 'not-found' | 'ambiguous' };

/** Anchors words that occur exactly once in the text (overlapping occurrences count). */
export function anchorQuote(text: string, exact: string): AnchorQuoteResult {
  const at = exact ? text.indexOf(exact) : -1;
  if (at < 0) return { ok: false, error: 'not-found' };
  if (text.indexOf(exact, at + 1) >= 0) return { ok: false, error: 'ambiguous' };
  return { ok: true, anchor: createAnchor(text, at, at + exact.length) };
}
