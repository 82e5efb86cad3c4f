// How a change to an article's words is put to readers (the history) and to the desk (the
// minor-edit warning): "added “Nick”", "removed “on Saturday”", "“nine” became “11”", and a long
// passage shown once with its changed words marked. Changes are read through the one text engine.
import { diffHunks, type Hunk } from '../text';

export interface ChangedWords {
  /** The words as they stood ('' if they are new). */
  before: string;
  /** The words as they now stand ('' if they were removed). */
  after: string;
}

/** One sentence-fragment for a change: added, removed or became. */
export function describeChange({ before, after }: ChangedWords): string {
  if (!before) return `added “${after}”`;
  if (!after) return `removed “${before}”`;
  return `“${before}” became “${after}”`;
}

// Letters, digits and what joins them inside a word or figure (£4.20, 1,200, O’Brien).
const JOINED = /[\p{L}\p{M}\p{N}.,'’£$€%]/u;
const joined = (c: string | undefined) => c !== undefined && JOINED.test(c);

/** Widens a non-empty [a, b) of `text` to whole words: a hunk "£4.[2]0" is the figure "£4.20". */
function toWords(text: string, a: number, b: number): [number, number] {
  if (a === b) return [a, b];
  while (a > 0 && joined(text[a - 1]) && joined(text[a])) a--;
  while (b < text.length && joined(text[b]) && joined(text[b - 1])) b++;
  return [a, b];
}

const MAX_PHRASE_WORDS = 8;
const wordCount = (s: string) => s.split(/\s+/).filter(Boolean).length;
const clean = (s: string) => s.trim().replace(/^[,;:.]+\s*|\s*[,;:.]+$/g, '').trim();

/** The whole words of each hunk, before and after. */
function hunkWords(before: string, after: string, h: Hunk): ChangedWords {
  const [oa, ob] = toWords(before, h.oa, h.ob);
  const [na, nb] = toWords(after, h.na, h.nb);
  return { before: clean(before.slice(oa, ob)), after: clean(after.slice(na, nb)) };
}

/**
 * The changes as readers should read them: each fact the stealth-edit check found is widened to
 * the whole words the edit changed around it, so an added "on Saturday" is not cut to "Saturday"
 * and a new name reads as added, not as “” became “Nick”. Facts inside one edit are told once.
 */
export function wordedChanges(beforeText: string, afterText: string, facts: ChangedWords[]): ChangedWords[] {
  const hunks = (diffHunks(beforeText, afterText) ?? []).map((h) => hunkWords(beforeText, afterText, h));
  const used = new Set<number>();
  const out: ChangedWords[] = [];
  for (const fact of facts) {
    const i = hunks.findIndex(
      (h) => (h.before || h.after) && (!fact.before || h.before.includes(fact.before)) && (!fact.after || h.after.includes(fact.after)),
    );
    if (i >= 0 && used.has(i)) continue;
    const h = hunks[i];
    if (h && wordCount(h.before) <= MAX_PHRASE_WORDS && wordCount(h.after) <= MAX_PHRASE_WORDS) {
      used.add(i);
      out.push(h);
    } else {
      out.push({ before: fact.before, after: fact.after });
    }
  }
  return out;
}

export interface MarkedPiece {
  text: string;
  /** Words the change removed or added; plain context otherwise. */
  change?: 'removed' | 'added';
}

/**
 * One passage shown once with its changes marked (removed words, then the words that replaced
 * them), cut to a few words of context either side of the changes: what the minor-edit warning
 * shows, instead of the passage before and the passage after in full.
 */
export function markedChange({ before, after }: ChangedWords, context = 6): MarkedPiece[] {
  if (!before || !after) return [{ text: before || after, change: before ? 'removed' : 'added' }];
  const hunks = (diffHunks(before, after) ?? [{ oa: 0, ob: before.length, na: 0, nb: after.length }]).map((h) => {
    const [oa, ob] = toWords(before, h.oa, h.ob);
    const [na, nb] = toWords(after, h.na, h.nb);
    return { oa, ob, na, nb };
  });
  const pieces: MarkedPiece[] = [];
  let at = 0; // in `after`
  hunks.forEach((h, k) => {
    const plain = after.slice(at, h.na);
    pieces.push({ text: k === 0 ? openingContext(plain, context) : middleContext(plain, context) });
    if (h.ob > h.oa) pieces.push({ text: before.slice(h.oa, h.ob), change: 'removed' });
    if (h.nb > h.na) pieces.push({ text: after.slice(h.na, h.nb), change: 'added' });
    at = Math.max(at, h.nb);
  });
  pieces.push({ text: closingContext(after.slice(at), context) });
  return pieces.filter((p) => p.text);
}

const tokens = (s: string) => s.split(/(\s+)/);

function openingContext(s: string, n: number): string {
  const t = tokens(s);
  const words = t.filter((x) => x.trim()).length;
  if (words <= n) return s;
  let seen = 0;
  let i = t.length;
  while (i > 0 && seen < n) {
    i--;
    if (t[i].trim()) seen++;
  }
  return `…${t.slice(i).join('')}`;
}

function closingContext(s: string, n: number): string {
  const t = tokens(s);
  if (t.filter((x) => x.trim()).length <= n) return s;
  let seen = 0;
  let i = 0;
  while (i < t.length && seen < n) {
    if (t[i].trim()) seen++;
    i++;
  }
  return `${t.slice(0, i).join('')}…`;
}

function middleContext(s: string, n: number): string {
  if (s.split(/\s+/).filter(Boolean).length <= 2 * n) return s;
  return `${closingContext(s, n).replace(/…$/, '')} … ${openingContext(s, n).replace(/^…/, '')}`;
}

/** The marked passage as plain text: [removed → added], for a message with no markup. */
export function markedChangeText(change: ChangedWords, context = 6): string {
  const pieces = markedChange(change, context);
  let out = '';
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i];
    if (p.change === 'removed' && pieces[i + 1]?.change === 'added') {
      out += `[“${p.text}” → “${pieces[i + 1].text}”]`;
      i++;
    } else if (p.change === 'removed') out += `[removed “${p.text}”]`;
    else if (p.change === 'added') out += `[added “${p.text}”]`;
    else out += p.text;
  }
  return out;
}
