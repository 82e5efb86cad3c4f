// Benchmark of the version diff on a generated 10,000-word article: `npx tsx bench/diff.ts`.
import { diffWords } from 'diff';
import { diffVersions, summariseDiff } from '../lib/diff/index';
import type { VersionText } from '../lib/diff/index';
import { seededRandom as prng } from '../lib/random';

const PARAGRAPHS = 100;
const WORDS_PER_PARAGRAPH = 100;
const RUNS = 40;
const WARMUP = 5;
const BASELINE_RUNS = 10; // diffWords on a whole body is slow; fewer runs keep the script short


const COMMON = (
  'the of and to a in that is was he for it with as his on be at by had are but from or have an they which one you were ' +
  'her all she there would their we him been has when who will more no if out so said what up its about into than them can ' +
  'only other new some could time these two may then do first any my now such like our over man me even most made after also ' +
  'did many before must through back years where much your way well down should because each just those people how too ' +
  'council seats party leader election minister government police report court city week year night vote result'
).split(' ');
const SYLLABLES = 'ba be bi bo bu ca ce co da de di do fa fe fi ga ge go ha he hi ka ke ko la le li lo lu ma me mi mo na ne ni no pa pe pi po ra re ri ro sa se si so ta te ti to va ve vi wa we ya yo za'.split(' ');

function vocabulary(rand: () => number): string[] {
  const words = [...COMMON];
  while (words.length < 3000) {
    let w = '';
    const n = 2 + Math.floor(rand() * 3);
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
    words.push(w);
  }
  return words;
}

/** Zipf-like: common words often, the long tail rarely, as in real prose. */
function picker(rand: () => number, words: string[]): () => string {
  return () => {
    const u = rand();
    if (u < 0.02) return String(Math.floor(rand() * 2000));
    if (u < 0.03) return `${Math.floor(rand() * 90) + 1},${String(Math.floor(rand() * 1000)).padStart(3, '0')}`;
    if (u < 0.05) {
      const w = words[COMMON.length + Math.floor(rand() * 200)];
      return w[0].toUpperCase() + w.slice(1); // a name
    }
    return words[Math.floor(Math.pow(rand(), 2.2) * words.length)];
  };
}

/** A paragraph as words; punctuation and Markdown ride on the words, as typed. */
function paragraph(rand: () => number, word: () => string): string[] {
  const out: string[] = [];
  while (out.length < WORDS_PER_PARAGRAPH) {
    const length = 8 + Math.floor(rand() * 15);
    for (let i = 0; i < length; i++) {
      let w = word();
      if (i === 0) w = w[0].toUpperCase() + w.slice(1);
      if (i > 2 && i < length - 2 && rand() < 0.06) w += ',';
      if (rand() < 0.01) w = `*${w}*`;
      if (rand() < 0.005) w = `[${w}](https://example.org/${Math.floor(rand() * 100)})`;
      out.push(i === length - 1 ? `${w}.` : w);
    }
  }
  return out;
}

function article(seed: number): string[][] {
  const rand = prng(seed);
  const word = picker(rand, vocabulary(prng(7)));
  return Array.from({ length: PARAGRAPHS }, () => paragraph(rand, word));
}

/** Changes a share of the words: replaced, removed or with a new word after them. */
function edit(paras: string[][], share: number, seed: number): string[][] {
  const rand = prng(seed);
  const word = picker(rand, vocabulary(prng(7)));
  return paras.map((p) =>
    p.flatMap((w) => {
      if (rand() >= share) return [w];
      const u = rand();
      if (u < 0.5) return [word()];
      if (u < 0.75) return [];
      return [w, word()];
    }),
  );
}

function reorder(paras: string[][], count: number, seed: number): string[][] {
  const rand = prng(seed);
  const out = [...paras];
  const moved: string[][] = [];
  for (let i = 0; i < count; i++) moved.push(...out.splice(Math.floor(rand() * out.length), 1));
  for (const p of moved) out.splice(Math.floor(rand() * (out.length + 1)), 0, p);
  return out;
}

const body = (paras: string[][]) => paras.map((p) => p.join(' ')).join('\n\n');
const version = (paras: string[][], headline: string): VersionText => ({ headline, standfirst: 'What happened on election night, and why.', body: body(paras) });

function time(fn: () => void, runs: number): { median: number; p95: number } {
  for (let i = 0; i < Math.min(WARMUP, runs); i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  samples.sort((x, y) => x - y);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.ceil(q * samples.length) - 1)];
  return { median: at(0.5), p95: at(0.95) };
}

const original = article(1);
const words = original.reduce((n, p) => n + p.length, 0);
const before = version(original, 'Alliance loses 695 council seats');
const cases = [
  { name: '(a) 1% of words changed', after: version(edit(original, 0.01, 2), 'Alliance loses 842 council seats'), target: 30, baseline: true },
  { name: '(b) 10% of words changed', after: version(edit(original, 0.1, 3), 'Alliance loses 842 seats'), target: 30, baseline: true, mustBeatBaseline: true },
  { name: '(c) full rewrite', after: version(article(4), 'A night of losses'), target: 250, baseline: false },
  { name: '(d) 20 paragraphs reordered', after: version(reorder(original, 20, 5), 'Alliance loses 695 council seats'), target: 250, baseline: false },
];

console.log(`Article: ${words} words in ${PARAGRAPHS} paragraphs; ${RUNS} runs per case after ${WARMUP} warm-up runs.\n`);
const f = (n: number) => n.toFixed(1).padStart(8);
console.log(`${'case'.padEnd(30)} ${'median'.padStart(8)} ${'p95'.padStart(8)} ${'diffWords'.padStart(10)} ${'ratio'.padStart(7)}  target     result`);
let failed = 0;
for (const c of cases) {
  const result = diffVersions(before, c.after);
  const ours = time(() => diffVersions(before, c.after), RUNS);
  const base = c.baseline ? time(() => diffWords(before.body, c.after.body), BASELINE_RUNS) : undefined;
  const ratio = base ? ours.median / base.median : undefined;
  const checks = [ours.median < c.target, !c.mustBeatBaseline || (ratio !== undefined && ratio < 1)];
  const pass = checks.every(Boolean);
  if (!pass) failed++;
  const target = `<${c.target} ms${c.mustBeatBaseline ? ', <1x' : ''}`;
  console.log(
    `${c.name.padEnd(30)} ${f(ours.median)} ${f(ours.p95)} ${base ? f(base.median).padStart(10) : '-'.padStart(10)} ${ratio ? `${ratio.toFixed(3)}x`.padStart(7) : '-'.padStart(7)}  ${target.padEnd(10)} ${pass ? 'PASS' : 'FAIL'}`,
  );
  console.log(`${''.padEnd(30)} ${summariseDiff(result)}${result.approximate ? ' (approximate)' : ''}`);
}
console.log(failed === 0 ? '\nAll targets met.' : `\n${failed} target(s) missed.`);
process.exitCode = failed === 0 ? 0 : 1;
