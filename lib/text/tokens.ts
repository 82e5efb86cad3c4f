// Tokenising prose: whole words (numbers, names, contractions, emoji), single punctuation marks,
// and the whitespace between them. The reader diff, claim anchoring and the stealth-edit check all
// read text through this one tokeniser.

// A regex, not Intl.Segmenter, for spaced scripts: Node 20's segmenter takes ~80 ms for 10,000
// words, which alone would blow the diff's 30 ms budget. The rules follow UAX #29 where prose needs
// them: apostrophes and dots join letters (O’Brien, don't, x.com, 3.5m), commas join digits
// (1,200.5), emoji sequences stay whole (ZWJ families, flags, keycaps, skin tones, tag sequences).
const EMOJI =
  '\\p{RI}\\p{RI}|[#*0-9]\\uFE0F?\\u20E3|\\p{Extended_Pictographic}(?:\\p{EMod}|\\uFE0F|[\\u{E0020}-\\u{E007F}])*' +
  '(?:\\u200D\\p{Extended_Pictographic}(?:\\p{EMod}|\\uFE0F)*)*';
const WORD = "[\\p{L}\\p{M}\\p{N}\\p{Pc}]+(?:(?:['’.]|(?<=\\p{N}),)[\\p{L}\\p{M}\\p{N}]+)*";
const PIECE = new RegExp(`(\\s+)|(${EMOJI})|(${WORD})|([^]\\p{M}*)`, 'gu');

// Scripts written without spaces between words need a dictionary: there the segmenter is worth it.
const UNSPACED = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u;
let segmenter: Intl.Segmenter | undefined;

const HAS_WORD = /[\p{L}\p{N}]/u;
const SPACE = /^\s+$/;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const MONEY_OR_PERCENT = /^[\p{Sc}%]$/u;

/** The text cut into tokens and the whitespace runs between them; joined, they give the text back. */
export function pieces(text: string): string[] {
  if (UNSPACED.test(text)) {
    segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
    return Array.from(segmenter.segment(text), (s) => s.segment);
  }
  return text.match(PIECE) ?? [];
}

/** A whitespace piece (a piece is all whitespace or none, so its first character mostly tells). */
export function isSpace(piece: string): boolean {
  const c = piece.charCodeAt(0);
  if (c === 32 || c === 10) return piece.length === 1 || SPACE.test(piece);
  if (c > 32 && c < 127) return false;
  return SPACE.test(piece);
}

/** Contains a letter or digit: counts as a word (in a diff's summary, in a quote's words). */
export function isWord(token: string): boolean {
  // Most tokens start with an ASCII letter or digit; anything else asks the Unicode classes.
  const c = token.charCodeAt(0);
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) return true;
  return HAS_WORD.test(token);
}

/** A letter or digit: what a word is made of, for deciding whether an edit is glued to a word. */
export function isWordChar(c: string | undefined): boolean {
  return c !== undefined && WORD_CHAR.test(c);
}

export interface TextToken {
  text: string;
  /** Offsets of the token in the text tokenised. */
  start: number;
  end: number;
  word: boolean;
}

/** The tokens of a text with their offsets; whitespace only separates them. */
export function tokenise(text: string, offset = 0): TextToken[] {
  const out: TextToken[] = [];
  let at = offset;
  for (const piece of pieces(text)) {
    if (!isSpace(piece)) out.push({ text: piece, start: at, end: at + piece.length, word: isWord(piece) });
    at += piece.length;
  }
  return out;
}

/** A word as matching sees it: lower case, apostrophes straightened. */
export interface Word {
  key: string;
  raw: string;
  start: number;
  end: number;
}

/**
 * The words of a text for matching one against another: word tokens, and currency signs and %
 * (which change a figure). Numbers keep their separators ("1,200", "3.5"), so "3.5" never
 * matches "35".
 */
export function words(text: string): Word[] {
  const out: Word[] = [];
  for (const t of tokenise(text)) {
    if (!t.word && !MONEY_OR_PERCENT.test(t.text)) continue;
    out.push({ key: t.text.toLowerCase().replace(/’/g, "'"), raw: t.text, start: t.start, end: t.end });
  }
  return out;
}
