import { describe, expect, it } from 'vitest';
import { toPlainText } from '../markdown';
import { changedRanges, diffBody, diffText, diffVersions, summariseDiff } from './index';
import type { DiffBlock, DiffRun } from './index';

/** "lost [-695] [+842] seats": deletions and insertions in brackets, their leading space outside. */
function show(runs: DiffRun[]): string {
  return runs
    .map((r) => {
      if (r.op === 'equal') return r.text;
      const space = /^\s*/.exec(r.text)?.[0] ?? '';
      return `${space}[${r.op === 'insert' ? '+' : '-'}${r.text.slice(space.length)}]`;
    })
    .join('');
}

const ops = (blocks: DiffBlock[]) => blocks.map((b) => (b.join ? `${b.op}:${b.join}` : b.op));
const changed = (blocks: DiffBlock[]) => blocks.filter((b) => b.op !== 'equal');

const P = [
  'The Harbour Alliance lost 695 council seats and nine councils overnight.',
  'Councillors argued for three hours about the cost of street lighting.',
  'The mayor, Ana Pérez, said the plan would save £1,200.5 a year.',
  'Opposition members walked out before the final vote was taken.',
  'A spokesperson said the council would publish the minutes next week.',
];
const body = (paras: string[]) => paras.join('\n\n');
const ORIGINAL = body(P);

describe('diffBody', () => {
  it('finds no changes between identical texts', () => {
    const d = diffBody(ORIGINAL, ORIGINAL);
    expect(ops(d.blocks)).toEqual(['equal', 'equal', 'equal', 'equal', 'equal']);
    expect(d.summary.changes).toBe(0);
    expect(d.approximate).toBe(false);
    expect(summariseDiff(d)).toBe('No changes');
  });

  it('shows one changed word in its paragraph', () => {
    const d = diffBody(ORIGINAL, ORIGINAL.replace('argued', 'quarrelled'));
    expect(changed(d.blocks)).toHaveLength(1);
    expect(show(changed(d.blocks)[0].runs)).toBe('Councillors [-argued] [+quarrelled] for three hours about the cost of street lighting.');
    expect(summariseDiff(d)).toBe('1 change: 1 word deleted, 1 inserted');
  });

  it('changes numbers as whole tokens', () => {
    const d = diffBody(ORIGINAL, ORIGINAL.replace('695', '842').replace('nine', '11').replace('1,200.5', '1,300.5'));
    const runs = changed(d.blocks).map((b) => show(b.runs));
    expect(runs).toEqual([
      'The Harbour Alliance lost [-695] [+842] council seats and [-nine] [+11] councils overnight.',
      'The mayor, Ana Pérez, said the plan would save £[-1,200.5][+1,300.5] a year.',
    ]);
    expect(summariseDiff(d)).toBe('3 changes: 3 words deleted, 3 inserted');
  });

  it('shows an inserted sentence as one insertion', () => {
    const d = diffBody(ORIGINAL, ORIGINAL.replace('street lighting.', 'street lighting. Nobody agreed.'));
    expect(show(changed(d.blocks)[0].runs)).toBe('Councillors argued for three hours about the cost of street lighting. [+Nobody agreed.]');
    expect(summariseDiff(d)).toBe('1 change: 2 words inserted');
  });

  it('shows inserted and deleted paragraphs as whole blocks', () => {
    const d = diffBody(ORIGINAL, body([P[0], 'A new paragraph about the count.', ...P.slice(1, 4)]));
    expect(ops(d.blocks)).toEqual(['equal', 'insert', 'equal', 'equal', 'equal', 'delete']);
    expect(summariseDiff(d)).toBe('2 changes: 11 words deleted, 6 inserted');
  });

  it('detects a moved paragraph and says which way it went', () => {
    const d = diffBody(ORIGINAL, body([P[0], P[2], P[3], P[4], P[1]]));
    const moves = d.blocks.filter((b) => b.op === 'move');
    expect(moves.map((b) => [b.move?.side, b.move?.direction, b.oldIndex, b.newIndex])).toEqual([
      ['from', 'down', 1, 4],
      ['to', 'down', 1, 4],
    ]);
    expect(moves[0].move?.id).toBe(moves[1].move?.id);
    expect(show(moves[1].runs)).toBe(P[1]);
    expect(summariseDiff(d)).toBe('1 change: 1 paragraph moved');
  });

  it('detects a moved paragraph that was also edited', () => {
    const d = diffBody(ORIGINAL, body([P[1].replace('three', 'four'), P[0], P[2], P[3], P[4]]));
    const to = d.blocks.find((b) => b.move?.side === 'to');
    expect(to && show(to.runs)).toBe('Councillors argued for [-three] [+four] hours about the cost of street lighting.');
    expect(summariseDiff(d)).toBe('2 changes: 1 word deleted, 1 inserted, 1 paragraph moved');
  });

  it('shows a paragraph split in two as its parts, not as a rewrite', () => {
    const split = ['Councillors argued for three hours.', 'They spoke about the cost of street lighting.'];
    const d = diffBody(ORIGINAL, body([P[0], ...split, ...P.slice(2)]));
    const parts = changed(d.blocks);
    expect(ops(parts)).toEqual(['change', 'change:split']);
    expect(parts.map((b) => [b.oldIndex, b.newIndex])).toEqual([
      [1, 1],
      [1, 2],
    ]);
    expect(parts.map((b) => show(b.runs))).toEqual(['Councillors argued for three hours[+.]', '[+They spoke] about the cost of street lighting.']);
  });

  it('shows two paragraphs joined into one as a merge', () => {
    const d = diffBody(ORIGINAL, body([P[0], `${P[1]} ${P[2]}`, ...P.slice(3)]));
    expect(ops(changed(d.blocks))).toEqual(['change', 'change:merge']);
    expect(changed(d.blocks).map((b) => show(b.runs))).toEqual([P[1], P[2]]);
  });

  it('notes a paragraph that became a heading', () => {
    const d = diffBody('Results\n\nText.', '## Results\n\nText.');
    expect(d.blocks[0]).toMatchObject({ op: 'change', shape: { kind: 'heading', level: 2 }, oldShape: { kind: 'paragraph' } });
    expect(d.summary.changes).toBe(1);
  });

  it('treats punctuation changes as changes of their own', () => {
    const d = diffBody(ORIGINAL, ORIGINAL.replace('Pérez,', 'Pérez').replace('taken.', 'taken!'));
    expect(changed(d.blocks).map((b) => show(b.runs))).toEqual([
      'The mayor, Ana Pérez[-,] said the plan would save £1,200.5 a year.',
      'Opposition members walked out before the final vote was taken[-.][+!]',
    ]);
    expect(summariseDiff(d)).toBe('2 changes: punctuation, formatting or layout only');
  });

  it('ignores rewrapping and extra spaces, and notes spacing that shows', () => {
    const rewrapped = ORIGINAL.replace('about the', 'about\nthe').replace('the plan', 'the   plan').replace(/\n\n/g, '\n\n\n');
    expect(summariseDiff(diffBody(ORIGINAL, rewrapped))).toBe('No changes');
    const d = diffBody('He said ( no ) to that.', 'He said (no) to that.');
    expect(d.summary.changes).toBe(0);
    expect(d.summary.spacingChanges).toBe(2);
    expect(summariseDiff(d)).toBe('No changes to the words; spacing only');
  });

  it('handles accents, curly quotes and emoji as whole tokens', () => {
    const d = diffBody('The café said “naïve” things 🙂 today.', 'The café said "naive" things 🙁 today.');
    expect(show(d.blocks[0].runs)).toBe('The café said [-“naïve”] [+"naive"] things [-🙂] [+🙁] today.');
  });

  it('keeps formatting and link targets, and detects a changed target', () => {
    const a = 'See [the report](https://example.org/r1) and *this* **bold** `code`.';
    const d = diffBody(a, a.replace('r1', 'r2'));
    const runs = d.blocks[0].runs;
    expect(runs.find((r) => r.op === 'delete')).toEqual({ op: 'delete', text: ' the report', marks: { href: 'https://example.org/r1' } });
    expect(runs.find((r) => r.op === 'insert')).toEqual({ op: 'insert', text: ' the report', marks: { href: 'https://example.org/r2' } });
    expect(runs.filter((r) => r.op === 'equal').map((r) => r.marks)).toEqual([undefined, undefined, { em: true }, { strong: true }, { code: true }, undefined]);
    const same = diffBody(a, a.replace('See', 'Read'));
    expect(same.blocks[0].runs.find((r) => r.marks?.href)).toEqual({ op: 'equal', text: ' the report', marks: { href: 'https://example.org/r1' } });
  });

  it('never passes an unsafe link target through', () => {
    const d = diffBody('', 'A [trap](javascript:alert(1)) and a [file](ftp://example.org/x).');
    expect(JSON.stringify(d)).not.toContain('ftp:');
    expect(d.blocks[0].runs.some((r) => r.marks?.href)).toBe(false);
  });

  it('handles an empty side in both directions', () => {
    const added = diffBody('', ORIGINAL);
    expect(ops(added.blocks)).toEqual(['insert', 'insert', 'insert', 'insert', 'insert']);
    expect(added.summary).toMatchObject({ changes: 1, wordsInserted: 55, wordsDeleted: 0 });
    const removed = diffBody(ORIGINAL, '');
    expect(ops(removed.blocks)).toEqual(['delete', 'delete', 'delete', 'delete', 'delete']);
    expect(summariseDiff(removed)).toBe('1 change: 55 words deleted');
    expect(diffBody('', '').blocks).toEqual([]);
  });

  it('shows a full rewrite as deleted then inserted paragraphs', () => {
    const d = diffBody(ORIGINAL, body(['Entirely different words appear here now.', 'Nothing remains from before, at all.']));
    expect(ops(d.blocks)).toEqual(['delete', 'delete', 'delete', 'delete', 'delete', 'insert', 'insert']);
    expect(d.approximate).toBe(false);
  });

  it('shows a paragraph that changed too much as a deletion and an insertion', () => {
    const d = diffBody(P[0], 'The Harbour Alliance held every seat it defended in the north.');
    expect(ops(d.blocks)).toEqual(['delete', 'insert']);
    const lenient = diffBody(P[0], 'The Harbour Alliance held every seat it defended in the north.', { changeThreshold: 0.2 });
    expect(ops(lenient.blocks)).toEqual(['change']);
  });

  it('folds short equal islands so a rewritten clause reads as one change', () => {
    const d = diffText('the mayor said on Tuesday that the plan would go ahead', 'the council leader said late on Monday that the plan would go ahead');
    expect(show(d.runs)).toBe('the [-mayor said on Tuesday] [+council leader said late on Monday] that the plan would go ahead');
    expect(summariseDiff(d)).toBe('1 change: 4 words deleted, 6 inserted');
  });

  it('falls back to whole paragraphs when the bound is hit, and says so', () => {
    const edited = ORIGINAL.replace('council seats and nine councils', 'seats on councils and nine mayors');
    const d = diffBody(ORIGINAL, edited, { maxEditLength: 3 });
    expect(d.approximate).toBe(true);
    expect(ops(changed(d.blocks))).toEqual(['delete', 'insert']);
    expect(diffBody(ORIGINAL, edited).approximate).toBe(false);
    const late = diffBody(ORIGINAL, edited, { timeoutMs: 0 });
    expect(late.approximate).toBe(true);
    expect(late.blocks.some((b) => b.op === 'change')).toBe(false);
  });

  it('stays bounded on a huge single paragraph', () => {
    const words = Array.from({ length: 20_000 }, (_, i) => `w${(i * 7919) % 3001}`);
    const started = Date.now();
    const d = diffBody(words.join(' '), [...words].reverse().join(' '), { timeoutMs: 500 });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(d.approximate).toBe(true);
  });
});

describe('diffVersions and summariseDiff', () => {
  const before = { headline: 'Alliance loses 695 council seats', standfirst: 'A long night for the party.', body: ORIGINAL };

  it('diffs every field and sums the changes', () => {
    const after = { headline: 'Alliance loses 842 council seats', standfirst: before.standfirst, body: ORIGINAL.replace('695', '842') };
    const d = diffVersions(before, after);
    expect(show(d.fields.headline)).toBe('Alliance loses [-695] [+842] council seats');
    expect(show(d.fields.standfirst)).toBe('A long night for the party.');
    expect(d.fields.body).toHaveLength(5);
    expect(summariseDiff(d)).toBe('2 changes: 2 words deleted, 2 inserted');
    expect(JSON.parse(JSON.stringify(d))).toEqual(d);
  });

  it('words the summary for one and many', () => {
    const s = (changes: number, wordsDeleted: number, wordsInserted: number, paragraphsMoved = 0) =>
      summariseDiff({ summary: { changes, wordsDeleted, wordsInserted, paragraphsMoved, spacingChanges: 0 } });
    expect(s(3, 2, 5)).toBe('3 changes: 2 words deleted, 5 inserted');
    expect(s(1, 1, 1)).toBe('1 change: 1 word deleted, 1 inserted');
    expect(s(1, 0, 1)).toBe('1 change: 1 word inserted');
    expect(s(2, 0, 0, 2)).toBe('2 changes: 2 paragraphs moved');
    expect(s(0, 0, 0)).toBe('No changes');
  });
});

describe('changedRanges', () => {
  it('maps changed words to offsets in each version’s plain text', () => {
    const a = '## The count\n\nThe *Alliance* lost 695 council seats and nine councils.';
    const b = '## The count\n\nThe *Alliance* lost 842 council seats and 11 councils.';
    const r = changedRanges(a, b);
    const [oldText, newText] = [toPlainText(a), toPlainText(b)];
    expect(r.deleted.map((x) => oldText.slice(x.start, x.end))).toEqual(['695', 'nine']);
    expect(r.inserted.map((x) => newText.slice(x.start, x.end))).toEqual(['842', '11']);
  });

  it('covers whole inserted paragraphs', () => {
    const r = changedRanges('One.', 'One.\n\nTwo more words.');
    expect(r.inserted).toEqual([{ start: 6, end: 21 }]);
    expect(r.deleted).toEqual([]);
  });
});
