// Finding a claim by its words: the fallback when offsets cannot be mapped, and the same error elsewhere.
import { isFactWord } from '../stealth-edit/lexicon';
import type { TextQuoteSelector } from '../types';
import { CONTEXT_CHARS } from './anchor';
import { type Word, words } from '../text';
import { contextSimilarity, editDistance, fold } from './matching';

/** The quote fallback needs the claim's context to agree at least this well (0–1). */
export const CONTEXT_THRESHOLD = 0.8;
// Two candidates this close are a coin toss: the claim is reported lost, not guessed.
const AMBIGUITY_MARGIN = 0.05;
// One slip in a common word is allowed per this many words of the claim.
const WORDS_PER_SLIP = 5;

export interface SimilarClaim {
  start: number;
  end: number;
  /** 1 for the same words; lower for a slip in a common word. */
  score: number;
}

export type QuoteResult = { status: 'found'; start: number; end: number; via: 'quote' } | { status: 'lost' };

/** A word that may differ by one letter and still be the same claim: lower-case, common, not a fact. */
const maySlip = (w: Word) => /^\p{Ll}{4,}$/u.test(w.raw) && !isFactWord(w.key);

/**
 * The close-match rule: the same words once case, spacing, punctuation and quote styles are
 * folded, except for at most one one-letter slip per five words, and never in a number, a
 * number word, a negation or a capitalised word (a name). "Robin" never matches "Robyn".
 */
function closeMatch(wanted: Word[], found: Word[], offset: number): number | undefined {
  let slips = 0;
  let chars = 0;
  for (let k = 0; k < wanted.length; k++) {
    const a = wanted[k];
    const b = found[offset + k];
    chars += a.key.length;
    if (a.key === b.key) continue;
    if (!maySlip(a) || !maySlip(b) || editDistance(a.key, b.key, 1) > 1) return undefined;
    slips++;
  }
  if (slips > Math.floor(wanted.length / WORDS_PER_SLIP)) return undefined;
  return 1 - slips / Math.max(1, chars);
}

/** Widens a word-aligned match over the quote marks or brackets the claim itself starts or ends with. */
function widen(text: string, start: number, end: number, exact: string, wanted: Word[]): { start: number; end: number } {
  const lead = exact.slice(0, wanted[0].start);
  const trail = exact.slice(wanted[wanted.length - 1].end);
  if (lead && fold(text.slice(start - lead.length, start)) === fold(lead)) start -= lead.length;
  if (trail && fold(text.slice(end, end + trail.length)) === fold(trail)) end += trail.length;
  return { start, end };
}

/** Where the same words as a claim stand in a text, by the close-match rule; non-overlapping, in order. */
export function findSimilarClaims(quote: TextQuoteSelector | string, text: string): SimilarClaim[] {
  const exact = typeof quote === 'string' ? quote : quote.exact;
  const wanted = words(exact);
  if (wanted.length === 0) return [];
  const results: SimilarClaim[] = [];
  // The exact characters (quote styles folded) count even where the claim starts or ends mid-word.
  const folded = fold(text);
  const needle = fold(exact);
  for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + needle.length)) {
    results.push({ start: at, end: at + exact.length, score: 1 });
  }
  const found = words(text);
  for (let i = 0; i + wanted.length <= found.length; i++) {
    const score = closeMatch(wanted, found, i);
    if (score === undefined) continue;
    const span = widen(text, found[i].start, found[i + wanted.length - 1].end, exact, wanted);
    if (!results.some((r) => r.start < span.end && span.start < r.end)) results.push({ ...span, score });
    i += wanted.length - 1;
  }
  return results.sort((a, b) => a.start - b.start);
}

/**
 * Finds a claim by its quote: the words by the close-match rule, then the context either side
 * compared at full length, so a lookalike in another sentence (or one at the very start of the
 * text when the claim was not) fails. Two near-equal candidates mean lost, never a guess.
 */
export function findByQuote(quote: TextQuoteSelector, text: string): QuoteResult {
  const scored = findSimilarClaims(quote.exact, text)
    .map((c) => ({
      ...c,
      context: contextSimilarity(quote.prefix, quote.suffix, text.slice(Math.max(0, c.start - CONTEXT_CHARS), c.start), text.slice(c.end, c.end + CONTEXT_CHARS)),
    }))
    .sort((a, b) => b.context - a.context);
  const [best, second] = scored;
  if (!best || best.context < CONTEXT_THRESHOLD) return { status: 'lost' };
  if (second && second.context >= best.context - AMBIGUITY_MARGIN) return { status: 'lost' };
  return { status: 'found', start: best.start, end: best.end, via: 'quote' };
}
