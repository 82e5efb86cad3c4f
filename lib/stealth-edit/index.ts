// The stealth-edit check: does a "minor edit" to a published article change a number, a name, a quote or a negation?
import { diffHunks, type Hunk } from '../text';
import { type Facts, factsOf, SUBSTANTIVE_KINDS, type SubstantiveKind, wordCounts } from './features';
import type { Found } from './numbers';

export { SUBSTANTIVE_KINDS, type SubstantiveKind } from './features';

export interface SubstantiveChange {
  kind: SubstantiveKind;
  /** The fact as it stood ('' if it is new): the number or name as written, the quoted words, or the negated phrase. */
  before: string;
  /** The fact as it now stands ('' if it was removed). */
  after: string;
}

// A removed and an added fact further apart than this (in characters, once the edit is mapped)
// are two changes, not one fact changed.
const PAIR_DISTANCE = 200;

type Side = 'old' | 'new';

/** Maps a position through the hunks, from the older text to the newer ('old') or back ('new'). */
function mapPoint(hunks: Hunk[], pos: number, from: Side): number {
  let delta = 0;
  for (const h of hunks) {
    const [a, b, c, d] = from === 'old' ? [h.oa, h.ob, h.na, h.nb] : [h.na, h.nb, h.oa, h.ob];
    if (pos < a) break;
    if (pos < b) return c + Math.min(pos - a, d - c);
    delta += d - c - (b - a);
  }
  return pos + delta;
}

function touched(f: Found, hunks: Hunk[], side: Side): boolean {
  return hunks.some((h) => {
    const [a, b] = side === 'old' ? [h.oa, h.ob] : [h.na, h.nb];
    return a === b ? f.start < a && a < f.end : f.start < b && a < f.end;
  });
}

/**
 * The facts of `mine` that `theirs` no longer has, counted per key: a number or name that merely
 * moved (a rephrase) is still there. Where a key repeats, the copies the edit touched go first.
 */
function unmatched(mine: Found[], theirs: Found[], hunks: Hunk[], side: Side): Found[] {
  const theirCount = new Map<string, number>();
  for (const f of theirs) theirCount.set(f.key, (theirCount.get(f.key) ?? 0) + 1);
  const byKey = new Map<string, Found[]>();
  for (const f of mine) byKey.set(f.key, [...(byKey.get(f.key) ?? []), f]);
  const out: Found[] = [];
  for (const [key, found] of byKey) {
    const excess = found.length - (theirCount.get(key) ?? 0);
    if (excess <= 0) continue;
    const ordered = [...found.filter((f) => touched(f, hunks, side)), ...found.filter((f) => !touched(f, hunks, side))];
    out.push(...ordered.slice(0, excess));
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The words either side of a fact, which a moved paragraph keeps. */
function neighbours(text: string, f: Found): string {
  const before = text.slice(Math.max(0, f.start - 40), f.start).match(/([\p{L}\p{N}]+)[^\p{L}\p{N}]*$/u)?.[1] ?? '';
  const after = text.slice(f.end, f.end + 40).match(/^[^\p{L}\p{N}]*([\p{L}\p{N}]+)/u)?.[1] ?? '';
  return `${before.toLowerCase()} ${after.toLowerCase()}`;
}

/**
 * Pairs each removed fact with the nearest added one where the edit put it, so "695" → "842"
 * reads as one change; failing that (the paragraph moved too), with one between the same words.
 */
function pair(removed: Found[], added: Found[], texts: [string, string], hunks: Hunk[], exact: boolean): [Found | undefined, Found | undefined][] {
  const free = [...added];
  const pairs: [Found | undefined, Found | undefined][] = [];
  for (const r of removed) {
    const target = mapPoint(hunks, r.start, 'old');
    let best = -1;
    free.forEach((a, i) => {
      if (best < 0 || Math.abs(a.start - target) < Math.abs(free[best].start - target)) best = i;
    });
    if (best >= 0 && exact && Math.abs(free[best].start - target) > PAIR_DISTANCE) {
      const around = neighbours(texts[0], r);
      best = free.findIndex((a) => neighbours(texts[1], a) === around);
    }
    pairs.push([r, best >= 0 ? free.splice(best, 1)[0] : undefined]);
  }
  return [...pairs, ...free.map((a): [undefined, Found] => [undefined, a])];
}

/** A negation means little without its verb: up to two words either side, within the sentence. */
function phrase(text: string, start: number, end: number): string {
  for (let k = 0; k < 2; k++) {
    const m = text.slice(0, start).match(/[\p{L}\p{N}'’]+[^\p{L}\p{N}.!?"“”\n]*$/u);
    if (!m) break;
    start -= m[0].length;
  }
  for (let k = 0; k < 2; k++) {
    const m = text.slice(end).match(/^[^\p{L}\p{N}.!?"“”\n]*[\p{L}\p{N}'’]+/u);
    if (!m) break;
    end += m[0].length;
  }
  return text.slice(start, end).trim();
}

/**
 * The substantive changes between two versions' plain texts, in reading order: numbers (by value,
 * so "nine" → "9" is style), names (capitalised words not opening a sentence; a respelling
 * counts, a recapitalisation does not), quoted words and negations added or removed. Empty for
 * a genuinely minor edit: a typo in a common word, punctuation, spacing, a rephrase keeping every fact.
 */
export function findSubstantiveChanges(before: string, after: string): SubstantiveChange[] {
  if (before === after) return [];
  const diffed = diffHunks(before, after);
  // Past the diff's bound the facts are still compared; only their pairing is rougher.
  const hunks = diffed ?? [{ oa: 0, ob: before.length, na: 0, nb: after.length }];
  const facts: [Facts, Facts] = factsOf(before, after);
  const counts = [wordCounts(before), wordCounts(after)];
  const changes: (SubstantiveChange & { at: number })[] = [];
  for (const kind of SUBSTANTIVE_KINDS) {
    let removed = unmatched(facts[0][kind], facts[1][kind], hunks, 'old');
    let added = unmatched(facts[1][kind], facts[0][kind], hunks, 'new');
    if (kind === 'name') {
      // "the council" → "the Council" is house style: the word itself did not come or go.
      const more = (f: Found, more: number, fewer: number) => (counts[more].get(f.key) ?? 0) > (counts[fewer].get(f.key) ?? 0);
      removed = removed.filter((f) => more(f, 0, 1));
      added = added.filter((f) => more(f, 1, 0));
    }
    for (const [r, a] of pair(removed, added, [before, after], hunks, diffed !== undefined)) {
      const at = r ? r.start : mapPoint(hunks, a?.start ?? 0, 'new');
      if (kind === 'negation') {
        const [os, oe] = r ? [r.start, r.end] : [at, at];
        const [ns, ne] = a ? [a.start, a.end] : [mapPoint(hunks, os, 'old'), mapPoint(hunks, oe, 'old')];
        changes.push({ kind, before: phrase(before, os, oe), after: phrase(after, ns, ne), at });
      } else {
        changes.push({ kind, before: r?.text ?? '', after: a?.text ?? '', at });
      }
    }
  }
  return changes.sort((x, y) => x.at - y.at).map(({ kind, before: was, after: now }) => ({ kind, before: was, after: now }));
}

/** True if saving `after` over `before` as a minor edit should be refused without a correction or a reason. */
export function isSubstantive(before: string, after: string): boolean {
  return findSubstantiveChanges(before, after).length > 0;
}
export { versionFacts } from './version-text';
