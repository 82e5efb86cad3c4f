// Names in a text: capitalised words that are not capitalised merely because they open a sentence.
import type { Found } from './numbers';
import { SENTENCE_STARTERS, TITLES } from './lexicon';

// A capitalised word, with inner apostrophes or hyphens (O'Brien, Hart-Smith); not mid-word.
const CAPITALISED = /(?<![\p{L}\p{N}'’-])\p{Lu}[\p{L}\p{M}]*(?:['’-]\p{L}[\p{L}\p{M}]*)*/gu;
const OPENERS = new Set(['"', '“', '‘', "'", '(', '[']);

const LETTER = /^\p{L}$/u;

/**
 * The letters just before `end`. Scanned backwards: a `$`-anchored regex on text.slice(0, end)
 * tries every position from the start, which made the check quadratic in the article's length.
 */
function wordEndingAt(text: string, end: number): string {
  let start = end;
  while (start > 0) {
    const low = text.charCodeAt(start - 1);
    const width = low >= 0xdc00 && low <= 0xdfff && start > 1 ? 2 : 1;
    if (!LETTER.test(text.slice(start - width, start))) break;
    start -= width;
  }
  return text.slice(start, end);
}

/** True if the word at `index` opens a sentence, a paragraph or a quotation. */
function opensSentence(text: string, index: number): boolean {
  let i = index - 1;
  let quoted = false;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t' || OPENERS.has(text[i]))) {
    if (OPENERS.has(text[i])) quoted = true;
    i--;
  }
  if (i < 0 || quoted || text[i] === '\n') return true;
  if (!'.!?…'.includes(text[i])) return false;
  // "Mr. Hart" and "J. Hart": the full stop ends an abbreviation, not a sentence.
  const before = wordEndingAt(text, i);
  return !(TITLES.has(before.toLowerCase()) || /^\p{Lu}$/u.test(before));
}

interface Capitalised extends Found {
  opening: boolean;
}

function capitalisedWords(text: string): Capitalised[] {
  return Array.from(text.matchAll(CAPITALISED), (m) => {
    // "Hart's" is Hart.
    const word = m[0].replace(/['’]s$/u, '');
    return { key: word.toLowerCase(), text: word, start: m.index, end: m.index + word.length, opening: opensSentence(text, m.index) };
  }).filter((w) => w.text !== 'I');
}

/** Words that are names wherever they stand, because some version uses them capitalised mid-sentence. */
export function knownNames(...texts: string[]): Set<string> {
  const known = new Set<string>();
  for (const text of texts) for (const w of capitalisedWords(text)) if (!w.opening) known.add(w.key);
  return known;
}

/**
 * The names in a text. A word opening a sentence counts only if it is known as a name or is
 * followed by one ("Robin Hart said"), and never if it is a common opener ("The", "However").
 */
export function namesIn(text: string, known: Set<string>): Found[] {
  const words = capitalisedWords(text);
  return words
    .filter((w, i) => {
      if (!w.opening) return true;
      if (SENTENCE_STARTERS.has(w.key)) return false;
      const next = words[i + 1];
      const followedByName = next !== undefined && !next.opening && /^\s+$/.test(text.slice(w.end, next.start));
      return known.has(w.key) || followedByName;
    })
    .map(({ key, text: word, start, end }) => ({ key, text: word, start, end }));
}
