// Benchmark of the version diff on generated 10,000-word articles, side by side with three diff
// libraries on the same texts, in the same process: `npm run bench:diff` (`-- --quick`: fewer runs).
//
// Errata's figure is the whole job: diffVersions parses both Markdown bodies, tokenises, aligns
// paragraphs (moves, splits, merges), word-diffs and builds the runs the compare page renders.
// A library is given the two bodies as text too: diffWords tokenises them itself; diffArrays,
// fast-myers-diff and diff-match-patch (word mode: one character per token) diff the same word
// tokens, cut by one regex (words and single punctuation marks) and interned to integers, and that
// tokenising is part of their figure ("tokens" column). "best" is the fastest of the four.
// The last column compares Errata with the libraries' diffs alone, tokens given for free.
import { diffArrays, diffWords } from 'diff';
import DiffMatchPatch from 'diff-match-patch';
import { diff as fastMyersDiff } from 'fast-myers-diff';
import { diffVersions, summariseDiff } from '../lib/diff/index';
import { article, edit, PARAGRAPHS, plainArticle, reorder, version } from './diff-cases';

const QUICK = process.argv.includes('--quick');
/** Each measure runs at least this many times after warm-up, and until this much time went by. */
const MIN_RUNS = QUICK ? 3 : 9;
const MAX_RUNS = QUICK ? 10 : 40;
const MIN_MS = QUICK ? 300 : 1_500;
/** A measure slower than this per run (a library on a rewrite: seconds) runs only three times. */
const SLOW_MS = 400;
/** Over this, the one run is the figure. */
const VERY_SLOW_MS = 3_000;
/**
 * Before its runs count, each measure that is not slow runs for this long (`-- --warm-ms=0`: once),
 * so what is measured is compiled code: a large body of code such as Errata's and markdown-it's
 * takes some 50 runs to settle, and the JIT's work on the way is CPU time of this process.
 */
const WARM_MS = Number(process.argv.find((a) => a.startsWith('--warm-ms='))?.slice(10) ?? (QUICK ? 300 : 1_000));

/**
 * Median CPU time of fn (this process's user + system time, so other work on a shared machine
 * counts less than on the wall clock) and its median wall-clock time.
 */
function time(fn: () => void): { median: number; wall: number; p95: number; runs: number } {
  const first = performance.now();
  const firstUsed = process.cpuUsage();
  fn();
  const firstWall = performance.now() - first;
  const firstSpent = process.cpuUsage(firstUsed);
  // Seconds per run: JIT warm-up is lost in the noise, so that one run is the figure.
  if (firstWall > VERY_SLOW_MS) return { median: (firstSpent.user + firstSpent.system) / 1_000, wall: firstWall, p95: firstWall, runs: 1 };
  const slow = firstWall > SLOW_MS;
  if (!slow) {
    const warming = performance.now();
    do fn();
    while (performance.now() - warming < WARM_MS);
  }
  const cpu: number[] = [];
  const wall: number[] = [];
  const started = performance.now();
  const min = slow ? 3 : MIN_RUNS;
  const max = slow ? 3 : MAX_RUNS;
  while (cpu.length < min || (cpu.length < max && performance.now() - started < MIN_MS)) {
    const start = performance.now();
    const used = process.cpuUsage();
    fn();
    const spent = process.cpuUsage(used);
    wall.push(performance.now() - start);
    cpu.push((spent.user + spent.system) / 1_000);
  }
  const at = (xs: number[], q: number) => [...xs].sort((x, y) => x - y)[Math.min(xs.length - 1, Math.ceil(q * xs.length) - 1)];
  return { median: at(cpu, 0.5), wall: at(wall, 0.5), p95: at(cpu, 0.95), runs: cpu.length };
}

const TOKEN = /[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu;

/** Both bodies as interned word tokens, and as one character per token for diff-match-patch. */
function libraryTokens(a: string, b: string): { a: Int32Array; b: Int32Array; charsA: string; charsB: string } {
  const ids = new Map<string, number>();
  const intern = (text: string) =>
    Int32Array.from(text.match(TOKEN) ?? [], (t) => {
      let id = ids.get(t);
      if (id === undefined) ids.set(t, (id = ids.size + 1));
      return id;
    });
  const [ia, ib] = [intern(a), intern(b)];
  if (ids.size >= 0xd800) throw new Error('too many distinct tokens for one character each');
  const chars = (xs: Int32Array) => {
    let s = '';
    for (const x of xs) s += String.fromCharCode(x);
    return s;
  };
  return { a: ia, b: ib, charsA: chars(ia), charsB: chars(ib) };
}

const dmp = new DiffMatchPatch(); // its defaults: a 1 s timeout, past which its diff is not minimal

type Tokens = ReturnType<typeof libraryTokens>;
const LIBRARIES: { name: string; tokenised: boolean; run: (t: Tokens, a: string, b: string) => unknown }[] = [
  { name: 'diffWords', tokenised: false, run: (_t, a, b) => diffWords(a, b) },
  { name: 'diffArrays', tokenised: true, run: (t) => diffArrays(Array.from(t.a), Array.from(t.b)) },
  { name: 'fast-myers', tokenised: true, run: (t) => Array.from(fastMyersDiff(t.a, t.b)) },
  { name: 'dmp words', tokenised: true, run: (t) => dmp.diff_main(t.charsA, t.charsB, false) },
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
    `(e)–(h) ${plainWords} words of plain prose from a 200-word vocabulary.`,
);
console.log(
  `Median of ${MIN_RUNS}–${MAX_RUNS} runs per measure (3 when a run takes over ${SLOW_MS} ms, 1 over ${VERY_SLOW_MS / 1_000} s) after ` +
    `${WARM_MS} ms of warm-up runs each, all in this one process (Node ${process.version}).`,
);
console.log('Figures are CPU milliseconds (this process, user + system): the machine may be shared. Library figures');
console.log('include cutting the text into tokens (the "tokens" column); "diff alone" leaves that out.\n');
const ms = (n: number) => (n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : n.toFixed(0));
const header = ['case (CPU ms, median)', 'Errata', ...LIBRARIES.map((l) => l.name), 'tokens', 'best', 'Errata/best', '≤ 2×', 'vs diff alone'];
const widths = [34, 8, ...LIBRARIES.map((l) => Math.max(9, l.name.length)), 7, 8, 11, 7, 13];
const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' ');
console.log(line(header));
let missed = 0;
// Warm-up: the JIT compiles Errata's and the libraries' code on the small cases before anything counts.
{
  const [small, edited] = [cases[0], cases[1]];
  const t = libraryTokens(small.before.body, small.after.body);
  for (let i = 0; i < 10; i++) {
    diffVersions(small.before, small.after);
    diffVersions(edited.before, edited.after);
    libraryTokens(small.before.body, small.after.body);
    for (const l of LIBRARIES) l.run(t, small.before.body, small.after.body);
  }
}

/** `-- --only=a,d` runs those cases only. */
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7).split(',');
for (const c of cases.filter((x) => !only || only.some((o) => x.name.startsWith(`(${o})`)))) {
  const result = diffVersions(c.before, c.after);
  const ours = time(() => diffVersions(c.before, c.after));
  const tokens = libraryTokens(c.before.body, c.after.body);
  const tokenTime = time(() => libraryTokens(c.before.body, c.after.body));
  const [tokenising, tokenisingWall] = [tokenTime.median, tokenTime.wall];
  const libs = LIBRARIES.map((l) => time(() => l.run(tokens, c.before.body, c.after.body)));
  const alone = libs.map((l) => l.median);
  const bestWall = Math.min(...libs.map((l, i) => (LIBRARIES[i].tokenised ? l.wall + tokenisingWall : l.wall)));
  const totals = alone.map((t, i) => (LIBRARIES[i].tokenised ? t + tokenising : t));
  const best = Math.min(...totals);
  const ratio = ours.median / best;
  const met = ratio <= 2;
  if (!met) missed++;
  console.log(
    line([c.name, ms(ours.median), ...totals.map(ms), ms(tokenising), ms(best), `${ratio.toFixed(2)}×`, met ? 'met' : 'NOT MET', `${(ours.median / Math.min(...alone)).toFixed(2)}×`]),
  );
  console.log(`${''.padEnd(widths[0])} wall clock: Errata ${ms(ours.wall)} ms, best ${ms(bestWall)} ms (${(ours.wall / bestWall).toFixed(2)}×); Errata p95 ${ms(ours.p95)} ms (own target < ${c.target} ms: ${ours.median < c.target ? 'met' : 'not met'}); ${summariseDiff(result)}${result.approximate ? ' (approximate)' : ''}`);
}
console.log(missed === 0 ? '\nErrata within 2× of the best library on every case.' : `\n${missed} case(s) over 2× the best library.`);
process.exitCode = missed === 0 ? 0 : 1;
