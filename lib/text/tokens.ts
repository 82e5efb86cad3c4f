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

/** What a piece is: whitespace, a token with a letter or digit in it (a word), or another token. */
export type PieceKind = 0 | 1 | 2;
export const SPACE_PIECE = 0;
export const WORD_PIECE = 1;
export const OTHER_PIECE = 2;

// The regex's rules restricted to ASCII, for cutting by hand: most text is ASCII, and a regex match
// per piece (an array and a string each) costs more than the cut. Classes: 0 other (punctuation,
// controls), 1 whitespace (\s), 2 letter or digit, 3 "_" (\p{Pc}: in a word's first run only),
// 4 not ASCII (the regex decides any piece that touches such a character). No ASCII character is
// an emoji, a regional indicator or a combining mark.
const CLASS = new Uint8Array(65536).fill(4);
for (let c = 0; c < 128; c++) {
  if (c === 32 || (c >= 9 && c <= 13)) CLASS[c] = 1;
  else if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) CLASS[c] = 2;
  else if (c === 95) CLASS[c] = 3;
  else CLASS[c] = 0;
}
const STICKY_PIECE = new RegExp(PIECE.source, 'uy');

/** Text in a script written without spaces: cut by the segmenter, as a whole. */
export function isUnspaced(text: string): boolean {
  return UNSPACED.test(text);
}

/** A 32-bit hash of text[start, end), continuing from h: what scan reports for each piece. */
export function hashText(text: string, start: number, end: number, h = 0): number {
  for (let i = start; i < end; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return h;
}

/**
 * Told each piece's offsets, kind and hash (hashText of it, so a caller can intern a token
 * without making its string) in turn; returns true to stop.
 */
export type PieceVisitor = (start: number, end: number, kind: PieceKind, hash: number) => boolean | void;

/**
 * Calls visit for each piece of the text in order, from `from` on (where a piece starts). Where a
 * piece ends depends on the text from its start to at most 3 code units past its end (and, for a
 * comma, on the character before it, which is in the piece), except in unspaced text, which is
 * cut as a whole.
 */
function scan(text: string, visit: PieceVisitor, from = 0): void {
  if (UNSPACED.test(text)) {
    segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
    for (const s of segmenter.segment(text)) {
      if (s.index < from) continue;
      const end = s.index + s.segment.length;
      if (visit(s.index, end, pieceKind(s.segment), hashText(text, s.index, end))) return;
    }
    return;
  }
  const n = text.length;
  for (let i = from; i < n; ) {
    const cls = CLASS[text.charCodeAt(i)];
    // By hand: the piece's end j, and the class c of the character after it.
    let j = i + 1;
    let c = j < n ? CLASS[text.charCodeAt(j)] : 0;
    let h = text.charCodeAt(i);
    let word = cls === 2;
    if (cls === 1) {
      while (c === 1) c = ++j < n ? CLASS[text.charCodeAt(j)] : 0;
    } else if (cls === 2 || cls === 3) {
      while (c === 2 || c === 3) {
        h = (Math.imul(h, 31) + text.charCodeAt(j)) | 0;
        word ||= c === 2;
        c = ++j < n ? CLASS[text.charCodeAt(j)] : 0;
      }
      // (?:(?:['’.]|(?<=\p{N}),)[\p{L}\p{M}\p{N}]+)*: a joiner and letters or digits, again and again.
      while (c === 0 && j + 1 < n) {
        const d = text.charCodeAt(j);
        const before = text.charCodeAt(j - 1);
        if (!(d === 39 || d === 46 || (d === 44 && before >= 48 && before <= 57))) break;
        const e = CLASS[text.charCodeAt(j + 1)];
        if (e === 4) c = 4;
        if (e !== 2) break;
        h = (Math.imul(Math.imul(h, 31) + d, 31) + text.charCodeAt(j + 1)) | 0;
        word = true;
        j += 2;
        c = j < n ? CLASS[text.charCodeAt(j)] : 0;
        while (c === 2) {
          h = (Math.imul(h, 31) + text.charCodeAt(j)) | 0;
          c = ++j < n ? CLASS[text.charCodeAt(j)] : 0;
        }
      }
    }
    // A character after the piece that is not ASCII may belong to it (a letter, a mark, a space).
    if (cls !== 4 && c !== 4) {
      if (visit(i, j, cls === 1 ? SPACE_PIECE : word ? WORD_PIECE : OTHER_PIECE, cls === 1 ? 0 : h)) return;
      i = j;
      continue;
    }
    // The regex itself, at this piece: the pieces tile the text, so its match starts here.
    STICKY_PIECE.lastIndex = i;
    const piece = (STICKY_PIECE.exec(text) as RegExpExecArray)[0];
    if (visit(i, i + piece.length, pieceKind(piece), hashText(text, i, i + piece.length))) return;
    i += piece.length;
  }
}

function pieceKind(piece: string): PieceKind {
  return isSpace(piece) ? SPACE_PIECE : isWord(piece) ? WORD_PIECE : OTHER_PIECE;
}

/**
 * The text cut into tokens and the whitespace runs between them; joined, they give the text back.
 * Given a visitor, the same pieces as offsets and kinds instead, without making their strings
 * (see scan).
 */
export function pieces(text: string): string[];
export function pieces(text: string, visit: PieceVisitor, from?: number): void;
export function pieces(text: string, visit?: PieceVisitor, from = 0): string[] | void {
  if (visit) return scan(text, visit, from);
  const out: string[] = [];
  scan(text, (start, end) => {
    out.push(text.slice(start, end));
  });
  return out;
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
  scan(text, (start, end, kind) => {
    if (kind !== SPACE_PIECE) out.push({ text: text.slice(start, end), start: offset + start, end: offset + end, word: kind === WORD_PIECE });
  });
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
