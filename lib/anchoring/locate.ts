// Finding a claim again in a later version: mapped through every version in between, quote search only as a fallback.
import { type ClaimAnchor, createAnchor } from './anchor';
import { type DiffBound, DEFAULT_BOUND } from '../text';
import { findByQuote } from './quote-search';
import { mapSpan } from './step';

export interface ChainVersion {
  version: number;
  text: string;
}

export interface Replacement {
  /** Offsets in the target version's text (the last of the chain). */
  start: number;
  end: number;
  text: string;
}

export type Located =
  | { status: 'found'; start: number; end: number; via: 'mapped' | 'quote' }
  /**
   * The claim's words were replaced or deleted in `version`. `replacement` is what replaced them,
   * located in the target version; absent when they were deleted outright, or when the words that
   * replaced them were themselves changed before the target.
   */
  | { status: 'amended'; version: number; replacement?: Replacement }
  | { status: 'lost' };

export type LocateOptions = Partial<DiffBound>;

interface Span {
  start: number;
  end: number;
}

/**
 * Locates a claim in the last version of `chain`, where chain[0] is the version the claim was
 * made on and each next entry is the following version. The claim is followed step by step
 * through each diff; the first step that changes its words decides `amended`, so it is never moved
 * to a lookalike elsewhere. The quote is searched for only where a step cannot be mapped (the diff
 * hit its bound) or the offsets do not hold in chain[0]; then the result says `via: 'quote'`.
 */
export function locateClaim(anchor: ClaimAnchor, chain: ChainVersion[], opts: LocateOptions = {}): Located {
  if (chain.length === 0) return { status: 'lost' };
  const bound: DiffBound = { ...DEFAULT_BOUND, ...opts };
  let via: 'mapped' | 'quote' = 'mapped';
  let span: Span | undefined = holds(anchor, chain[0].text) ? { start: anchor.start, end: anchor.end } : undefined;
  if (!span) {
    const found = findByQuote(anchor.quote, chain[0].text);
    if (found.status !== 'found') return { status: 'lost' };
    span = found;
    via = 'quote';
  }
  for (let i = 1; i < chain.length; i++) {
    const from = chain[i - 1].text;
    const step = mapSpan(span.start, span.end, from, chain[i].text, bound);
    if (step.status === 'unknown') {
      // Search with the claim's context as it read just before this step, not as first anchored.
      const found = findByQuote(createAnchor(from, span.start, span.end).quote, chain[i].text);
      if (found.status !== 'found') return { status: 'lost' };
      span = found;
      via = 'quote';
    } else if (step.status === 'changed') {
      const replacement = follow(step, chain.slice(i), bound);
      return { status: 'amended', version: chain[i].version, ...(replacement ? { replacement } : {}) };
    } else {
      span = step;
    }
  }
  return { status: 'found', start: span.start, end: span.end, via };
}

/** The offsets hold if they still cover the quote and its context in the claim's own version. */
function holds(anchor: ClaimAnchor, text: string): boolean {
  const { start, end, quote } = anchor;
  return (
    text.slice(start, end) === quote.exact &&
    text.slice(Math.max(0, start - quote.prefix.length), start) === quote.prefix &&
    text.slice(end, end + quote.suffix.length) === quote.suffix
  );
}

/** Follows the words that replaced a claim on to the last version, where they must still stand. */
function follow(span: Span, chain: ChainVersion[], bound: DiffBound): Replacement | undefined {
  if (span.end <= span.start) return undefined;
  let { start, end } = span;
  for (let i = 1; i < chain.length; i++) {
    const step = mapSpan(start, end, chain[i - 1].text, chain[i].text, bound);
    if (step.status !== 'unchanged') return undefined;
    ({ start, end } = step);
  }
  const text = chain[chain.length - 1].text.slice(start, end);
  return text.trim() ? { start, end, text } : undefined;
}
