// The text engine's tokens (lib/text) with the formatting they carry and the whitespace before them.
import { SPACE_PIECE, WORD_PIECE, hashText, isUnspaced, pieceBuffer, pieces } from '../text/tokens';
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

// Local copies: a hot loop reads them per piece.
const SPACE = SPACE_PIECE;
const WORD = WORD_PIECE;
/** The pieces being turned into tokens (cut never runs inside itself). */
const cuts = pieceBuffer();

/**
 * Tokenises consecutive segments of one block; whitespace becomes the next token's `pre`. With an
 * interner, each token is interned as it is cut (and a token seen before takes that one's string).
 */
export function tokenise(segments: Segment[], interner?: Interner): WordToken[] {
  const tokens: WordToken[] = [];
  cut(segments, 0, 0, interner, tokens);
  return tokens;
}

/**
 * Cuts segments[k] from offset `from` (where a token ended, or 0) and the segments after it into
 * tokens, appended to `tokens`. `stop`, told where each token ends (a block offset), returns true
 * to stop there.
 */
function cut(segments: Segment[], k: number, from: number, interner: Interner | undefined, tokens: WordToken[], stop?: (end: number) => boolean): boolean {
  let pre = '';
  // Watching for a place to stop, cut a few pieces at a time: it usually comes soon.
  const limit = stop ? 16 : Infinity;
  for (; k < segments.length; k++, from = 0) {
    const { text, marks, start: at } = segments[k];
    const prefix = keyPrefix(marks);
    const prefixHash = hashText(prefix, 0, prefix.length);
    for (let next = from; next < text.length; ) {
      pieces(text, cuts, next, limit);
      const { data, count } = cuts;
      for (let q = 0; q < count; q++) {
        const start = data[4 * q];
        const end = data[4 * q + 1];
        if (data[4 * q + 2] === SPACE) {
          pre += text.slice(start, end);
          continue;
        }
        let id = 0;
        let piece: string;
        if (interner) {
          // A token seen before takes that one's string (the same text).
          id = interner.idOf(prefix, prefixHash, text, start, end, data[4 * q + 3]);
          piece = interner.textOf(id);
        } else piece = text.slice(start, end);
        tokens.push({ text: piece, pre, marks, word: data[4 * q + 2] === WORD, start: at + start, id });
        pre = '';
        if (stop?.(at + end)) return true;
      }
      next = data[4 * count - 3];
    }
  }
  return false;
}

/** Past a piece, the characters that may still decide where it ends (pieces: 3), and a spare. */
const LOOKAHEAD = 8;

/** Where a block's text ends. */
function endOf(segments: Segment[]): number {
  return segments.length === 0 ? 0 : segments[segments.length - 1].start + segments[segments.length - 1].text.length;
}

function sameSegment(a: Segment, b: Segment): boolean {
  return a.text === b.text && a.start === b.start && sameMarks(a.marks, b.marks);
}

/**
 * tokenise(segments, interner), given the tokens of a similar block `like` (the other version of
 * an edited paragraph). Tokens are only cut where the texts differ: a token where both start the
 * same is like's own, one where both end the same is a copy of like's moved by the difference in
 * length. Exact, because a token depends only on the text from where the one before it ended to a
 * few characters past its own end (its segment's too: its formatting, and whether its script is
 * unspaced), and where a token ends the next one starts with no whitespace carried over.
 */
export function tokeniseLike(segments: Segment[], interner: Interner, likeSegments: Segment[], likeTokens: WordToken[]): WordToken[] {
  const n = Math.min(segments.length, likeSegments.length);
  // The common start: whole segments, then the characters both of the next segment share.
  let q = 0;
  while (q < n && sameSegment(segments[q], likeSegments[q])) q++;
  const shared = q < likeSegments.length ? likeSegments[q].start : Infinity; // like's tokens before this are the same
  let within = -Infinity; // and in segment q, those ending LOOKAHEAD before the texts part
  if (q < n) {
    const [a, b] = [segments[q], likeSegments[q]];
    if (a.start === b.start && sameMarks(a.marks, b.marks) && !isUnspaced(a.text) && !isUnspaced(b.text)) {
      let common = 0;
      while (common < a.text.length && common < b.text.length && a.text.charCodeAt(common) === b.text.charCodeAt(common)) common++;
      within = a.start + common - LOOKAHEAD;
    }
  }
  let r = 0;
  while (r < likeTokens.length) {
    const t = likeTokens[r];
    const end = t.start + t.text.length;
    if (t.start >= shared && end > within) break;
    r++;
  }
  const tokens = likeTokens.slice(0, r);
  // Where cutting resumes: at the end of the last shared token, in its segment.
  let k = 0;
  let from = 0;
  if (r > 0) {
    const last = likeTokens[r - 1];
    from = last.start + last.text.length;
    while (k + 1 < segments.length && segments[k + 1].start <= last.start) k++;
    from -= segments[k].start;
  }
  // The common end, from like's side: whole segments, then the characters both of the one before share.
  let i = segments.length - 1;
  let j = likeSegments.length - 1;
  while (i >= 0 && j >= 0 && segments[i].text === likeSegments[j].text && sameMarks(segments[i].marks, likeSegments[j].marks)) {
    i--;
    j--;
  }
  const delta = endOf(segments) - endOf(likeSegments);
  let tail = j >= 0 ? likeSegments[j].start + likeSegments[j].text.length : 0; // like's offset where the common end starts
  if (i >= 0 && j >= 0) {
    const [a, b] = [segments[i], likeSegments[j]];
    if (sameMarks(a.marks, b.marks) && !isUnspaced(a.text) && !isUnspaced(b.text)) {
      let common = 0;
      while (common < a.text.length && common < b.text.length && a.text.charCodeAt(a.text.length - 1 - common) === b.text.charCodeAt(b.text.length - 1 - common)) common++;
      tail -= common;
    }
  }
  // Like's tokens u whose whitespace before starts in the common end: where the new cut meets
  // one of those starts (a token of its own just ended there), the rest is like's, moved.
  let u = 0;
  while (u < likeTokens.length && likeTokens[u].start - likeTokens[u].pre.length < tail) u++;
  const meets = (end: number): boolean => {
    while (u < likeTokens.length && likeTokens[u].start - likeTokens[u].pre.length + delta < end) u++;
    return u < likeTokens.length && likeTokens[u].start - likeTokens[u].pre.length + delta === end;
  };
  // Cutting resumes where a token ended (or at the start), so it may meet like's right away.
  const resume = r > 0 ? segments[k].start + from : 0;
  if (!meets(resume) && !cut(segments, k, from, interner, tokens, meets)) return tokens;
  for (; u < likeTokens.length; u++) {
    const t = likeTokens[u];
    tokens.push({ text: t.text, pre: t.pre, marks: t.marks, word: t.word, start: t.start + delta, id: t.id });
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
 * What goes before a token's text in its comparison key: nothing for plain words, the formatting
 * and \u0001 for formatted ones. A key splits into prefix and text one way only (a prefix has its
 * one \u0001 at its end, and a token can hold one only as its first character), so keys are equal
 * when their prefixes and texts are.
 */
function keyPrefix(marks: Marks | undefined): string {
  return marks ? `${marksKey(marks)}\u0001` : '';
}

/** A key's hash from its prefix's hash and its text's (hashText). */
function keyHash(prefix: string, prefixHash: number, textHash: number): number {
  return prefix === '' ? textHash : (Math.imul(prefixHash, 0x9e3779b1) ^ textHash) | 0;
}

/**
 * Gives equal tokens equal small integers, so the diff compares numbers. Formatting is part of
 * the key (a changed link target is a change); whitespace is not (reflowed lines are no change).
 * Keys live in an open-addressing table, so a token is looked up from the text it is cut from,
 * before (or without) making its string.
 */
export class Interner {
  /** By id (from 1): the key's prefix, the token's text and the key's hash. */
  private prefixes: string[] = [''];
  private texts: string[] = [''];
  private hashes = new Int32Array(1024);
  /** Ids by hash, 0 for an empty slot; at most half full. */
  private slots = new Int32Array(2048);
  /** Token lists already interned (a block's tokens are read by the alignment, then the diff). */
  private done = new WeakMap<WordToken[], number[]>();

  /** The id of the key prefix + text[start, end); the hashes are hashText of the prefix and of the text. */
  idOf(prefix: string, prefixHash: number, text: string, start: number, end: number, textHash: number): number {
    const h = keyHash(prefix, prefixHash, textHash);
    const mask = this.slots.length - 1;
    const length = end - start;
    for (let at = h & mask; ; at = (at + 1) & mask) {
      const id = this.slots[at];
      if (id === 0) return this.add(h, prefix, text.slice(start, end), at);
      if (this.hashes[id] !== h || this.prefixes[id] !== prefix) continue;
      const known = this.texts[id];
      if (known.length !== length) continue;
      let k = 0;
      while (k < length && known.charCodeAt(k) === text.charCodeAt(start + k)) k++;
      if (k === length) return id;
    }
  }

  /** The text of the token with this id. */
  textOf(id: number): string {
    return this.texts[id];
  }

  private add(h: number, prefix: string, text: string, at: number): number {
    const id = this.texts.length;
    this.prefixes.push(prefix);
    this.texts.push(text);
    if (id === this.hashes.length) {
      const hashes = new Int32Array(id * 2);
      hashes.set(this.hashes);
      this.hashes = hashes;
    }
    this.hashes[id] = h;
    this.slots[at] = id;
    if (2 * id >= this.slots.length) {
      const slots = new Int32Array(this.slots.length * 2);
      const mask = slots.length - 1;
      for (let k = 1; k <= id; k++) {
        let to = this.hashes[k] & mask;
        while (slots[to] !== 0) to = (to + 1) & mask;
        slots[to] = k;
      }
      this.slots = slots;
    }
    return id;
  }

  intern(tokens: WordToken[]): number[] {
    const known = this.done.get(tokens);
    if (known && known.length === tokens.length) return known;
    const out = new Array<number>(tokens.length);
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (t.id === 0) {
        const prefix = keyPrefix(t.marks);
        t.id = this.idOf(prefix, hashText(prefix, 0, prefix.length), t.text, 0, t.text.length, hashText(t.text, 0, t.text.length));
      }
      out[i] = t.id;
    }
    this.done.set(tokens, out);
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
