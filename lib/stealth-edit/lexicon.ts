// Small word lists shared by the stealth-edit check and claim matching: words whose change alters a fact.

/** Number words and their values; multipliers are applied by the parser. */
export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ...['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'].map(
    (word, value) => [word, value] as const,
  ),
  ...['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'].map((word, i) => [word, (i + 2) * 10] as const),
  ['dozen', 12],
]);

export const MULTIPLIERS: ReadonlyMap<string, number> = new Map([
  ['hundred', 100],
  ['thousand', 1e3],
  ['million', 1e6],
  ['billion', 1e9],
  ['trillion', 1e12],
]);

/** Negating words, keyed so that "did not" and "didn't" count as the same negation. */
export const NEGATIONS: ReadonlyMap<string, string> = new Map([
  ['not', 'not'],
  ["n't", 'not'],
  ['cannot', 'not'],
  ['never', 'never'],
  ['no', 'no'],
  ['nobody', 'nobody'],
  ['none', 'none'],
  ['nothing', 'nothing'],
  ['neither', 'neither'],
  ['nor', 'nor'],
]);

/** True for a word that states a quantity or a negation: never a mere spelling slip. */
export function isFactWord(word: string): boolean {
  const w = word.toLowerCase();
  return NUMBER_WORDS.has(w) || MULTIPLIERS.has(w) || NEGATIONS.has(w) || /\d/.test(w);
}

/** Capitalised only because they open a sentence; never taken for names there. */
export const SENTENCE_STARTERS: ReadonlySet<string> = new Set(
  (
    'a an the this that these those there their they them it its he she his her we our you your i ' +
    'and but or so yet nor for if when while after before since as at by from in into on of to with ' +
    'without about over under between among during until then now today yesterday tomorrow also ' +
    'however meanwhile although though because instead still even only some many most more much ' +
    'several few all both each every any one no not never what which who whom whose where why how ' +
    'later earlier afterwards first finally last next overall separately elsewhere here recently ' +
    'previously currently initially eventually speaking asked according like unlike despite instead'
  ).split(' '),
);

/** Abbreviations whose full stop does not end a sentence ("Mr. Hart"). */
export const TITLES: ReadonlySet<string> = new Set('mr mrs ms dr prof st sen rep gov gen col lt sgt capt rev jr sr no vs'.split(' '));
