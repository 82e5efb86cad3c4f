import { describe, expect, it } from 'vitest';
import { findSubstantiveChanges } from '../stealth-edit';
import { describeChange, markedChange, markedChangeText, wordedChanges } from './wording';

const worded = (a: string, b: string) => wordedChanges(a, b, findSubstantiveChanges(a, b)).map(describeChange);

describe('history wording', () => {
  it('says added and removed, never “” became', () => {
    expect(describeChange({ before: '', after: 'Nick' })).toBe('added “Nick”');
    expect(describeChange({ before: 'Nick', after: '' })).toBe('removed “Nick”');
    expect(describeChange({ before: 'nine', after: '11' })).toBe('“nine” became “11”');
  });

  it('an added name reads as added', () => {
    expect(worded('The leader, Smith, resigned.', 'The leader, Nick Smith, resigned.')).toEqual(['added “Nick”']);
  });

  it('an added “on Saturday” is not cut to “Saturday”', () => {
    expect(worded('Police said the road would reopen.', 'Police said on Saturday the road would reopen.')).toEqual(['added “on Saturday”']);
    expect(worded('Police said on Saturday the road would reopen.', 'Police said the road would reopen.')).toEqual(['removed “on Saturday”']);
  });

  it('a changed figure is the whole figure, each change told once', () => {
    expect(worded('Fares will rise to £4.20 in March.', 'Fares will rise to £4.80 in March.')).toEqual(['“£4.20” became “£4.80”']);
    expect(worded('They lost nine councils and 695 council seats.', 'They lost 11 councils and 842 council seats.')).toEqual([
      '“nine” became “11”',
      '“695” became “842”',
    ]);
  });

  it('a long rewrite falls back to the facts themselves', () => {
    const a = 'The mayor said the bridge would open in 2027 after a long and difficult consultation with residents.';
    const b = 'Officials confirmed that the harbour footbridge, closed since the storm, reopens in 2029 following an engineering survey of every pier.';
    const out = worded(a, b);
    expect(out).toContain('“2027” became “2029”');
  });
});

describe('the minor-edit warning shows a passage once, its change marked', () => {
  const before = 'The chair said: we will not close the library, whatever the budget, while this council sits and the town still wants it.';
  const after = 'The chair said: we will close the library, whatever the budget, while this council sits and the town still wants it.';

  it('marks only the changed words, with a little context', () => {
    const pieces = markedChange({ before, after }, 3);
    expect(pieces.filter((p) => p.change).map((p) => [p.change, p.text.trim()])).toEqual([['removed', 'not']]);
    const text = pieces.map((p) => p.text).join('');
    // Shown once: far shorter than the two passages together, and never both in full.
    expect(text.length).toBeLessThan(before.length);
    expect(text).toContain('will');
    expect(text).toContain('close the library');
  });

  it('as plain text: [old → new]', () => {
    expect(markedChangeText({ before: 'Fares will rise to £4.20 in March.', after: 'Fares will rise to £4.80 in March.' })).toBe('Fares will rise to [“£4.20” → “£4.80”] in March.');
    expect(markedChangeText({ before: '', after: 'Nick' })).toBe('[added “Nick”]');
  });
});
