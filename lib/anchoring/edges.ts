// Where a claim's edges land after one step's hunks, and whether any hunk changed its words.
import { type Hunk, isWordChar, tokenise } from '../text';

export interface Mapped {
  touched: boolean;
  start: number;
  end: number;
}

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/**
 * An edit right at an edge belongs to the claim only if it is glued to the claim's edge word:
 * "Hart" → "Harte", "3" → "3.5", "nine" → "ninety-nine". A comma or a new word after a space is
 * outside it.
 */
function gluedAfter(last: string | undefined, added: string): boolean {
  if (!isWordChar(last)) return false;
  return /^-?[\p{L}\p{N}]/u.test(added) || (isDigit(last) && /^[.,]\d/.test(added));
}

function gluedBefore(first: string | undefined, added: string): boolean {
  if (!isWordChar(first)) return false;
  return /[\p{L}\p{N}]-?$/u.test(added) || (isDigit(first) && /\d[.,]$/.test(added));
}

function joinsStart(h: Hunk, s: number, from: string, to: string): boolean {
  if (h.ob !== s) return false;
  // The claim began inside a word whose first part was edited.
  if (h.ob > h.oa && isWordChar(from[s - 1]) && isWordChar(from[s])) return true;
  return gluedBefore(from[s], to.slice(h.na, h.nb));
}

function joinsEnd(h: Hunk, e: number, from: string, to: string): boolean {
  if (h.oa !== e) return false;
  if (h.ob > h.oa && isWordChar(from[e - 1]) && isWordChar(from[e])) return true;
  return gluedAfter(from[e - 1], to.slice(h.na, h.nb));
}

/** True if hunk `h` changes any of the claim's characters or is glued to its edge words. */
export function touches(h: Hunk, s: number, e: number, from: string, to: string): boolean {
  const inside = h.oa === h.ob ? s < h.oa && h.oa < e : h.oa < e && h.ob > s;
  return inside || joinsStart(h, s, from, to) || joinsEnd(h, e, from, to);
}

/**
 * Inside a rewritten stretch, pair words one for one when both sides have as many
 * ("lost 695" → "won 842"), so a claim on "695" maps to "842" rather than the whole stretch.
 */
function pairedEdge(h: Hunk, pos: number, edge: 'start' | 'end', from: string, to: string): number {
  const olds = tokenise(from.slice(h.oa, h.ob));
  const news = tokenise(to.slice(h.na, h.nb));
  const rel = pos - h.oa;
  if (olds.length > 0 && olds.length === news.length) {
    if (edge === 'start') {
      const k = olds.findIndex((t) => t.end > rel);
      if (k >= 0) return h.na + news[k].start;
    } else {
      const k = olds.findLastIndex((t) => t.start < rel);
      if (k >= 0) return h.na + news[k].end;
    }
  }
  return edge === 'start' ? h.na : h.nb;
}

function mapStart(hunks: Hunk[], s: number, from: string, to: string): number {
  let delta = 0;
  for (const h of hunks) {
    if (h.oa > s) break;
    const insertion = h.oa === h.ob;
    if (insertion && h.oa === s) return joinsStart(h, s, from, to) ? h.na : h.nb;
    if (!insertion && h.oa <= s && s < h.ob) return h.na === h.nb ? h.na : pairedEdge(h, s, 'start', from, to);
    if (h.ob === s && joinsStart(h, s, from, to)) return h.na;
    delta += h.nb - h.na - (h.ob - h.oa);
  }
  return s + delta;
}

function mapEnd(hunks: Hunk[], e: number, from: string, to: string): number {
  let delta = 0;
  for (const h of hunks) {
    if (h.oa > e) break;
    const insertion = h.oa === h.ob;
    if (insertion && h.oa === e) return joinsEnd(h, e, from, to) ? h.nb : h.na;
    if (!insertion && h.oa < e && e <= h.ob) return h.na === h.nb ? h.na : pairedEdge(h, e, 'end', from, to);
    if (h.oa === e) return joinsEnd(h, e, from, to) ? h.nb : e + delta;
    delta += h.nb - h.na - (h.ob - h.oa);
  }
  return e + delta;
}

/** Maps the claim [s, e) of `from` through `hunks` into `to`. */
export function mapThrough(hunks: Hunk[], s: number, e: number, from: string, to: string): Mapped {
  const touched = hunks.some((h) => touches(h, s, e, from, to));
  const start = mapStart(hunks, s, from, to);
  const end = Math.max(start, mapEnd(hunks, e, from, to));
  return { touched, start, end };
}
