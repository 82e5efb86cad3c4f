import { describe, expect, it } from 'vitest';
import { findSubstantiveChanges, isSubstantive } from './index';
import { numbersIn } from './numbers';

const story =
  'The Harbour Alliance lost 695 council seats and nine councils, Robin Hart said on Monday. ' +
  '“We did not expect it,” she said. Costs rose to £3.5m, up 12% on 2019, with 1,200 staff affected.';

/** The changes made by one replacement in the story. */
const edit = (from: string, to: string) => {
  if (!story.includes(from)) throw new Error(`"${from}" is not in the story`);
  return findSubstantiveChanges(story, story.replace(from, to));
};

describe('numbers', () => {
  it('flags a changed figure, number word, amount, percentage or year', () => {
    expect(edit('695', '842')).toEqual([{ kind: 'number', before: '695', after: '842' }]);
    expect(edit('nine councils', 'eleven councils')).toEqual([{ kind: 'number', before: 'nine', after: 'eleven' }]);
    expect(edit('nine councils', '11 councils')).toEqual([{ kind: 'number', before: 'nine', after: '11' }]);
    expect(edit('1,200', '1,300')).toEqual([{ kind: 'number', before: '1,200', after: '1,300' }]);
    expect(edit('£3.5m', '£4.5m')).toEqual([{ kind: 'number', before: '£3.5m', after: '£4.5m' }]);
    expect(edit('£3.5m', '$3.5m')).toEqual([{ kind: 'number', before: '£3.5m', after: '$3.5m' }]);
    expect(edit('12%', '21%')).toEqual([{ kind: 'number', before: '12%', after: '21%' }]);
    expect(edit('on 2019', 'on 2018')).toEqual([{ kind: 'number', before: '2019', after: '2018' }]);
  });

  it('flags a number added or removed', () => {
    expect(edit('with 1,200 staff', 'with staff')).toEqual([{ kind: 'number', before: '1,200', after: '' }]);
    expect(edit('Costs rose', 'Costs rose 4 per cent')).toEqual([{ kind: 'number', before: '', after: '4 per cent' }]);
  });

  it('does not flag the same value written another way', () => {
    expect(edit('nine councils', '9 councils')).toEqual([]);
    expect(edit('£3.5m', '£3.5 million')).toEqual([]);
    expect(edit('12%', '12 per cent')).toEqual([]);
    expect(edit('1,200', '1200')).toEqual([]);
  });

  it('reads numbers as values', () => {
    const keys = numbersIn('two hundred and fifty, twenty-one, a forty-year-old, 3rd, £3 million, 45 per cent').map((n) => n.key);
    expect(keys).toEqual(['250', '21', '40', '3 ordinal', '£3000000', '45%']);
  });
});

describe('names', () => {
  it('flags a misspelt or changed name, even one opening a sentence before a surname', () => {
    expect(edit('Robin Hart', 'Robin Harte')).toEqual([{ kind: 'name', before: 'Hart', after: 'Harte' }]);
    const opening = 'Robin Hart said the vote was close.';
    expect(findSubstantiveChanges(opening, opening.replace('Robin', 'Robyn'))).toEqual([{ kind: 'name', before: 'Robin', after: 'Robyn' }]);
    expect(edit('on Monday', 'on Tuesday')).toEqual([{ kind: 'name', before: 'Monday', after: 'Tuesday' }]);
  });

  it('flags a name removed', () => {
    expect(edit(', Robin Hart said on Monday', ', a spokesman said on Monday')).toEqual([
      { kind: 'name', before: 'Robin', after: '' },
      { kind: 'name', before: 'Hart', after: '' },
    ]);
  });

  it('does not flag recapitalisation, a common word opening a sentence, or a name that moved', () => {
    expect(edit('council seats', 'Council seats')).toEqual([]);
    expect(edit('The Harbour', 'This Harbour')).toEqual([]);
    expect(edit('nine councils, Robin Hart said on Monday.', 'nine councils. Robin Hart said so on Monday.')).toEqual([]);
    expect(edit("Robin Hart said on Monday", 'said Robin Hart on Monday')).toEqual([]);
  });
});

describe('quotes', () => {
  it('flags words changed inside curly or straight double quotes', () => {
    expect(edit('expect it', 'expect this')).toEqual([{ kind: 'quote', before: 'We did not expect it,', after: 'We did not expect this,' }]);
    const straight = 'He said "the count was fair" on Friday.';
    expect(findSubstantiveChanges(straight, straight.replace('fair', 'fine'))).toEqual([{ kind: 'quote', before: 'the count was fair', after: 'the count was fine' }]);
  });

  it('does not flag straightened quote marks, moved punctuation or a quote that moved', () => {
    expect(edit('“We did not expect it,”', '"We did not expect it,"')).toEqual([]);
    expect(edit('“We did not expect it,” she said.', 'She said: “We did not expect it.”')).toEqual([]);
  });
});

describe('negations', () => {
  it('flags a negation removed or added, with the phrase around it', () => {
    const text = 'The council did not approve the plan. Officials said it was final.';
    expect(findSubstantiveChanges(text, text.replace('did not approve', 'approved'))).toEqual([
      { kind: 'negation', before: 'council did not approve the', after: 'council approved the' },
    ]);
    expect(findSubstantiveChanges(text, text.replace('it was final', 'it was never final'))).toEqual([
      { kind: 'negation', before: 'it was final', after: 'it was never final' },
    ]);
    expect(isSubstantive(text, text.replace("did not", "didn't").replace('final', 'not final'))).toBe(true);
  });

  it('does not flag a contraction', () => {
    const text = 'The council did not approve the plan.';
    expect(findSubstantiveChanges(text, "The council didn't approve the plan.")).toEqual([]);
  });
});

describe('minor edits', () => {
  const minor: [string, string][] = [
    ['a typo in a common word', 'The goverment said it would act. Robin Hart agreed.'],
    ['a comma added', 'The government said, it would act. Robin Hart agreed.'],
    ['a doubled space', 'The government  said it would act. Robin Hart agreed.'],
    ['a rephrase', 'Robin Hart agreed. The government said that it would act.'],
  ];
  const fixed = 'The government said it would act. Robin Hart agreed.';

  it.each(minor)('does not flag %s', (_, before) => {
    expect(findSubstantiveChanges(before, fixed)).toEqual([]);
    expect(isSubstantive(before, fixed)).toBe(false);
  });

  it('does not flag a rephrase that keeps every number, name, quote and negation', () => {
    const before = 'The council said on Monday that it would close 3 libraries and would not reopen them.';
    const after = 'On Monday, the council said it would close 3 libraries, and would not reopen them.';
    expect(findSubstantiveChanges(before, after)).toEqual([]);
  });

  it('finds nothing in an unchanged text, and every change of a mixed edit in reading order', () => {
    expect(findSubstantiveChanges(story, story)).toEqual([]);
    const after = story.replace('695', '842').replace('Hart', 'Harte').replace('did not expect', 'expected');
    expect(findSubstantiveChanges(story, after).map((c) => c.kind)).toEqual(['number', 'name', 'quote', 'negation']);
  });
});
