// What changed between two plain texts, as character-exact hunks: paragraphs aligned first, then
// the words of the paragraphs that differ, each diff bounded. Claim anchoring and the stealth-edit
// check both read changes through this.
import { paragraphs, type Paragraph } from './paragraphs';
import { diffIds, StringIds } from './sequence';
import { type TextToken, tokenise } from './tokens';

/** Characters [oa, ob) of the older text became [na, nb) of the newer; text between hunks is identical. */
export interface Hunk {
  oa: number;
  ob: number;
  na: number;
  nb: number;
}

/** Limits on one diff, so no article can stall a request: past them the diff gives up. */
export interface DiffBound {
  /** Most edits explored, in paragraphs when aligning them and in words inside a changed stretch. */
  maxEditLength: number;
  /** Milliseconds for the whole diff. */
  timeout: number;
}

export const DEFAULT_BOUND: DiffBound = { maxEditLength: 4_000, timeout: 250 };

/** Hunks from `from` to `to`, or undefined when the bound was hit. */
export function diffHunks(from: string, to: string, bound: DiffBound = DEFAULT_BOUND): Hunk[] | undefined {
  const cached = recall(from, to, bound);
  if (cached) return cached.hunks;
  const hunks = computeHunks(from, to, bound);
  remember({ from, to, bound, hunks });
  return hunks;
}

/** A stretch standing in both texts: a whole paragraph, or one word of a changed stretch. */
interface Match {
  oa: number;
  ob: number;
  na: number;
  nb: number;
}

function computeHunks(from: string, to: string, bound: DiffBound): Hunk[] | undefined {
  const deadline = Date.now() + bound.timeout;
  const ids = new StringIds();
  const olds = paragraphs(from);
  const news = paragraphs(to);
  const script = diffIds(
    olds.map((p) => ids.of(p.text)),
    news.map((p) => ids.of(p.text)),
    { maxEditLength: bound.maxEditLength, deadline },
  );
  if (!script) return undefined;
  const matches: Match[] = [];
  let i = 0;
  let j = 0;
  let dels: Paragraph[] = [];
  let inss: Paragraph[] = [];
  const flush = (): boolean => {
    if (dels.length > 0 && inss.length > 0 && !matchWords(dels, inss, matches, from, to, bound, deadline)) return false;
    dels = [];
    inss = [];
    return true;
  };
  for (const { op, count } of script) {
    if (op === 'delete') dels.push(...olds.slice(i, (i += count)));
    else if (op === 'insert') inss.push(...news.slice(j, (j += count)));
    else {
      if (!flush()) return undefined;
      for (let k = 0; k < count; k++, i++, j++) matches.push({ oa: olds[i].start, ob: olds[i].end, na: news[j].start, nb: news[j].end });
    }
  }
  if (!flush()) return undefined;
  const hunks: Hunk[] = [];
  let oldEnd = 0;
  let newEnd = 0;
  for (const m of matches) {
    pushGap(hunks, from, to, oldEnd, m.oa, newEnd, m.na);
    oldEnd = m.ob;
    newEnd = m.nb;
  }
  pushGap(hunks, from, to, oldEnd, from.length, newEnd, to.length);
  return absorbShortEqualities(hunks, from);
}

const tokensOf = (ps: Paragraph[]): TextToken[] => ps.flatMap((p) => tokenise(p.text, p.start));

/** Word-diffs paragraphs that changed and adds the words they still share to `matches`. */
function matchWords(dels: Paragraph[], inss: Paragraph[], matches: Match[], from: string, to: string, bound: DiffBound, deadline: number): boolean {
  const a = tokensOf(dels);
  const b = tokensOf(inss);
  const ids = new StringIds();
  const script = diffIds(
    a.map((t) => ids.of(t.text)),
    b.map((t) => ids.of(t.text)),
    { maxEditLength: bound.maxEditLength, deadline },
  );
  if (!script) return false;
  let i = 0;
  let j = 0;
  for (const { op, count } of script) {
    if (op === 'delete') i += count;
    else if (op === 'insert') j += count;
    else for (let k = 0; k < count; k++, i++, j++) matches.push({ oa: a[i].start, ob: a[i].end, na: b[j].start, nb: b[j].end });
  }
  return true;
}

/** Records the text between two matched stretches, trimmed to the characters that actually differ. */
function pushGap(hunks: Hunk[], from: string, to: string, oa: number, ob: number, na: number, nb: number) {
  while (oa < ob && na < nb && from[oa] === to[na]) {
    oa++;
    na++;
  }
  while (ob > oa && nb > na && from[ob - 1] === to[nb - 1]) {
    ob--;
    nb--;
  }
  if (oa < ob || na < nb) hunks.push({ oa, ob, na, nb });
}

const size = (h: Hunk) => Math.max(h.ob - h.oa, h.nb - h.na);

/**
 * A lone word the diff kept between two much larger rewrites ("and" matched across two different
 * sentences) is chance, not the same text: it joins the rewrite, much as in diff-match-patch's
 * semantic cleanup. A claim on it is then reported changed rather than found on a coincidence.
 */
function absorbShortEqualities(hunks: Hunk[], from: string): Hunk[] {
  const out: Hunk[] = [];
  for (const h of hunks) {
    const last = out[out.length - 1];
    const kept = last ? from.slice(last.ob, h.oa) : '';
    if (last && tokenise(kept).length <= 1 && 2 * kept.length <= Math.min(size(last), size(h))) {
      out[out.length - 1] = { oa: last.oa, ob: h.ob, na: last.na, nb: h.nb };
    } else {
      out.push(h);
    }
  }
  return out;
}

// A reader's page locates every claim through the same few steps: diff each pair once.
interface Memo {
  from: string;
  to: string;
  bound: DiffBound;
  hunks: Hunk[] | undefined;
}
const memo: Memo[] = [];
const MEMO_SIZE = 16;

function recall(from: string, to: string, bound: DiffBound): Memo | undefined {
  return memo.find((m) => m.from === from && m.to === to && m.bound.maxEditLength === bound.maxEditLength && m.bound.timeout === bound.timeout);
}

function remember(entry: Memo) {
  memo.unshift(entry);
  if (memo.length > MEMO_SIZE) memo.pop();
}
