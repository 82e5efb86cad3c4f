// The text engine's tokens (lib/text) with the formatting they carry and the whitespace before them.
import { isSpace, isWord, pieces } from '../text/tokens';
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

/** Tokenises consecutive segments of one block; whitespace becomes the next token's `pre`. */
export function tokenise(segments: Segment[]): WordToken[] {
  const tokens: WordToken[] = [];
  let pre = '';
  for (const segment of segments) {
    let at = segment.start;
    for (const piece of pieces(segment.text)) {
      if (isSpace(piece)) {
        pre += piece;
      } else {
        tokens.push({ text: piece, pre, marks: segment.marks, word: isWord(piece), start: at, id: 0 });
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
