// The diff benchmark's articles: a generated 10,000-word article and its edited versions.
import type { VersionText } from '../lib/diff/index';
import { seededRandom as prng } from '../lib/random';

export const PARAGRAPHS = 100;
const WORDS_PER_PARAGRAPH = 100;

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
function paragraph(rand: () => number, word: () => string, markdown = true): string[] {
  const out: string[] = [];
  while (out.length < WORDS_PER_PARAGRAPH) {
    const length = 8 + Math.floor(rand() * 15);
    for (let i = 0; i < length; i++) {
      let w = word();
      if (i === 0) w = w[0].toUpperCase() + w.slice(1);
      if (i > 2 && i < length - 2 && rand() < 0.06) w += ',';
      if (markdown && rand() < 0.01) w = `*${w}*`;
      if (markdown && rand() < 0.005) w = `[${w}](https://example.org/${Math.floor(rand() * 100)})`;
      out.push(i === length - 1 ? `${w}.` : w);
    }
  }
  return out;
}

export function article(seed: number): string[][] {
  const rand = prng(seed);
  const word = picker(rand, vocabulary(prng(7)));
  return Array.from({ length: PARAGRAPHS }, () => paragraph(rand, word));
}

const PLAIN_VOCABULARY = 200;

/** Plain prose without Markdown, from a small vocabulary taken evenly: paragraphs look alike. */
function plainPicker(rand: () => number): () => string {
  const words = vocabulary(prng(7)).slice(0, PLAIN_VOCABULARY);
  return () => words[Math.floor(rand() * words.length)];
}

export function plainArticle(seed: number): string[][] {
  const rand = prng(seed);
  const word = plainPicker(rand);
  return Array.from({ length: PARAGRAPHS }, () => paragraph(rand, word, false));
}

/** Changes a share of the words: replaced, removed or with a new word after them. */
export function edit(paras: string[][], share: number, seed: number, plain = false): string[][] {
  const rand = prng(seed);
  const word = plain ? plainPicker(rand) : picker(rand, vocabulary(prng(7)));
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

export function reorder(paras: string[][], count: number, seed: number): string[][] {
  const rand = prng(seed);
  const out = [...paras];
  const moved: string[][] = [];
  for (let i = 0; i < count; i++) moved.push(...out.splice(Math.floor(rand() * out.length), 1));
  for (const p of moved) out.splice(Math.floor(rand() * (out.length + 1)), 0, p);
  return out;
}

export const body = (paras: string[][]) => paras.map((p) => p.join(' ')).join('\n\n');
export const version = (paras: string[][], headline: string): VersionText => ({ headline, standfirst: 'What happened on election night, and why.', body: body(paras) });

