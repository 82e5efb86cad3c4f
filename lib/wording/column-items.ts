// Each "For the Record" item's print wording, generated from a correction and its article, and
// the order items are printed in. The desk edits the wording before print; this is the draft.
import type { CorrectionKind, NewsroomSettings } from '../types';
import { claimForPrint, quotedAlike, resolveParts, rightSentence, saidClause } from './compose';
import { formatShortDate } from './dates';
import { capitalise, curlQuotes, editDistance, endsSentence, listOf, quote, withoutAccents } from './text';

export { claimForPrint, LONG_CLAIM } from './compose';

export interface ColumnItemInput {
  kind: CorrectionKind;
  /** The public wording: what is right. */
  wording: string;
  /** What the article said, as the desk put it; blank to print the claims' words. */
  said?: string | null;
  /**
   * The words that were wrong, with what replaced them when the text was amended. The prefix (the
   * claim's text quote selector) lets a fragment be printed from the start of its sentence.
   */
  claims: { exact: string; replacement?: string; prefix?: string }[];
  article: {
    headline: string;
    section: string;
    firstPublishedAt: Date;
    /** "the local elections": when given, the item says "An article about …" instead of the headline. */
    about?: string;
  };
}

/** A headline quoted in running text: its own double quotes become single ones. */
export function quoteHeadline(headline: string): string {
  return quote(headline);
}

const NAME_WORD = /^(\p{Lu}[\p{L}’'.-]*|de|da|di|du|van|von|der|den|le|la|al|bin|ibn)$/u;
const NOT_NAMES = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)$/i;

function looksLikeName(text: string): boolean {
  const words = text.split(' ');
  return words.length <= 5 && /^\p{Lu}/u.test(text) && words.every((w) => NAME_WORD.test(w) && !NOT_NAMES.test(w));
}

/**
 * One name spelt a little differently: the same letters without their accents ("Olafsdottir"), or
 * two edits apart in a name of five letters or more ("Smith" for "Smyth"). Shorter names two
 * edits apart are as likely to be a different place or person ("Hull", "Hall"), so they are not.
 */
export function isMisspelling(exact: string, replacement: string | undefined): replacement is string {
  if (!replacement) return false;
  const a = exact.trim().replace(/\s+/g, ' ');
  const b = replacement.trim().replace(/\s+/g, ' ');
  if (a === b || !looksLikeName(a) || !looksLikeName(b)) return false;
  if (withoutAccents(a) === withoutAccents(b)) return true;
  return Math.min(a.length, b.length) >= 5 && editDistance(a, b) <= 2;
}

function normalised(text: string): string {
  return withoutAccents(curlQuotes(text)).toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The article as the item names it, and its citation: "(Politics, 3 May 2026)". */
function reference(article: ColumnItemInput['article'], settings: NewsroomSettings): { start: string; mid: string; cite: string } {
  const about = article.about?.trim();
  const headline = article.headline.trim();
  const name = about ? `an article about ${curlQuotes(about)}` : headline ? quoteHeadline(headline) : 'an article';
  const date = formatShortDate(article.firstPublishedAt, settings);
  const section = article.section.trim();
  return { start: capitalise(name), mid: name, cite: `(${section ? `${section}, ` : ''}${date})` };
}

/** "said X, Y and Z." — quoted alike, no full stop after a claim cut short with an ellipsis. */
function said(claims: string[]): string {
  return saidClause(listOf(quotedAlike(claims)));
}

/**
 * The item's print wording. The shape follows the kind; every shape names the article and
 * carries its citation, and ends with what is right (the public wording) when that adds anything.
 */
export function columnItemWording(input: ColumnItemInput, settings: NewsroomSettings): string {
  const { start, mid, cite } = reference(input.article, settings);
  // What the article said comes from the desk's own words when it gave them (or when the wording
  // opens with them: "This article said …"), else from the claims; it is said once, after "said".
  const parts = resolveParts({ said: input.said, wording: input.wording });
  const right = rightSentence(parts.right);
  const claims = parts.said ? [] : input.claims.filter((c) => c.exact.trim() !== '');
  const printed = parts.said ? [claimForPrint(parts.said, undefined, Number.MAX_SAFE_INTEGER)] : claims.map((c) => claimForPrint(c.exact, c.prefix));
  const join = (...parts: string[]) => parts.filter((p) => p !== '').join(' ');

  switch (input.kind) {
    case 'clarification':
      return printed.length ? join(`To clarify: ${start} ${cite} ${said(printed)}`, right) : join(`To clarify a point in ${mid} ${cite}:`, right);
    case 'editors_note':
      return right ? `An editor’s note added to ${mid} ${cite} reads: ${quote(right)}` : `An editor’s note has been added to ${mid} ${cite}.`;
    case 'update':
      return join(`${start} ${cite} has been updated.`, right);
    case 'retraction':
      return join(`We have retracted ${mid} ${cite}.`, right);
    case 'correction':
      break;
  }

  const [only] = claims;
  if (claims.length === 1 && only && isMisspelling(only.exact, only.replacement)) {
    return `We misspelled ${curlQuotes(only.replacement.trim())} as ${curlQuotes(only.exact.trim())} in ${mid} ${cite}.`;
  }
  if (claims.length === 1 && only?.replacement?.trim() && !normalised(parts.right).includes(normalised(only.replacement))) {
    // The wording does not say what the text now reads, so the item does.
    const replacement = claimForPrint(only.replacement);
    return join(`${start} ${cite} said ${claimForPrint(only.exact)}; it should have said ${replacement}${endsSentence(replacement) ? '' : '.'}`, right);
  }
  if (!printed.length) return join(`An error appeared in ${mid} ${cite}.`, right);
  return join(`${start} ${cite} ${said(printed)}`, right);
}

/** Print order: by section (alphabetical), then by when each correction was published. */
export function orderColumnItems<T extends { section: string; publishedAt: Date }>(items: readonly T[]): T[] {
  const bySection = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });
  // Array.prototype.sort is stable, so equal items keep the order they came in.
  return [...items].sort((a, b) => bySection.compare(a.section.trim(), b.section.trim()) || a.publishedAt.getTime() - b.publishedAt.getTime());
}
