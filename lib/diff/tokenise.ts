// Splits prose into whole-word tokens (numbers, names, punctuation, emoji) that carry their formatting.
import type { Marks } from './types';

/** A run of text with one set of marks, at an offset in its block's plain text. */
export interface Segment {
  text: string;
  marks?: Marks;
  start: number;
}

export interface WordToken {
  text: string;
  /** The whitespace before the token, as written ('' at the start of a block). */
  pre: string;
  marks?: Marks;
  /** Contains a letter or digit, so it counts as a word in the summary. */
  word: boolean;
  /** Offset of text in the block's plain text. */
  start: number;
  /** Interned comparison key; 0 until interned. */
  id: number;
}

// A regex, not Intl.Segmenter, for spaced scripts: Node 20's segmenter takes ~80 ms for 10,000
// words, which alone would blow the 30 ms budget. The rules follow UAX #29 where prose needs them:
// apostrophes and dots join letters (O’Brien, don't, x.com, 3.5m), commas join digits (1,200.5),
// emoji sequences stay whole (ZWJ families, flags, keycaps, skin tones, tag sequences).
const EMOJI =
  '\\p{RI}\\p{RI}|[#*0-9]\\uFE0F?\\u20E3|\\p{Extended_Pictographic}(?:\\p{EMod}|\\uFE0F|[\\u{E0020}-\\u{E007F}])*' +
  '(?:\\u200D\\p{Extended_Pictographic}(?:\\p{EMod}|\\uFE0F)*)*';
const WORD = "[\\p{L}\\p{M}\\p{N}\\p{Pc}]+(?:(?:['’.]|(?<=\\p{N}),)[\\p{L}\\p{M}\\p{N}]+)*";
const TOKEN = new RegExp(`(\\s+)|(${EMOJI})|(${WORD})|([^]\\p{M}*)`, 'gu');

// Scripts written without spaces between words need a dictionary: there the segmenter is worth it.
const UNSPACED = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u;
let segmenter: Intl.Segmenter | undefined;

const HAS_WORD = /[\p{L}\p{N}]/u;
const SPACE = /^\s+$/;

function pieces(text: string): string[] {
  if (UNSPACED.test(text)) {
    segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
    return Array.from(segmenter.segment(text), (s) => s.segment);
  }
  return text.match(TOKEN) ?? [];
}

/** Tokenises consecutive segments of one block; whitespace becomes the next token's `pre`. */
export function tokenise(segments: Segment[]): WordToken[] {
  const tokens: WordToken[] = [];
  let pre = '';
  for (const segment of segments) {
    let at = segment.start;
    for (const piece of pieces(segment.text)) {
      if (SPACE.test(piece)) {
        pre += piece;
      } else {
        tokens.push({ text: piece, pre, marks: segment.marks, word: HAS_WORD.test(piece), start: at, id: 0 });
        pre = '';
      }
      at += piece.length;
    }
  }
  return tokens;
}

/** Tokenises plain text (headline, standfirst): no formatting, offsets from 0. */
export function tokenisePlain(text: string): WordToken[] {
  return tokenise([{ text, start: 0 }]);
}

function marksKey(marks: Marks | undefined): string {
  if (!marks) return '';
  return `${marks.em ? 'e' : ''}${marks.strong ? 's' : ''}${marks.code ? 'c' : ''}${marks.strike ? 'x' : ''}${marks.href ? `@${marks.href}` : ''}`;
}

/**
 * Gives equal tokens equal small integers, so the diff compares numbers. Formatting is part of
 * the key (a changed link target is a change); whitespace is not (reflowed lines are no change).
 */
export class Interner {
  private ids = new Map<string, number>();

  intern(tokens: WordToken[]): number[] {
    const out = new Array<number>(tokens.length);
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (t.id !== 0) {
        out[i] = t.id;
        continue;
      }
      // Plain words key as themselves; a formatted key always holds \u0001, which no token can.
      const key = t.marks ? `${marksKey(t.marks)}\u0001${t.text}` : t.text;
      let id = this.ids.get(key);
      if (id === undefined) {
        id = this.ids.size + 1;
        this.ids.set(key, id);
      }
      t.id = id;
      out[i] = id;
    }
    return out;
  }
}

export function sameMarks(a: Marks | undefined, b: Marks | undefined): boolean {
  return a === b || marksKey(a) === marksKey(b);
}

/** Whitespace classes that render differently: none, a space, a hard line break. */
export function spaceClass(pre: string): 0 | 1 | 2 {
  if (pre === '') return 0;
  return pre.includes('\n') ? 2 : 1;
}
