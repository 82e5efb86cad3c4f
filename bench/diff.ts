// Benchmark of the version diff on a generated 10,000-word article, side by side with three diff
// libraries on the same texts, in the same process: `npm run bench:diff` (`-- --quick`: fewer runs).
//
// Errata's figure is the whole job: diffVersions parses both Markdown bodies, tokenises, aligns
// paragraphs (moves, splits, merges), word-diffs and builds the runs the compare page renders.
// The libraries get the easier job: their tokens are prepared outside the timing (jsdiff's own word
// tokens, interned to integers once), except diffWords, which tokenises inside as it must. The
// tokenising cost is printed apart, so it can be added back.
import { diffArrays, diffWords, wordDiff } from 'diff';
import DiffMatchPatch from 'diff-match-patch';
import { diff as fastMyersDiff } from 'fast-myers-diff';
import { diffVersions, summariseDiff } from '../lib/diff/index';
import { article, edit, PARAGRAPHS, plainArticle, reorder, version } from './diff-cases';

const QUICK = process.argv.includes('--quick');
/** Each measure runs at least this many times after warm-up, and until this much time went by. */
const MIN_RUNS = QUICK ? 3 : 7;
const MAX_RUNS = QUICK ? 10 : 40;
const MIN_MS = QUICK ? 300 : 1_500;
const WARMUP = 2;

function time(fn: () => void): { median: number; p95: number; runs: number } {
  for (let i = 0; i < WARMUP; i++) fn();
  const samples: number[] = [];
  const started = performance.now();
  while (samples.length < MIN_RUNS || (samples.length < MAX_RUNS && performance.now() - started < MIN_MS)) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  samples.sort((x, y) => x - y);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.ceil(q * samples.length) - 1)];
  return { median: at(0.5), p95: at(0.95), runs: samples.length };
}

/** jsdiff's word tokens (whitespace riding on the words), compared as jsdiff does: trimmed. */
function libraryTokens(a: string, b: string): { a: Int32Array; b: Int32Array; charsA: string; charsB: string } {
  const ids = new Map<string, number>();
  const intern = (text: string) =>
    Int32Array.from(wordDiff.tokenize(text) as string[], (t) => {
      const key = t.trim();
      let id = ids.get(key);
      if (id === undefined) ids.set(key, (id = ids.size + 1));
      return id;
    });
  const [ia, ib] = [intern(a), intern(b)];
  // diff-match-patch's word mode: one character per token (the linesToChars trick on word tokens).
  const chars = (xs: Int32Array) => {
    let s = '';
    for (const x of xs) s += String.fromCharCode(x);
    return s;
  };
  if (ids.size >= 0xd800) throw new Error('too many distinct tokens for one character each');
  return { a: ia, b: ib, charsA: chars(ia), charsB: chars(ib) };
}

const dmp = new DiffMatchPatch(); // its defaults: a 1 s timeout, after which its diff is not minimal

const LIBRARIES: { name: string; run: (t: ReturnType<typeof libraryTokens>, a: string, b: string) => unknown }[] = [
  { name: 'jsdiff diffWords', run: (_t, a, b) => diffWords(a, b) },
  { name: 'jsdiff diffArrays', run: (t) => diffArrays(Array.from(t.a), Array.from(t.b)) },
  { name: 'fast-myers-diff', run: (t) => Array.from(fastMyersDiff(t.a, t.b)) },
  { name: 'diff-match-patch', run: (t) => dmp.diff_main(t.charsA, t.charsB, false) },
];

const original = article(1);
const plain = plainArticle(11);
const words = original.reduce((n, p) => n + p.length, 0);
const plainWords = plain.reduce((n, p) => n + p.length, 0);
const before = version(original, 'Alliance loses 695 council seats');
const plainBefore = version(plain, 'Alliance loses 695 council seats');
const cases = [
  { name: '(a) 1% of words changed', before, after: version(edit(original, 0.01, 2), 'Alliance loses 842 council seats'), target: 30 },
  { name: '(b) 10% of words changed', before, after: version(edit(original, 0.1, 3), 'Alliance loses 842 seats'), target: 30 },
  { name: '(c) full rewrite', before, after: version(article(4), 'A night of losses'), target: 250 },
  { name: '(d) 20 paragraphs reordered', before, after: version(reorder(original, 20, 5), 'Alliance loses 695 council seats'), target: 250 },
  { name: '(e) plain: 1% changed', before: plainBefore, after: version(edit(plain, 0.01, 12, true), 'Alliance loses 842 council seats'), target: 30 },
  { name: '(f) plain: 10% changed', before: plainBefore, after: version(edit(plain, 0.1, 13, true), 'Alliance loses 842 seats'), target: 30 },
  { name: '(g) plain: full rewrite', before: plainBefore, after: version(plainArticle(14), 'A night of losses'), target: 250 },
  { name: '(h) plain: 20 paragraphs reordered', before: plainBefore, after: version(reorder(plain, 20, 15), 'Alliance loses 695 council seats'), target: 250 },
];

console.log(
  `Articles: (a)–(d) ${words} words in ${PARAGRAPHS} paragraphs (Zipf vocabulary, Markdown emphasis and links); ` +
    `(e)–(h) ${plainWords} words of plain prose from a 400-word vocabulary.`,
);
console.log(`Median of ${MIN_RUNS}–${MAX_RUNS} runs per measure after ${WARMUP} warm-up runs, all in this one process (Node ${process.version}).\n`);
const ms = (n: number) => (n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : n.toFixed(0));
const cols = ['Errata', ...LIBRARIES.map((l) => l.name), 'tokenising', 'Errata / best', '≤ 2×', 'own target'];
const widths = [36, 9, ...LIBRARIES.map((l) => Math.max(10, l.name.length)), 10, 13, 7, 12];
const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' ');
console.log(line(['case (ms, median)', ...cols]));
let missed = 0;
for (const c of cases) {
  const result = diffVersions(c.before, c.after);
  const ours = time(() => diffVersions(c.before, c.after));
  const tokens = libraryTokens(c.before.body, c.after.body);
  const tokenising = time(() => libraryTokens(c.before.body, c.after.body));
  const libs = LIBRARIES.map((l) => time(() => l.run(tokens, c.before.body, c.after.body)));
  const best = Math.min(...libs.map((l) => l.median));
  const ratio = ours.median / best;
  const met = ratio <= 2;
  const own = ours.median < c.target;
  if (!met || !own) missed++;
  console.log(
    line([
      c.name,
      ms(ours.median),
      ...libs.map((l) => ms(l.median)),
      ms(tokenising.median),
      `${ratio.toFixed(2)}×`,
      met ? 'met' : 'NOT MET',
      `<${c.target} ${own ? 'met' : 'NOT MET'}`,
    ]),
  );
  console.log(`${''.padEnd(widths[0])} Errata p95 ${ms(ours.p95)} ms; ${summariseDiff(result)}${result.approximate ? ' (approximate)' : ''}`);
}
console.log(missed === 0 ? '\nAll targets met.' : `\n${missed} case(s) missed a target.`);
process.exitCode = missed === 0 ? 0 : 1;
