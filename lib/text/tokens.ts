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
 * Pieces as numbers, four to a piece: start, end, kind and hash (hashText of the piece, so a
 * caller can intern a token without making its string; 0 for whitespace). Reused between calls.
 */
export interface PieceBuffer {
  data: Int32Array;
  count: number;
}

export function pieceBuffer(): PieceBuffer {
  return { data: new Int32Array(1024), count: 0 };
}

/**
 * Cuts text from `from` on (where a piece starts) into out, at most `limit` pieces. Where a piece
 * ends depends on the text from its start to at most 3 code units past its end (and, for a comma,
 * on the character before it, which is in the piece), except in unspaced text, which is cut as a
 * whole.
 */
function put(data: Int32Array, at: number, start: number, end: number, kind: PieceKind, hash: number): void {
  data[4 * at] = start;
  data[4 * at + 1] = end;
  data[4 * at + 2] = kind;
  data[4 * at + 3] = hash;
}

function scan(text: string, out: PieceBuffer, from: number, limit: number): void {
  const n = text.length;
  const most = Math.min(limit, n - from);
  if (out.data.length < 4 * most) out.data = new Int32Array(Math.max(4 * most, 2 * out.data.length));
  const data = out.data;
  let count = 0;
  if (UNSPACED.test(text)) {
    segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
    for (const s of segmenter.segment(text)) {
      if (s.index < from) continue;
      if (count === most) break;
      const end = s.index + s.segment.length;
      const kind = pieceKind(s.segment);
      put(data, count++, s.index, end, kind, kind === SPACE_PIECE ? 0 : hashText(text, s.index, end));
    }
    out.count = count;
    return;
  }
  for (let i = from; i < n && count < most; ) {
    const first = text.charCodeAt(i);
    const cls = CLASS[first];
    // By hand: the piece's end j, and the class c of the character after it (0 at the end).
    let j = i + 1;
    let c = 0;
    let h = first;
    let word = cls === 2;
    if (cls === 1) {
      while (j < n && (c = CLASS[text.charCodeAt(j)]) === 1) j++;
      if (j === n) c = 0;
    } else if (cls === 2 || cls === 3) {
      for (; j < n; j++) {
        const code = text.charCodeAt(j);
        c = CLASS[code];
        if (c === 2) word = true;
        else if (c !== 3) break;
        h = (Math.imul(h, 31) + code) | 0;
      }
      if (j === n) c = 0;
      // (?:(?:['’.]|(?<=\p{N}),)[\p{L}\p{M}\p{N}]+)*: a joiner and letters or digits, again and again.
      while (c === 0 && j + 1 < n) {
        const d = text.charCodeAt(j);
        const before = text.charCodeAt(j - 1);
        if (!(d === 39 || d === 46 || (d === 44 && before >= 48 && before <= 57))) break;
        const e = CLASS[text.charCodeAt(j + 1)];
        if (e === 4) c = 4;
        if (e !== 2) break;
        h = (Math.imul(h, 31) + d) | 0;
        word = true;
        for (j += 1; j < n; j++) {
          const code = text.charCodeAt(j);
          c = CLASS[code];
          if (c !== 2) break;
          h = (Math.imul(h, 31) + code) | 0;
        }
        if (j === n) c = 0;
      }
    } else if (j < n) c = CLASS[text.charCodeAt(j)];
    // A character after the piece that is not ASCII may belong to it (a letter, a mark, a space).
    if (cls !== 4 && c !== 4) {
      if (cls === 1) put(data, count++, i, j, SPACE_PIECE, 0);
      else put(data, count++, i, j, word ? WORD_PIECE : OTHER_PIECE, h);
      i = j;
      continue;
    }
    // The regex itself, at this piece: the pieces tile the text, so its match starts here.
    STICKY_PIECE.lastIndex = i;
    const piece = (STICKY_PIECE.exec(text) as RegExpExecArray)[0];
    const kind = pieceKind(piece);
    put(data, count++, i, i + piece.length, kind, kind === SPACE_PIECE ? 0 : hashText(text, i, i + piece.length));
    i += piece.length;
  }
  out.count = count;
}

function pieceKind(piece: string): PieceKind {
  return isSpace(piece) ? SPACE_PIECE : isWord(piece) ? WORD_PIECE : OTHER_PIECE;
}

const scratch = pieceBuffer();

/**
 * The text cut into tokens and the whitespace runs between them; joined, they give the text back.
 * Given a buffer, the same pieces from `from` on (where a piece starts; at most `limit` of them)
 * as numbers instead, without making their strings (see PieceBuffer).
 */
export function pieces(text: string): string[];
export function pieces(text: string, into: PieceBuffer, from?: number, limit?: number): void;
export function pieces(text: string, into?: PieceBuffer, from = 0, limit = Infinity): string[] | void {
  if (into) return scan(text, into, from, limit);
  scan(text, scratch, 0, Infinity);
  const out: string[] = [];
  for (let k = 0; k < scratch.count; k++) out.push(text.slice(scratch.data[4 * k], scratch.data[4 * k + 1]));
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
  scan(text, scratch, 0, Infinity);
  const { data, count } = scratch;
  for (let k = 0; k < count; k++) {
    const start = data[4 * k];
    const end = data[4 * k + 1];
    const kind = data[4 * k + 2];
    if (kind !== SPACE_PIECE) out.push({ text: text.slice(start, end), start: offset + start, end: offset + end, word: kind === WORD_PIECE });
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
