// Choosing among equally short diffs that differ only in which copy of a repeated word changed.
//
// Deleting "Robin Hart and " from "Robin Hart and Robin Vale" and deleting " Hart and Robin"
// give the same text; a diff picks one arbitrarily. For a claim on the first "Robin" the two
// readings disagree (removed, or still there), so the choice is made here, on the claim's context,
// never by the diff's accident.
import type { Hunk } from '../text';
import { type Mapped, mapThrough } from './edges';
import { CONTEXT_CHARS } from './anchor';
import { isWordChar } from '../text';
import { contextSimilarity } from './matching';

/** A claim left standing by an ambiguous deletion must keep at least this much of its context. */
export const SLIDE_CONTEXT_THRESHOLD = 0.75;
// The diff's own placement stands unless another fits the claim's context clearly better.
const SLIDE_MARGIN = 0.1;
const MAX_SLIDE = 400;

type Side = 'before' | 'after' | 'inside';

function sideOf(h: Hunk, s: number, e: number): Side {
  if (h.oa === h.ob) return h.oa <= s ? 'before' : h.oa >= e ? 'after' : 'inside';
  return h.ob <= s ? 'before' : h.oa >= e ? 'after' : 'inside';
}

const atWordBoundary = (text: string, i: number) => !(isWordChar(text[i - 1]) && isWordChar(text[i]));

/** Every equivalent placement of a pure insertion or deletion that starts and ends between words. */
function placements(hunks: Hunk[], index: number, from: string, to: string): Hunk[] {
  const h = hunks[index];
  const deletion = h.na === h.nb;
  const text = deletion ? from : to;
  const a = deletion ? h.oa : h.na;
  const b = deletion ? h.ob : h.nb;
  const prev = hunks[index - 1];
  const next = hunks[index + 1];
  const lo = prev ? (deletion ? prev.ob : prev.nb) : 0;
  const hi = next ? (deletion ? next.oa : next.na) : text.length;
  const shifted = (k: number): Hunk => ({ oa: h.oa + k, ob: h.ob + k, na: h.na + k, nb: h.nb + k });
  const out: Hunk[] = [];
  for (let k = 1; k <= MAX_SLIDE && a - k >= lo && text[a - k] === text[b - k]; k++) out.push(shifted(-k));
  for (let k = 1; k <= MAX_SLIDE && b + k <= hi && text[a + k - 1] === text[b + k - 1]; k++) out.push(shifted(k));
  return out.filter((p) => {
    const pa = deletion ? p.oa : p.na;
    const pb = deletion ? p.ob : p.nb;
    return atWordBoundary(text, pa) && atWordBoundary(text, pb);
  });
}

interface Candidate {
  hunks: Hunk[];
  mapped: Mapped;
  score: number;
  /** The moved words read as a phrase: they start a word and end before a space or mark. */
  phrase: boolean;
}

/** Picks, for each pure insertion or deletion next to the claim, the placement its context supports. */
export function resolveSlides(hunks: Hunk[], s: number, e: number, from: string, to: string): Hunk[] {
  let current = hunks;
  const prefix = from.slice(Math.max(0, s - CONTEXT_CHARS), s);
  const suffix = from.slice(e, e + CONTEXT_CHARS);
  const evaluate = (hs: Hunk[], h: Hunk): Candidate => {
    const mapped = mapThrough(hs, s, e, from, to);
    const score = contextSimilarity(prefix, suffix, to.slice(Math.max(0, mapped.start - CONTEXT_CHARS), mapped.start), to.slice(mapped.end, mapped.end + CONTEXT_CHARS));
    const words = h.oa === h.ob ? to.slice(h.na, h.nb) : from.slice(h.oa, h.ob);
    return { hunks: hs, mapped, score, phrase: isWordChar(words[0]) && !isWordChar(words[words.length - 1]) };
  };
  for (let i = 0; i < current.length; i++) {
    const h = current[i];
    if (h.oa !== h.ob && h.na !== h.nb) continue;
    // Only a hunk in the same unchanged stretch as one of the claim's edges can slide across it.
    const lo = i > 0 ? current[i - 1].ob : 0;
    const hi = i + 1 < current.length ? current[i + 1].oa : from.length;
    if (hi < s || lo > e) continue;
    const original = sideOf(h, s, e);
    const bySide = new Map<Side, Hunk>();
    for (const p of placements(current, i, from, to)) {
      const side = sideOf(p, s, e);
      const seen = bySide.get(side);
      if (side !== original && (!seen || Math.abs(p.oa - h.oa) < Math.abs(seen.oa - h.oa))) bySide.set(side, p);
    }
    if (bySide.size === 0) continue;
    const base = current;
    const candidates = [evaluate(base, h), ...[...bySide.values()].map((p) => evaluate(base.map((x, k) => (k === i ? p : x)), p))];
    current = choose(candidates, h.oa !== h.ob).hunks;
  }
  return current;
}

function choose(candidates: Candidate[], deletion: boolean): Candidate {
  const [original] = candidates;
  const standing = candidates.filter((c) => !c.mapped.touched);
  if (standing.length === 0) return original;
  let best = standing.includes(original) ? original : standing[0];
  for (const c of standing) {
    if (c === best) continue;
    // The diff's own choice stands unless another is clearly better, or as good and reads as the
    // phrase an editor would type ("Robin Hart and " inserted, not " Hart and Robin").
    const margin = best === original ? SLIDE_MARGIN : 0;
    if (c.score > best.score + margin || (c.score >= best.score - margin && c.phrase && !best.phrase)) best = c;
  }
  // When the deletion could equally have taken the whole claim, and the claim only survives with
  // its context gone, the claim's own words are what was deleted. (A reading that cuts only part
  // of the claim, "no. He said " for "He said no. ", is not a way an editor deletes.)
  const erased = candidates.find((c) => c.mapped.touched && c.mapped.start === c.mapped.end);
  if (deletion && erased && best.score < SLIDE_CONTEXT_THRESHOLD) return erased;
  return best;
}
