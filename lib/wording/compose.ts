// The parts a notice and a column item are composed from — what the article said, what is right —
// and the one composer of a notice's wording, shared by the server and the desk's live preview.
import { capitalise, curlQuotes, endsSentence, quote, sentence, shorten } from './text';

/** Claims longer than this are cut at a word boundary; a column item is a paragraph, not a page. */
export const LONG_CLAIM = 200;

// Words that only start a claim because the claim starts a sentence; mid-sentence they are lower case.
const SENTENCE_OPENERS = new Set(['the', 'a', 'an', 'it', 'its', 'they', 'their', 'he', 'his', 'she', 'her', 'we', 'our', 'there', 'this', 'that', 'these', 'those', 'some', 'many', 'most', 'all']);

/** The start of the sentence a claim sits in, from its prefix; empty when that start is not in view. */
function clauseBefore(prefix: string | undefined): string {
  if (!prefix) return '';
  const boundary = /(?:^|[.!?…]["”’)]*\s+|\n)([^.!?…\n]*)$/u.exec(prefix);
  // Without a sentence break in view, the prefix may begin mid-word; only trust a capitalised start.
  const tail = boundary ? boundary[1] : '';
  const usable = boundary && (boundary.index > 0 || /^\p{Lu}/u.test(prefix.trimStart()));
  return usable && tail.trim().split(/\s+/).length <= 12 ? tail.replace(/\s+/g, ' ').trimStart() : '';
}

/**
 * The claim's words as they sit after "said": led by the start of their sentence when the prefix
 * shows it ("the Harbour Alliance lost 695 seats"), without closing punctuation, cut at a word
 * when long. A fragment that still starts mid-clause ("lost 695 seats") is quoted, since
 * "said lost 695 seats" is not English.
 */
export function claimForPrint(exact: string, prefix?: string, max = LONG_CLAIM): string {
  let words = curlQuotes(`${clauseBefore(prefix)}${exact.trim()}`.replace(/\s+/g, ' ')).replace(/[\s.,;:!?…]+$/u, '');
  const first = /^(\p{L}+)/u.exec(words)?.[1] ?? '';
  // "IT" or "THE" in capitals is an acronym or a shout, not a sentence's first word; "A" is.
  if (SENTENCE_OPENERS.has(first.toLowerCase()) && (first.length === 1 || first !== first.toUpperCase())) words = first.toLowerCase() + words.slice(first.length);
  const fragment = /^\p{Ll}/u.test(first) && !SENTENCE_OPENERS.has(first);
  return fragment ? quote(shorten(words, max)) : shorten(words, max);
}

/** Whether printed words are one quotation: “…”. */
function isQuoted(text: string): boolean {
  return /^“[^“”]*”$/u.test(text);
}

/**
 * Several claims printed in one list are quoted alike: when one has to be quoted (a fragment),
 * all are, so an item never reads `said a 30-day consultation and “since it opened in 1962”`.
 */
export function quotedAlike(printed: string[]): string[] {
  if (printed.length < 2 || !printed.some(isQuoted) || printed.every(isQuoted)) return printed;
  return printed.map((p) => (isQuoted(p) ? p : quote(p)));
}

/**
 * How wording opens when it says what the article said: "This article said", "We said that",
 * "An earlier version of this article wrongly stated". `article` is true when the subject is the
 * article itself (which an amended notice rephrases as "An earlier version of this article").
 */
const SAID_OPENING =
  /^\s*((?:this|the) (?:article|story|report|piece)|an? (?:earlier|previous|original) version(?: of (?:this|the) (?:article|story|report|piece))?|we|it)\s+(?:(?:wrongly|incorrectly|mistakenly|originally)\s+)?(?:said|stated|reported|claimed)\b[\s,:]*/iu;

export function stripSaidOpening(text: string): { rest: string; opened: boolean; article: boolean } {
  const match = SAID_OPENING.exec(text);
  if (!match) return { rest: text.trim(), opened: false, article: false };
  return { rest: text.slice(match[0].length).trim(), opened: true, article: /^(this|the) /i.test(match[1]) };
}

/**
 * Free wording that opens with what the article said, split into that and what is right:
 * "This article said the Alliance lost nine councils. It lost 11." → said "the Alliance lost nine
 * councils", right "It lost 11.". Wording that does not open so is all "what is right".
 */
export function splitWording(wording: string): { said: string | null; right: string; article: boolean } {
  const opening = stripSaidOpening(wording);
  if (!opening.opened || opening.rest === '') return { said: null, right: wording.trim(), article: false };
  // The said part ends at the first sentence break, or at "; in fact" / "; it should have said".
  const boundary = /([.!?…]["”’)]*)\s+(?=["“‘]?\p{Lu}|\d)|;\s+(?=(?:in fact|actually|but|it |they |he |she |the |this )\b)/iu.exec(opening.rest);
  if (!boundary) return { said: opening.rest.replace(/[\s.;:]+$/u, ''), right: '', article: opening.article };
  const said = opening.rest.slice(0, boundary.index + (boundary[1]?.length ?? 0)).replace(/[\s.;:]+$/u, '');
  const right = capitalise(opening.rest.slice(boundary.index + boundary[0].length).trim());
  return { said, right, article: opening.article };
}

export interface WordingParts {
  /** What the article said, as the desk put it (a paraphrase of the claims); blank to use the claims. */
  said?: string | null;
  /** What is right: the public wording. */
  wording: string;
}

/**
 * What the article said and what is right, whichever way they were given: the typed "said" (its
 * own "This article said" dropped), else the opening of free wording. A said part given twice (typed,
 * and again at the start of the wording) is said once.
 */
export function resolveParts(parts: WordingParts): { said: string; right: string; fromWording: boolean; article: boolean } {
  const typed = stripSaidOpening(parts.said ?? '').rest;
  const split = splitWording(parts.wording);
  return { said: typed || split.said || '', right: split.right, fromWording: !typed && !!split.said, article: split.article };
}

/** What is right as a sentence of its own: capitalised, closed, quotes curled. */
export function rightSentence(right: string): string {
  return right.trim() ? capitalise(sentence(curlQuotes(right))) : '';
}

/** "said X." — no full stop after words that end a sentence (a question, an ellipsis, a quote that closes one). */
export function saidClause(words: string): string {
  return `said ${words}${endsSentence(words) ? '' : '.'}`;
}

/**
 * The notice's wording (after its lead): "This article said X. What is right." — or, once the text
 * was amended, "An earlier version of this article said X. …". Free wording with no "said" part
 * typed stands as written (old corrections keep their words), except that an amended notice no
 * longer says "This article said" of words it no longer carries.
 */
export function noticeWording(parts: WordingParts & { amended: boolean }): string {
  const resolved = resolveParts(parts);
  const typed = resolved.said !== '' && !resolved.fromWording;
  const rephrase = resolved.fromWording && parts.amended && resolved.article;
  if (!typed && !rephrase) return sentence(parts.wording);
  const subject = parts.amended ? 'An earlier version of this article' : 'This article';
  return [`${subject} ${saidClause(claimForPrint(resolved.said, undefined, Number.MAX_SAFE_INTEGER))}`, rightSentence(resolved.right)].filter((p) => p !== '').join(' ');
}
