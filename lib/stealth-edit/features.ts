// The facts a stealth edit can change: numbers, names, quoted words and negations, found in one text.
import { fold } from '../anchoring/matching';
import { words } from '../text';
import { NEGATIONS } from './lexicon';
import { knownNames, namesIn } from './names';
import { type Found, numbersIn } from './numbers';

export const SUBSTANTIVE_KINDS = ['number', 'name', 'quote', 'negation'] as const;
export type SubstantiveKind = (typeof SUBSTANTIVE_KINDS)[number];

export type Facts = Record<SubstantiveKind, Found[]>;

// Curly quotes fold to straight ones character for character, so offsets hold.
const QUOTED = /"([^"\n]+)"/g;

/** Quoted passages, keyed by their words: respacing, recasing or repunctuating a quote is not a new quote. */
function quotesIn(text: string): Found[] {
  return Array.from(fold(text).matchAll(QUOTED), (m) => ({
    key: words(m[1])
      .map((w) => w.key)
      .join(' '),
    text: text.slice(m.index + 1, m.index + m[0].length - 1),
    start: m.index,
    end: m.index + m[0].length,
  })).filter((q) => q.key);
}

const NEGATION = /\b(?:not|never|no|cannot|nobody|none|nothing|neither|nor)\b|n['’]t\b/giu;

/** "did not" and "didn't" are the same negation; "not" and "never" are not. */
function negationsIn(text: string): Found[] {
  return Array.from(text.matchAll(NEGATION), (m) => {
    const word = m[0].toLowerCase().replace('’', "'");
    return { key: NEGATIONS.get(word) ?? word, text: m[0], start: m.index, end: m.index + m[0].length };
  });
}

/** The facts of both versions; names are judged against both, so a moved name stays a name. */
export function factsOf(before: string, after: string): [Facts, Facts] {
  const known = knownNames(before, after);
  const of = (text: string): Facts => ({ number: numbersIn(text), name: namesIn(text, known), quote: quotesIn(text), negation: negationsIn(text) });
  return [of(before), of(after)];
}

/** How often each word occurs, whatever its case: tells a recapitalised word from a new one. */
export function wordCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of words(text)) counts.set(w.key, (counts.get(w.key) ?? 0) + 1);
  return counts;
}
